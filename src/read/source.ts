import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeUtf8 } from './decode.js';

/**
 * Where file contents come from: the working tree, or (for `--staged`) the git index. Paths are
 * absolute. Implementations never follow a link out of `root`.
 */
export interface FileSource {
  /**
   * the text, undefined when the file does not exist; throws LinkEscapesRoot for an escaping link
   * and NotUtf8Text for bytes that are not UTF-8
   */
  readText(absolutePath: string): Promise<string | undefined>;
  /**
   * every regular file below a directory, recursively; [] when it does not exist. Links are listed,
   * never walked; a link (or the directory itself) leading outside the root is listed as it is.
   */
  listFiles(absoluteDirectory: string): Promise<string[]>;
  /** immediate subdirectories of a directory (and links out of the root, so they can be reported) */
  listDirectories(absoluteDirectory: string): Promise<string[]>;
  /** whether a path listed above is a link leading outside the root, so discovery reports it instead of dropping it */
  leavesRoot?(absolutePath: string): boolean;
}

export class LinkEscapesRoot extends Error {
  constructor(readonly absolutePath: string) {
    super('is a symbolic link to a place outside the root; not followed');
  }
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function diskSource(root: string): FileSource {
  const realRoot = fs.realpath(root).catch(() => root);
  const escaping = new Set<string>();
  /** Resolves every link on the way; a path that does not exist is not outside. */
  const leadsOutside = async (absolutePath: string) => {
    const real = await fs.realpath(absolutePath).catch(() => undefined);
    return real !== undefined && !isInside(await realRoot, real);
  };
  const walk = async (directory: string, files: string[]): Promise<void> => {
    const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((left, right) => left.name.localeCompare(right.name))) {
      const absolutePath = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(absolutePath, files);
      else if (entry.isFile()) files.push(absolutePath);
      else if (entry.isSymbolicLink()) {
        if (await leadsOutside(absolutePath)) escaping.add(absolutePath);
        files.push(absolutePath);
      }
    }
  };
  return {
    async readText(absolutePath) {
      try {
        if (await leadsOutside(absolutePath)) throw new LinkEscapesRoot(absolutePath);
        return decodeUtf8(await fs.readFile(absolutePath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async listFiles(absoluteDirectory) {
      // The directory itself may be reached through a link out of the root: never read it.
      if (await leadsOutside(absoluteDirectory)) {
        escaping.add(absoluteDirectory);
        return [absoluteDirectory];
      }
      const files: string[] = [];
      await walk(absoluteDirectory, files);
      return files;
    },
    async listDirectories(absoluteDirectory) {
      if (await leadsOutside(absoluteDirectory)) return [];
      const entries = await fs.readdir(absoluteDirectory, { withFileTypes: true }).catch(() => []);
      const names: string[] = [];
      for (const entry of entries) {
        // A link out of the root is listed (and then reported by its service); links inside it are
        // not directories here, as in the git index.
        const linkPath = path.join(absoluteDirectory, entry.name);
        const escapingLink = entry.isSymbolicLink() && (await leadsOutside(linkPath)) && (await fs.stat(linkPath)).isDirectory();
        if (entry.isDirectory() || escapingLink) names.push(entry.name);
      }
      return names.sort();
    },
    leavesRoot(absolutePath) {
      return escaping.has(absolutePath);
    },
  };
}
