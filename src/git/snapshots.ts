import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { FileSource } from '../read/source.js';
import { CatFileBatch } from './cat-file.js';
import { commitOf, git, mergeBase, topLevel, type GitEnv } from './command.js';
import { treeSource, type TreeEntry } from './tree-source.js';

export type GuardMode = { kind: 'staged' } | { kind: 'base'; ref: string };

/** What a guarded run reads: the content to lint and the baseline, both from git, over one cat-file process. */
export interface GitSnapshots {
  current: FileSource;
  baseline: FileSource;
  /** `HEAD`, or the REF given to --base */
  baselineLabel: string;
  /** something the user should know about the comparison (a shallow clone), else undefined */
  note?: string;
  close(): void;
}

const SUBMODULE = '160000';
const SYMLINK = '120000';

/**
 * `--staged`: the index against HEAD (a repository without commits has no baseline: nothing to
 * guard yet). `--base REF`: HEAD's committed tree against the merge base of REF and HEAD, which is
 * REF itself for the merge commit CI checks out, and the branch point for a PR head. HEAD is read
 * from git rather than the working tree so the answer depends only on commits.
 */
export async function openGitSnapshots(root: string, mode: GuardMode, env: GitEnv): Promise<GitSnapshots> {
  const flag = mode.kind === 'staged' ? '--staged' : '--base';
  // HEAD is asked from the root, alongside the top: one git round trip less in a commit hook.
  const [top, head] = await Promise.all([topLevel(root, env), commitOf(root, 'HEAD', env)]);
  if (!top) throw new UsageError(`${flag} needs a git repository, and ${root} is not inside one`);
  const [realTop, realRoot] = await Promise.all([realpath(top), realpath(root)]);
  const rootPrefix = path.relative(realTop, realRoot).split(path.sep).join('/');
  const noBaseline = Promise.resolve(new Map<string, TreeEntry>());
  let listings: [Promise<Map<string, TreeEntry>>, Promise<Map<string, TreeEntry>>];
  let note: string | undefined;
  if (mode.kind === 'staged') {
    const index = git(['--literal-pathspecs', 'ls-files', '--stage', '-z', '--', rootPrefix || '.'], top, env).then(parseIndex);
    listings = [index, head ? treeEntries(top, head, rootPrefix, env) : noBaseline];
  } else {
    if (!head) throw new UsageError('--base needs a commit at HEAD to compare, and this repository has none');
    const ref = await commitOf(top, mode.ref, env);
    if (!ref) throw new UsageError(`--base: "${mode.ref}" names no commit in this repository (fetch it first?)`);
    const base = await mergeBase(top, ref, head, env);
    if (!base) note = `no merge base of ${mode.ref} and HEAD (a shallow clone?): comparing with ${mode.ref} itself`;
    listings = [treeEntries(top, head, rootPrefix, env), treeEntries(top, base ?? ref, rootPrefix, env)];
  }
  const [currentEntries, baselineEntries] = await Promise.all(listings);
  const catFile = new CatFileBatch(top, env);
  return {
    current: treeSource({ root, rootPrefix, entries: currentEntries, catFile }),
    baseline: treeSource({ root, rootPrefix, entries: baselineEntries, catFile }),
    baselineLabel: mode.kind === 'staged' ? 'HEAD' : mode.ref,
    note,
    close: () => catFile.close(),
  };
}

async function treeEntries(top: string, commit: string, rootPrefix: string, env: GitEnv): Promise<Map<string, TreeEntry>> {
  const args = ['--literal-pathspecs', 'ls-tree', '-r', '--full-tree', '-z', commit];
  return parseTree(await git(rootPrefix ? [...args, '--', rootPrefix] : args, top, env));
}

/** `git ls-files --stage -z`: `<mode> <id> <stage>\t<path>\0`; only stage 0 (an unconflicted entry) counts. */
function parseIndex(output: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (const record of records(output)) {
    const tab = record.indexOf('\t');
    const [mode, objectId, stage] = record.slice(0, tab).split(' ');
    if (stage === '0' && mode !== SUBMODULE) entries.set(record.slice(tab + 1), { objectId, isLink: mode === SYMLINK });
  }
  return entries;
}

/** `git ls-tree -r -z`: `<mode> <type> <id>\t<path>\0`. */
function parseTree(output: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (const record of records(output)) {
    const tab = record.indexOf('\t');
    const [mode, type, objectId] = record.slice(0, tab).split(' ');
    if (type === 'blob') entries.set(record.slice(tab + 1), { objectId, isLink: mode === SYMLINK });
  }
  return entries;
}

function records(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter((record) => record.length > 0);
}
