import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** git's empty tree: the base of a repository without any commit yet. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface GitChanges {
  /** what the working tree was compared with: `origin/main`, `HEAD`, a `--base` ref */
  base: string;
  /** the comparison is with the upstream branch or HEAD: the changes are not in the remote yet */
  unpublished: boolean;
  /** changed files per environment, repository-relative */
  byEnv: Map<string, string[]>;
}

/**
 * Which environments' files differ from the base: `--base REF` when given, else the branch's
 * upstream (`@{upstream}`), else HEAD. Tracked changes (staged or not, and commits not pushed)
 * come from `git diff <base>`, new files from `git ls-files --others`. Returns undefined outside
 * a git work tree. git is the only program run, always with an argument list, never a shell.
 */
export async function gitChanges(root: string, pathsByEnv: ReadonlyMap<string, readonly string[]>, baseOption?: string): Promise<GitChanges | undefined> {
  const topLevel = await git(root, ['rev-parse', '--show-toplevel']).catch(() => undefined);
  if (topLevel === undefined) {
    if (baseOption) throw new UsageError(`--base ${baseOption}: ${root} is not inside a git repository`);
    return undefined;
  }
  const top = realpathSync(topLevel.trim());
  const { ref, label, unpublished } = await chooseBase(top, baseOption);
  const specsByEnv = new Map([...pathsByEnv].map(([env, paths]) => [env, paths.map((absolute) => toPosix(path.relative(top, realOrSelf(absolute))))]));
  const allSpecs = [...new Set([...specsByEnv.values()].flat())].filter((spec) => spec !== '' && !spec.startsWith('..'));
  const changed = new Set<string>();
  if (allSpecs.length > 0) {
    const diff = await git(top, ['diff', '--name-only', '--no-renames', '-z', ref, '--', ...allSpecs]);
    const untracked = await git(top, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...allSpecs]);
    for (const file of `${diff}${untracked}`.split('\0')) if (file) changed.add(file);
  }
  const byEnv = new Map<string, string[]>();
  for (const [env, specs] of specsByEnv) {
    const files = [...changed].filter((file) => specs.some((spec) => file === spec || file.startsWith(`${spec}/`))).sort();
    if (files.length > 0) byEnv.set(env, files);
  }
  return { base: label, unpublished, byEnv };
}

async function chooseBase(top: string, baseOption: string | undefined): Promise<{ ref: string; label: string; unpublished: boolean }> {
  if (baseOption) {
    if (baseOption.startsWith('-')) throw new UsageError(`--base ${baseOption}: not a git ref`);
    const resolved = await git(top, ['rev-parse', '--verify', '--quiet', `${baseOption}^{commit}`]).catch(() => undefined);
    if (!resolved) throw new UsageError(`--base ${baseOption}: no such commit in ${top}`);
    return { ref: resolved.trim(), label: baseOption, unpublished: false };
  }
  const upstream = await git(top, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']).catch(() => undefined);
  if (upstream) return { ref: upstream.trim(), label: upstream.trim(), unpublished: true };
  const head = await git(top, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => undefined);
  if (head) return { ref: 'HEAD', label: 'HEAD', unpublished: true };
  return { ref: EMPTY_TREE, label: '(no commit yet)', unpublished: true };
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Literal pathspecs: an overlay directory named with `*` or `:(` is a path, not a pattern.
    const env = { ...process.env, GIT_LITERAL_PATHSPECS: '1' };
    execFile('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** The real path of the nearest existing ancestor, plus the rest: a deleted file still maps into the work tree. */
function realOrSelf(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realOrSelf(parent), path.basename(absolute));
  }
}

function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}
