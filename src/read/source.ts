import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { sortByLocaleName } from '../util/locale-order.js';
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

/**
 * The working tree. Its calls are synchronous inside the async interface on purpose: a CLI has
 * nothing else to do meanwhile, and a thread-pool round trip per file cost more than the read
 * (measured: 1,500 files in 0.4 s async, 0.1 s sync).
 */
export function diskSource(root: string): FileSource {
  let realRoot: string | undefined;
  const escaping = new Set<string>();
  /** Resolves every link on the way; a path that does not exist is not outside. */
  const leadsOutside = (absolutePath: string): boolean => {
    realRoot ??= realpathOr(root);
    let real: string;
    try {
      real = realpathSync.native(absolutePath);
    } catch {
      return false;
    }
    return !isInside(realRoot, real);
  };
  // Listings are read once per run: discovery and the overlay scan walk the same directories, and a
  // source is a snapshot of one run (as the git sources are by nature).
  const listings = new Map<string, Dirent[]>();
  const entriesOf = (directory: string): Dirent[] => {
    let entries = listings.get(directory);
    if (!entries) {
      entries = sortByLocaleName(readEntries(directory), (entry) => entry.name);
      listings.set(directory, entries);
    }
    return entries;
  };
  const walk = (directory: string, files: string[]): void => {
    for (const entry of entriesOf(directory)) {
      const absolutePath = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(absolutePath, files);
      else if (entry.isFile()) files.push(absolutePath);
      else if (entry.isSymbolicLink()) {
        if (leadsOutside(absolutePath)) escaping.add(absolutePath);
        files.push(absolutePath);
      }
    }
  };
  return {
    async readText(absolutePath) {
      try {
        if (leadsOutside(absolutePath)) throw new LinkEscapesRoot(absolutePath);
        return decodeUtf8(readFileSync(absolutePath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async listFiles(absoluteDirectory) {
      // The directory itself may be reached through a link out of the root: never read it.
      if (leadsOutside(absoluteDirectory)) {
        escaping.add(absoluteDirectory);
        return [absoluteDirectory];
      }
      const files: string[] = [];
      walk(absoluteDirectory, files);
      return files;
    },
    async listDirectories(absoluteDirectory) {
      if (leadsOutside(absoluteDirectory)) return [];
      // A link out of the root is listed (and then reported by its service); links inside it are
      // not directories here, as in the git index.
      const isEscapingDirectory = (entry: Dirent) => entry.isSymbolicLink() && leadsOutside(path.join(absoluteDirectory, entry.name)) && isDirectory(path.join(absoluteDirectory, entry.name));
      return entriesOf(absoluteDirectory)
        .filter((entry) => entry.isDirectory() || isEscapingDirectory(entry))
        .map((entry) => entry.name)
        .sort();
    },
    leavesRoot(absolutePath) {
      return escaping.has(absolutePath);
    },
  };
}

function isDirectory(absolutePath: string): boolean {
  try {
    return statSync(absolutePath).isDirectory();
  } catch {
    return false;
  }
}

function readEntries(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

function realpathOr(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return root;
  }
}
