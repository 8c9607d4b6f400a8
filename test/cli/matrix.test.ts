import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { cliFixture, LIVE_KEY } from './fixture.js';

describe('promote-lint --diff-only / --show-expected (the seed’s key × environment view)', () => {
  it('--diff-only shows differing and partially missing keys per service file, one column per environment', () => {
    const run = runCli(['--diff-only'], { cwd: cliFixture() });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        'simplex-api  configs/simplex-api/config.yaml',
        '  key                   ci    staging   prod',
        '≠ worker.concurrency    16    8         8',
        '? features.agentMemory  true  (absent)  (absent)',
        '',
        'simplex-gateway  configs/gateway/config.yaml',
        '  key                       ci      staging  prod',
        '≠ upstreams.router.timeout  "180s"  "180s"   "120s"',
        '',
        'legend: ≠ different  ? partially missing  ~ whitelisted (expected)',
        'checked 2 services × 3 environments (6 files), ci → staging, prod',
        'different: 2 | whitelisted (expected): 2 | partially missing: 1',
        '✖ 5 problems (0 errors, 5 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('--show-expected adds the whitelisted rows, masked', () => {
    const run = runCli(['--show-expected'], { cwd: cliFixture() });
    const rows = run.stdout.split('\n').filter((line) => line.startsWith('~ '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^~ database\.default\.link +"postgres:\/\/simplex:\*\*\*\*@ci-rds\.example…/);
    expect(rows[1]).toMatch(/^~ stripe\.secretKey +"sk_test_…" +"sk_live_…STGE" +"sk_live_…WXYZ"$/);
    expect(run.stdout).not.toContain('pw-prod');
    expect(run.stdout).not.toContain(LIVE_KEY);
  });

  it('lists findings the matrix cannot show (parse errors) under it', () => {
    const cwd = cliFixture({ 'kubernetes/overlays/aws-prod/configs/gateway/config.yaml': 'upstreams: [\n' });
    const run = runCli(['--diff-only'], { cwd });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('kubernetes/overlays/aws-prod/configs/gateway/config.yaml\n  2:1      error');
  });

  it('says so when nothing differs outside the whitelist', () => {
    const run = runCli(['--diff-only', '-s', 'gateway', '--from', 'ci', '--to', 'staging'], { cwd: cliFixture() });
    expect(run.stdout.startsWith('no differences outside the whitelist\n')).toBe(true);
  });

  it('--format json wins over the matrix view', () => {
    const run = runCli(['--diff-only', '-f', 'json'], { cwd: cliFixture() });
    expect(JSON.parse(run.stdout).summary.different).toBe(2);
  });
});
