import { execFile } from 'node:child_process';
import path from 'node:path';

export type GitEnv = Record<string, string | undefined>;

export class GitFailed extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly notInstalled = false,
  ) {
    super(notInstalled ? 'git is not installed (or not on PATH)' : `git ${args[0]} failed: ${stderr.trim().split('\n')[0] || 'no message'}`);
  }
}

/**
 * Runs one short git command and returns its stdout as bytes. The caller's environment is passed
 * on: in a pre-commit hook git sets GIT_INDEX_FILE (e.g. for `git commit -a`), and the index to
 * read is that one.
 */
export function git(args: readonly string[], cwd: string, env: GitEnv): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, env, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const notInstalled = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(new GitFailed(args, stderr.toString('utf8'), notInstalled));
    });
  });
}

const PATH_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'];

/**
 * A hook runs with GIT_DIR / GIT_INDEX_FILE that may be relative to where git started it (`.git`,
 * `.git/next-index-123.lock`); git commands here run from other directories, so make them absolute.
 * GIT_DIR without GIT_WORK_TREE means "the current directory is the top": pin that directory too.
 */
export function gitEnvFrom(env: GitEnv, startDirectory: string): GitEnv {
  const absolute: GitEnv = { ...env };
  for (const name of PATH_VARIABLES) {
    const value = env[name];
    if (value) absolute[name] = path.resolve(startDirectory, value);
  }
  if (absolute.GIT_DIR && !absolute.GIT_WORK_TREE) absolute.GIT_WORK_TREE = startDirectory;
  return absolute;
}

/** The top of the work tree holding `directory`, or undefined outside a git repository. */
export async function topLevel(directory: string, env: GitEnv): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], directory, env)).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitFailed && error.notInstalled) throw error;
    return undefined;
  }
}

/** The commit a revision names, or undefined when it names none (an unborn HEAD, a typo). */
export async function commitOf(top: string, revision: string, env: GitEnv): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], top, env)).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function mergeBase(top: string, left: string, right: string, env: GitEnv): Promise<string | undefined> {
  try {
    return (await git(['merge-base', left, right], top, env)).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
