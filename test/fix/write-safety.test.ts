import { readFileSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';

const ci = 'worker:\n  concurrency: 16\n';
const old = 'worker:\n  concurrency: 8\n';

describe('--fix never writes outside the root', () => {
  it('does not write into a service directory that links outside the root', () => {
    const outsideDirectory = tempDir();
    writeFileSync(path.join(outsideDirectory, 'config.yaml'), old);
    const root = writeTree(tempDir(), {
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': ci,
      'kubernetes/overlays/aws-prod/configs/api/config.yaml': old,
      'kubernetes/overlays/aws-staging/configs/.keep': '',
    });
    symlinkSync(outsideDirectory, path.join(root, 'kubernetes/overlays/aws-staging/configs/api'), 'dir');
    const run = runCli(['--fix'], { cwd: root });
    expect(readFileSync(path.join(outsideDirectory, 'config.yaml'), 'utf8')).toBe(old);
    expect(readFileSync(path.join(root, 'kubernetes/overlays/aws-prod/configs/api/config.yaml'), 'utf8')).toBe(ci);
    expect(run.stdout).toMatch(/staging +skipped: has problems/);
    expect(run.exitCode).toBe(1);
  });

  it('writes through a link that stays inside the root, and the link stays a link', () => {
    const root = writeTree(tempDir(), {
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': ci,
      'kubernetes/overlays/aws-staging/configs/api/config.yaml': old,
      'kubernetes/shared/prod-api.yaml': old,
    });
    const link = path.join(root, 'kubernetes/overlays/aws-prod/configs/api/config.yaml');
    writeTree(root, { 'kubernetes/overlays/aws-prod/configs/api/.keep': '' });
    symlinkSync(path.join(root, 'kubernetes/shared/prod-api.yaml'), link);
    expect(runCli(['--fix'], { cwd: root }).exitCode).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'kubernetes/shared/prod-api.yaml'), 'utf8')).toBe(ci);
  });

  it('leaves a target linking to a file outside the root untouched', () => {
    const outside = path.join(tempDir(), 'prod.yaml');
    writeFileSync(outside, old);
    const root = writeTree(tempDir(), {
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': ci,
      'kubernetes/overlays/aws-staging/configs/api/config.yaml': old,
      'kubernetes/overlays/aws-prod/configs/api/.keep': '',
    });
    symlinkSync(outside, path.join(root, 'kubernetes/overlays/aws-prod/configs/api/config.yaml'));
    const run = runCli(['--fix'], { cwd: root });
    expect(readFileSync(outside, 'utf8')).toBe(old);
    expect(readFileSync(path.join(root, 'kubernetes/overlays/aws-staging/configs/api/config.yaml'), 'utf8')).toBe(ci);
    expect(run.stdout).toMatch(/prod +skipped: has problems/);
    expect(run.exitCode).toBe(1);
  });
});
