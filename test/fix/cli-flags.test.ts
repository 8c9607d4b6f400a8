import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';

const FILE = (env: string, service = 'api') => `kubernetes/overlays/aws-${env}/configs/${service}/config.yaml`;

function repo(): string {
  return writeTree(tempDir(), {
    [FILE('ci')]: 'worker: 16\n',
    [FILE('staging')]: 'worker: 12\n',
    [FILE('prod')]: 'worker: 8\n',
    [FILE('ci', 'web')]: 'replicas: 3\n',
    [FILE('staging', 'web')]: 'replicas: 2\n',
    [FILE('prod', 'web')]: 'replicas: 2\n',
  });
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe('--fix flags', () => {
  it('--dry-run and --prune need --fix (usage error, exit 2)', () => {
    for (const flag of ['--dry-run', '--prune']) {
      const run = runCli([flag], { cwd: repo() });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toBe(`promote-lint: ${flag} only works with --fix\n`);
    }
  });

  it('--fix edits the working tree: it refuses --staged and --base', () => {
    const run = runCli(['--fix', '--staged'], { cwd: repo() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('promote-lint: --fix edits the working tree; it does not combine with --staged\n');
    expect(runCli(['--fix', '--base', 'main'], { cwd: repo() }).exitCode).toBe(2);
  });

  it('--prune does not apply to images', () => {
    const run = runCli(['images', '--fix', '--prune'], { cwd: repo() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('promote-lint: --prune applies to --fix of the configs, not to `images`\n');
  });

  it('--from/--to override the promotion path (here staging → prod only)', () => {
    const root = repo();
    const run = runCli(['--fix', '--from', 'staging', '--to', 'prod'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(read(root, FILE('prod'))).toBe('worker: 12\n');
    expect(read(root, FILE('staging'))).toBe('worker: 12\n');
    expect(read(root, FILE('ci'))).toBe('worker: 16\n');
    expect(run.stdout).toContain('promote-lint --fix: staging → prod\n');
    expect(run.stdout).toContain('  chore: sync staging business configs to production\n');
  });

  it('an unknown environment is a usage error and nothing is written', () => {
    const root = repo();
    const run = runCli(['--fix', '--to', 'qa'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('unknown environment "qa"');
    expect(read(root, FILE('prod'))).toBe('worker: 8\n');
  });

  it('-s fixes only the named service', () => {
    const root = repo();
    runCli(['--fix', '-s', 'web'], { cwd: root });
    expect(read(root, FILE('prod', 'web'))).toBe('replicas: 3\n');
    expect(read(root, FILE('prod'))).toBe('worker: 8\n');
  });

  it('-o writes the report to a file; the CI formats carry what is left after the fix', () => {
    const root = repo();
    const run = runCli(['--fix', '-o', 'fix-report.txt'], { cwd: root });
    expect(run.stdout).toMatch(/^promote-lint: wrote fix-report.txt \(0 errors, \d+ warnings\)\n$/);
    expect(read(root, 'fix-report.txt')).toContain('suggested commit message:');
    const sarif = JSON.parse(runCli(['--fix', '--format', 'sarif'], { cwd: repo() }).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.filter((result: { ruleId: string }) => result.ruleId === 'drift')).toEqual([]);
  });

  it('says so when there is nothing to write, and exits 0', () => {
    const root = repo();
    runCli(['--fix'], { cwd: root });
    const again = runCli(['--fix'], { cwd: root });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('nothing written: the targets already match the source');
    expect(again.stdout).not.toContain('suggested commit message');
  });
});
