import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';

describe('--fix and files that do not parse', () => {
  const ci = 'worker:\n  concurrency: 16\n';
  const broken = 'worker:\n  concurrency: [8\n';

  it('leaves a target that does not parse byte for byte alone, fixes the others, exits 1', () => {
    const root = writeTree(tempDir(), {
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': ci,
      'kubernetes/overlays/aws-staging/configs/api/config.yaml': 'worker:\n  concurrency: 8\n',
      'kubernetes/overlays/aws-prod/configs/api/config.yaml': broken,
    });
    const run = runCli(['--fix'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(readFileSync(path.join(root, 'kubernetes/overlays/aws-prod/configs/api/config.yaml'), 'utf8')).toBe(broken);
    expect(readFileSync(path.join(root, 'kubernetes/overlays/aws-staging/configs/api/config.yaml'), 'utf8')).toBe(ci);
    expect(run.stdout).toMatch(/prod +skipped: has problems \(see parse-error\): not touched/);
    expect(run.stdout).toMatch(/overlays\/aws-prod\/configs\/api\/config\.yaml\n +3:1 +error +Flow sequence .* parse-error/);
  });

  it('promotes nothing from a source that does not parse', () => {
    const staging = 'worker:\n  concurrency: 8\n';
    const root = writeTree(tempDir(), {
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': broken,
      'kubernetes/overlays/aws-staging/configs/api/config.yaml': staging,
      'kubernetes/overlays/aws-prod/configs/api/config.yaml': staging,
    });
    const run = runCli(['--fix'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(readFileSync(path.join(root, 'kubernetes/overlays/aws-staging/configs/api/config.yaml'), 'utf8')).toBe(staging);
    expect(run.stdout).toContain('nothing is promoted from it');
  });
});
