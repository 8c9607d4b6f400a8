import path from 'node:path';
import { decodeUtf8 } from '../read/decode.js';
import { LinkEscapesRoot, type FileSource } from '../read/source.js';
import { sortByLocaleName } from '../util/locale-order.js';
import type { CatFileBatch } from './cat-file.js';

/** One file of a git tree or index: its mode and blob id (paths relative to the work tree's top). */
export interface TreeEntry {
  objectId: string;
  isLink: boolean;
}

export interface TreeSourceOptions {
  /** the configured root, as the config spells it */
  root: string;
  /** the root's path inside the repository, '' when the root is the top */
  rootPrefix: string;
  /** regular files and symbolic links under the root (submodules left out) */
  entries: ReadonlyMap<string, TreeEntry>;
  catFile: CatFileBatch;
}

const MAX_LINK_HOPS = 32;

/**
 * A FileSource over a snapshot held by git (the index, or a commit's tree): the same answers as
 * the working tree would give, from git's objects. Like the disk source it follows a symbolic link
 * only while it stays inside the root.
 */
export function treeSource({ root, rootPrefix, entries, catFile }: TreeSourceOptions): FileSource {
  const repoPathOf = (absolutePath: string) => path.posix.join(rootPrefix, path.relative(root, absolutePath).split(path.sep).join('/'));
  const underPrefix = rootPrefix === '' ? '' : `${rootPrefix}/`;
  // Most paths sit below the root's prefix: cut it off instead of asking path.relative (1,500 calls in a hook).
  const rootDirectory = root.endsWith(path.sep) ? root : root + path.sep;
  const absoluteOf = (repoPath: string) =>
    underPrefix !== '' && !repoPath.startsWith(underPrefix)
      ? path.join(root, ...path.posix.relative(rootPrefix, repoPath).split('/'))
      : rootDirectory + repoPath.slice(underPrefix.length).split('/').join(path.sep);
  const insideRoot = (repoPath: string) => !repoPath.startsWith('../') && repoPath !== '..' && (rootPrefix === '' || repoPath === rootPrefix || repoPath.startsWith(`${rootPrefix}/`));
  const prefixOf = (directory: string) => {
    const repoPath = repoPathOf(directory);
    return repoPath === '.' || repoPath === '' ? '' : `${repoPath}/`;
  };
  let directories: Map<string, Set<string>> | undefined;
  /** Every file below a directory, in the order a directory walk gives (each directory in place). */
  const under = (directory: string) => {
    directories ??= directoryTree(entries.keys());
    const files: string[] = [];
    const walk = (repoDirectory: string) => {
      for (const name of sortByLocaleName([...(directories?.get(repoDirectory) ?? [])], (name) => name)) {
        const repoPath = repoDirectory === '' ? name : `${repoDirectory}/${name}`;
        if (directories?.has(repoPath)) walk(repoPath);
        else files.push(repoPath);
      }
    };
    walk(prefixOf(directory).slice(0, -1));
    return files;
  };

  /** Resolves links in any part of the path; a link leaving the root is refused, not followed. */
  const resolveLinks = async (absolutePath: string, repoPath: string, hops = 0): Promise<string> => {
    const parts = repoPath.split('/');
    for (let length = 1; length <= parts.length; length++) {
      const linkPath = parts.slice(0, length).join('/');
      const entry = entries.get(linkPath);
      if (!entry?.isLink) continue;
      const target = (await catFile.read(entry.objectId))?.toString('utf8') ?? '';
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), target));
      if (hops >= MAX_LINK_HOPS || path.posix.isAbsolute(target) || !insideRoot(resolved)) throw new LinkEscapesRoot(absolutePath);
      return resolveLinks(absolutePath, [resolved, ...parts.slice(length)].join('/'), hops + 1);
    }
    return repoPath;
  };

  return {
    async readText(absolutePath) {
      const repoPath = repoPathOf(absolutePath);
      if (repoPath.startsWith('../') || repoPath === '..') return undefined;
      const entry = entries.get(await resolveLinks(absolutePath, repoPath));
      if (!entry || entry.isLink) return undefined;
      const bytes = await catFile.read(entry.objectId);
      return bytes === undefined ? undefined : decodeUtf8(bytes);
    },
    async listFiles(absoluteDirectory) {
      return under(absoluteDirectory).map(absoluteOf);
    },
    async listDirectories(absoluteDirectory) {
      directories ??= directoryTree(entries.keys());
      const repoDirectory = prefixOf(absoluteDirectory).slice(0, -1);
      const names = [...(directories.get(repoDirectory) ?? [])];
      return names.filter((name) => directories?.has(repoDirectory === '' ? name : `${repoDirectory}/${name}`)).sort();
    },
  };
}

/**
 * Directory (repository path, '' for the top) → the names directly inside it, built once: a
 * repository with 500 services asks for 1,500 listings, and filtering every entry each time made
 * discovery quadratic (0.9 s of a 1.3 s commit hook).
 */
function directoryTree(repoPaths: Iterable<string>): Map<string, Set<string>> {
  const directories = new Map<string, Set<string>>();
  for (const repoPath of repoPaths) {
    for (let child = repoPath; ; ) {
      const slash = child.lastIndexOf('/');
      const parent = slash === -1 ? '' : child.slice(0, slash);
      const names = directories.get(parent);
      if (names) {
        names.add(child.slice(slash + 1));
        break;
      }
      directories.set(parent, new Set([child.slice(slash + 1)]));
      if (parent === '') break;
      child = parent;
    }
  }
  return directories;
}
