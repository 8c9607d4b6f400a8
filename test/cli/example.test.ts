import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('the bundled example (npm run demo)', () => {
  it('reports drift with file:line and the seed summary, exit 0 (warnings only)', () => {
    const run = runCli(['--format', 'json']);
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout);
    const drift = report.findings.find((finding: { key: string; env: string }) => finding.key === 'credit.rates.gpt-4o' && finding.env === 'prod');
    expect(drift).toMatchObject({
      ruleId: 'drift',
      severity: 'warning',
      service: 'simplex-api',
      file: 'examples/simplex-gitops/kubernetes/overlays/aws-prod/configs/simplex-api/config.yaml',
      line: 99,
      column: 5,
      fixable: true,
    });
    expect(report.summary.errors).toBe(0);
  });

  it('says what it checked and ends with the seed summary line', () => {
    const run = runCli([]);
    expect(run.stdout).toContain('checked 3 services × 3 environments (9 files), ci → staging, prod');
    expect(run.stdout).toMatch(/different: \d+ \| whitelisted \(expected\): \d+ \| partially missing: \d+/);
  });
});
