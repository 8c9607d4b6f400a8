import { execFile } from 'node:child_process';

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
