import path from 'node:path';
import { decodeUtf8 } from '../read/decode.js';
import { LinkEscapesRoot, type FileSource } from '../read/source.js';
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
  const absoluteOf = (repoPath: string) => path.join(root, ...path.posix.relative(rootPrefix, repoPath).split('/'));
  const insideRoot = (repoPath: string) => !repoPath.startsWith('../') && repoPath !== '..' && (rootPrefix === '' || repoPath === rootPrefix || repoPath.startsWith(`${rootPrefix}/`));
  const prefixOf = (directory: string) => {
    const repoPath = repoPathOf(directory);
    return repoPath === '.' || repoPath === '' ? '' : `${repoPath}/`;
  };
  const under = (directory: string) => {
    const prefix = prefixOf(directory);
    return [...entries.keys()].filter((repoPath) => repoPath.startsWith(prefix)).sort(byDirectoryWalk);
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
      const prefix = prefixOf(absoluteDirectory);
      const names = under(absoluteDirectory)
        .map((repoPath) => repoPath.slice(prefix.length))
        .filter((rest) => rest.includes('/'))
        .map((rest) => rest.slice(0, rest.indexOf('/')));
      return [...new Set(names)].sort();
    },
  };
}

/** The order a directory walk gives (name by name, each directory in place), as the disk source lists. */
function byDirectoryWalk(left: string, right: string): number {
  const [leftParts, rightParts] = [left.split('/'), right.split('/')];
  for (let index = 0; index < Math.min(leftParts.length, rightParts.length); index++) {
    const order = leftParts[index].localeCompare(rightParts[index]);
    if (order !== 0) return order;
  }
  return leftParts.length - rightParts.length;
}
