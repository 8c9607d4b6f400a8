import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/util/unified-diff.js';
import { copyExample, EXAMPLE, runCli } from '../helpers.js';
import { readTree } from './tree.js';

const OVERLAYS = 'kubernetes/overlays';

/** Lines a diff removes and adds, per file: the measure of a minimal fix. */
function changedLineCounts(before: Record<string, string>, after: Record<string, string>): Record<string, string> {
  const counts: Record<string, string> = {};
  for (const file of Object.keys(after)) {
    const diff = unifiedDiff(before[file] ?? '', after[file], { from: 'a', to: 'b' });
    if (diff === '') continue;
    const lines = diff.split('\n').slice(2);
    counts[file] = `-${lines.filter((line) => line.startsWith('-')).length} +${lines.filter((line) => line.startsWith('+')).length}`;
  }
  return counts;
}

describe('--fix on the bundled example (the seed runbook, end to end)', () => {
  it('syncs every business key and changes only the lines of the promoted keys', () => {
    const root = copyExample();
    const before = readTree(root);
    const run = runCli(['--fix'], { cwd: root });
    const after = readTree(root);
    expect(changedLineCounts(before, after)).toEqual({
      [`${OVERLAYS}/aws-prod/configs/gateway/config.yaml`]: '-2 +3',
      [`${OVERLAYS}/aws-prod/configs/simplex-api/config.yaml`]: '-6 +19',
      [`${OVERLAYS}/aws-prod/configs/simplex-router-backend/config-backend.yaml`]: '-2 +3',
      [`${OVERLAYS}/aws-staging/configs/gateway/config.yaml`]: '-1 +2',
      [`${OVERLAYS}/aws-staging/configs/simplex-api/config.yaml`]: '-4 +17',
      [`${OVERLAYS}/aws-staging/configs/simplex-router-backend/config-backend.yaml`]: '-1 +2',
    });
    const recheck = JSON.parse(runCli(['--format', 'json'], { cwd: root }).stdout);
    expect(recheck.summary.different).toBe(0);
    expect(recheck.findings.filter((finding: { ruleId: string }) => finding.ruleId === 'drift' || finding.ruleId === 'missing-key')).toEqual([]);
    expect(run.exitCode).toBe(recheck.summary.errors > 0 ? 1 : 0);
  });

  it('never touches a whitelisted value and never copies the new plan’s test price ID', () => {
    const root = copyExample();
    runCli(['--fix'], { cwd: root });
    for (const env of ['staging', 'prod']) {
      const file = `${OVERLAYS}/aws-${env}/configs/simplex-api/config.yaml`;
      const original = readFileSync(path.join(EXAMPLE, file), 'utf8');
      const fixed = readFileSync(path.join(root, file), 'utf8');
      for (const key of ['link:', 'address:', 'uri:', 'url:', 'publishableKey:', 'secretKey:', 'webhookSecret:', 'stripePriceId:', 'redirectEnabled:']) {
        const lines = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith(key));
        expect(lines(fixed)).toEqual(lines(original));
      }
      expect(fixed).toContain('    - id: team\n      name: Team\n');
      expect(fixed).not.toContain('price_test_');
    }
  });

  it('prints the seed’s commit message and deploy steps, the production sync marked manual', () => {
    const root = copyExample();
    const run = runCli(['--fix'], { cwd: root });
    expect(run.stdout).toContain('  chore: sync CI business configs to staging and production\n\n  Synced: ');
    expect(run.stdout).toMatch(/ {2}Whitelisted \(not synced\): database\.default\.link, .*payment\.\*\.stripePriceId, campaign\.sendEmails\.redirectEnabled\n/);
    expect(run.stdout).toContain('not copied (whitelisted, fill in by hand): payment.plans[id=team].stripePriceId');
    for (const command of ['argocd app get simplex-aws-staging', 'argocd app diff simplex-aws-staging', 'argocd app sync simplex-aws-staging', 'argocd app get simplex-aws-prod', 'argocd app diff simplex-aws-prod']) {
      expect(run.stdout).toContain(`  ${command}\n`);
    }
    expect(run.stdout).toContain('  # MANUAL — run only on an explicit request: argocd app sync simplex-aws-prod\n');
    expect(run.stdout).not.toMatch(/^ *argocd app sync simplex-aws-prod/m);
  });

  it('--format json reports the re-check plus a fix section', () => {
    const root = copyExample();
    const run = runCli(['--fix', '--dry-run', '--format', 'json'], { cwd: root });
    const report = JSON.parse(run.stdout);
    expect(report.summary.different).toBe(0);
    expect(report.fix.dryRun).toBe(true);
    const prodApi = report.fix.files.find((file: { file: string; env: string }) => file.env === 'prod' && file.file.endsWith('simplex-api/config.yaml'));
    expect(prodApi.synced).toContain('payment.plans[id=team]');
    expect(prodApi.notCopied).toEqual([{ keyPath: 'payment.plans[id=team].stripePriceId', reason: 'whitelisted', detail: 'different Stripe accounts', entryKey: 'payment.*.stripePriceId' }]);
    expect(prodApi.diff).toContain('+    - id: team\n');
    expect(readTree(root)).toEqual(readTree(EXAMPLE));
  });
});
