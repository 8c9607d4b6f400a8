import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(PROJECT_ROOT, 'bin', 'promote-lint.js');
export const EXAMPLE = path.join(PROJECT_ROOT, 'examples', 'simplex-gitops');

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Spawns the real CLI (the built dist/) as a user would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'promote-lint-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes a tree of files: `{ 'kubernetes/overlays/aws-ci/configs/api/config.yaml': '...' }`. */
export function writeTree(root: string, files: Record<string, string>): string {
  for (const [relative, content] of Object.entries(files)) {
    const absolute = path.join(root, relative);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

/** A private copy of the bundled example, safe to modify. */
export function copyExample(): string {
  const target = tempDir();
  cpSync(EXAMPLE, target, { recursive: true });
  return target;
}
