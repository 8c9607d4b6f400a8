import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Where file contents come from: the working tree, or (for `--staged`) the git index. Paths are
 * absolute. Implementations never follow a link out of `root`.
 */
export interface FileSource {
  /** the text, undefined when the file does not exist; throws LinkEscapesRoot for an escaping link */
  readText(absolutePath: string): Promise<string | undefined>;
  /** every regular file below a directory, recursively; [] when it does not exist */
  listFiles(absoluteDirectory: string): Promise<string[]>;
  /** immediate subdirectories of a directory */
  listDirectories(absoluteDirectory: string): Promise<string[]>;
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
  const checkInside = async (absolutePath: string) => {
    const real = await fs.realpath(absolutePath);
    if (!isInside(await realRoot, real)) throw new LinkEscapesRoot(absolutePath);
  };
  const walk = async (directory: string, files: string[]): Promise<void> => {
    const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((left, right) => left.name.localeCompare(right.name))) {
      const absolutePath = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(absolutePath, files);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(absolutePath);
    }
  };
  return {
    async readText(absolutePath) {
      try {
        await checkInside(absolutePath);
        return await fs.readFile(absolutePath, 'utf8');
      } catch (error) {
        if (error instanceof LinkEscapesRoot) throw error;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async listFiles(absoluteDirectory) {
      const files: string[] = [];
      await walk(absoluteDirectory, files);
      return files;
    },
    async listDirectories(absoluteDirectory) {
      const entries = await fs.readdir(absoluteDirectory, { withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    },
  };
}
