import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';

const FILE = (env: string) => `kubernetes/overlays/aws-${env}/configs/api/config.yaml`;

/** Built at run time: a fixture file with CRLF or a BOM could be normalised by a checkout. */
function tree(staging: string): string {
  return writeTree(tempDir(), {
    [FILE('ci')]: 'worker:\n  concurrency: 16\n  retryMax: 5\n',
    [FILE('staging')]: staging,
    [FILE('prod')]: 'worker:\n  concurrency: 16\n  retryMax: 5\n',
  });
}

describe('--fix keeps the bytes of a file it edits', () => {
  it('keeps CRLF line endings, on changed and inserted lines too', () => {
    const root = tree('# staging\r\nworker:\r\n  concurrency: 8\r\n');
    expect(runCli(['--fix'], { cwd: root }).exitCode).toBe(0);
    expect(readFileSync(path.join(root, FILE('staging')), 'latin1')).toBe('# staging\r\nworker:\r\n  concurrency: 16\r\n  retryMax: 5\r\n');
  });

  it('keeps a UTF-8 byte order mark', () => {
    const root = tree('\uFEFFworker:\n  concurrency: 8\n  retryMax: 5\n');
    expect(runCli(['--fix'], { cwd: root }).exitCode).toBe(0);
    expect(readFileSync(path.join(root, FILE('staging')), 'utf8')).toBe('\uFEFFworker:\n  concurrency: 16\n  retryMax: 5\n');
  });

  it('keeps a missing final newline', () => {
    const root = tree('worker:\n  concurrency: 8');
    runCli(['--fix'], { cwd: root });
    expect(readFileSync(path.join(root, FILE('staging')), 'utf8')).toBe('worker:\n  concurrency: 16\n  retryMax: 5');
  });

  it('leaves a file with mixed line endings alone and says why', () => {
    const before = 'worker:\r\n  concurrency: 8\n';
    const root = tree(before);
    const run = runCli(['--fix'], { cwd: root });
    expect(readFileSync(path.join(root, FILE('staging')), 'latin1')).toBe(before);
    expect(run.stdout).toContain('mixed line endings: not touched');
  });
});
