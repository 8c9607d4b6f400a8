import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, tempDir, writeTree, type CliRun } from '../helpers.js';

/**
 * The environment for git in a test: the caller's GIT_* variables are dropped, so a test run from
 * inside a hook (where git sets GIT_DIR / GIT_INDEX_FILE) still works on its own temp repository.
 */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !name.startsWith('GIT_')) env[name] = value;
  return { ...env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com', ...extra };
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, env: gitEnv(), encoding: 'utf8' });
}

/** A real repository in a temp directory, its files committed on `main`. */
export function initRepo(files: Record<string, string>): string {
  const root = tempDir('promote-lint-git-');
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'config', 'commit.gpgsign', 'false');
  writeTree(root, files);
  commitAll(root, 'initial');
  return root;
}

export function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '--allow-empty', '-m', message);
}

/** Rewrites a file in the working tree with a function of its text (not staged). */
export function edit(root: string, relativePath: string, change: (text: string) => string): string {
  const absolute = path.join(root, relativePath);
  const text = change(readFileSync(absolute, 'utf8'));
  writeFileSync(absolute, text);
  return text;
}

/** The real CLI, spawned in a repository with a git environment of its own (see gitEnv). */
export function runInRepo(root: string, args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, env: { ...gitEnv(env), NO_COLOR: '1' }, encoding: 'utf8' });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
