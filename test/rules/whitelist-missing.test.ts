import { describe, expect, it } from 'vitest';
import { findingsOf, gatesFiles, gatesRepo, lineOf, lintRepo, overlayPath, reportedPath } from './gates-fixture.js';

describe('whitelist-missing', () => {
  const dropProPrice = (env: string, file: string, text: string) => (env === 'prod' && file === 'config' ? text.replace('      stripePriceId: price_FAKEprod_pro\n', '') : text);

  it('fires when a promoted plan lacks its live price ID, at the plan, and says what to do', async () => {
    const prodText = gatesFiles(dropProPrice)[overlayPath('prod')];
    const findings = findingsOf(await lintRepo(gatesRepo(dropProPrice)), 'whitelist-missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      service: 'api',
      env: 'prod',
      key: 'payment.plans[id=pro].stripePriceId',
      file: reportedPath('prod'),
      line: lineOf(prodText, '- id: pro'),
      column: 7,
      fixable: false,
    });
    expect(findings[0].message).toContain('create the Price in the Stripe live dashboard, then fill in its ID');
  });

  it('a plan wholly absent from the target is only missing-key (CI-first work is not blocked)', async () => {
    const newPlanInCi = (env: string, file: string, text: string) =>
      env === 'ci' && file === 'config' ? text.replace('worker:\n', '    - id: team\n      amount: 9900\n      stripePriceId: price_test_FAKEci_team\nworker:\n') : text;
    const result = await lintRepo(gatesRepo(newPlanInCi));
    expect(findingsOf(result, 'whitelist-missing')).toEqual([]);
    expect(findingsOf(result, 'missing-key').map((finding) => [finding.env, finding.key])).toEqual([
      ['prod', 'payment.plans[id=team]'],
      ['staging', 'payment.plans[id=team]'],
    ]);
    expect(result.summary.errors).toBe(0);
  });

  it('fires for a whitelisted key whose parent map exists in the target (a Stripe key left out)', async () => {
    const dropWebhook = (env: string, file: string, text: string) => (env === 'staging' && file === 'config' ? text.replace('  webhookSecret: whsec_FAKEstaging\n', '') : text);
    const stagingText = gatesFiles(dropWebhook)[overlayPath('staging')];
    const findings = findingsOf(await lintRepo(gatesRepo(dropWebhook)), 'whitelist-missing');
    expect(findings.map((finding) => [finding.key, finding.env, finding.line])).toEqual([['stripe.webhookSecret', 'staging', lineOf(stagingText, 'stripe:')]]);
    expect(findings[0].message).toContain("fill in staging's own value");
  });

  it('stays quiet on the clean fixture', async () => {
    expect(findingsOf(await lintRepo(gatesRepo()), 'whitelist-missing')).toEqual([]);
  });
});
