import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../../helpers.js';
import { seedRepo, STACK_FRAME } from '../fixtures.js';

/** Enough drift for a report of about a megabyte: far more than a pipe holds. */
function bigRepo(): string {
  const config = (env: string) => Array.from({ length: 40 }, (_, index) => `key${index}: ${env === 'ci' ? index : index + 1}`).join('\n');
  const services = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`svc${index}`, { ci: config('ci'), staging: config('staging'), prod: config('prod') }]));
  return seedRepo(services);
}

describe('where the report goes', () => {
  it('a reader that closes the pipe early (`| head`) gets no stack trace, and the exit code stays the lint’s', async () => {
    const child = spawn(process.execPath, [BIN, '--max-warnings', '0'], { cwd: bigRepo(), env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(stderr).not.toContain('EPIPE');
    expect(exitCode).toBe(1);
  });

  it('-o to a directory that does not exist is a usage error, not a bug', () => {
    const run = runCli(['-o', 'reports/missing/lint.json', '--format', 'json'], { cwd: seedRepo({ api: { ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 1\n' } }) });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('promote-lint: --output: cannot write reports/missing/lint.json (ENOENT)\n');
  });

  it('-o onto a directory is a usage error and leaves no temporary file behind', () => {
    const cwd = seedRepo({ api: { ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 1\n' } });
    mkdirSync(path.join(cwd, 'report.json'));
    const run = runCli(['-o', 'report.json'], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('promote-lint: --output: cannot write report.json (EISDIR)\n');
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(cwd, 'report.json'))).toBe(true);
  });
});
