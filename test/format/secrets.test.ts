import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';

describe('machine formats never carry a secret in full', () => {
  // Built at run time so that no secret scanner flags the repository.
  const ciToken = 'sk_live_' + 'c'.repeat(24);
  const prodToken = 'sk_live_' + 'p'.repeat(24);
  const password = 'hunter2' + 'x'.repeat(10);
  const root = writeTree(tempDir(), {
    'kubernetes/overlays/aws-ci/configs/api/config.yaml': `partner:\n  token: ${ciToken}\n  url: postgres://app:${password}@ci-db/app\n`,
    'kubernetes/overlays/aws-staging/configs/api/config.yaml': `partner:\n  token: ${ciToken}\n  url: postgres://app:${password}@ci-db/app\n`,
    'kubernetes/overlays/aws-prod/configs/api/config.yaml': `partner:\n  token: ${prodToken}\n  url: postgres://app:${password}@prod-db/app\n`,
  });

  for (const format of ['sarif', 'github', 'gitlab']) {
    it(`--format ${format}`, () => {
      const run = runCli(['--format', format, '--cwd', root]);
      expect(run.stdout).toContain('partner.token');
      expect(run.stdout).toContain('sk_live_…pppp');
      for (const secret of [ciToken, prodToken, password]) expect(run.stdout + run.stderr).not.toContain(secret);
    });
  }
});
