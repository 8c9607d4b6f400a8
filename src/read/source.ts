import { readdirSync, readFileSync, realpathSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { sortByLocaleName } from '../util/locale-order.js';

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

/**
 * The working tree. Its calls are synchronous inside the async interface on purpose: a CLI has
 * nothing else to do meanwhile, and a thread-pool round trip per file cost more than the read
 * (measured: 1,500 files in 0.4 s async, 0.1 s sync).
 */
export function diskSource(root: string): FileSource {
  let realRoot: string | undefined;
  const checkInside = (absolutePath: string) => {
    realRoot ??= realpathOr(root);
    const real = realpathSync.native(absolutePath);
    if (!isInside(realRoot, real)) throw new LinkEscapesRoot(absolutePath);
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
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(absolutePath);
    }
  };
  return {
    async readText(absolutePath) {
      try {
        checkInside(absolutePath);
        return readFileSync(absolutePath, 'utf8');
      } catch (error) {
        if (error instanceof LinkEscapesRoot) throw error;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async listFiles(absoluteDirectory) {
      const files: string[] = [];
      walk(absoluteDirectory, files);
      return files;
    },
    async listDirectories(absoluteDirectory) {
      return entriesOf(absoluteDirectory)
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    },
  };
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
