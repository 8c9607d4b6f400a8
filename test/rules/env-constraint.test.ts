import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WHITELIST } from '../../src/config/defaults.js';
import { PROJECT_ROOT, runCli, writeTree } from '../helpers.js';
import { findingsOf, gatesFiles, gatesRepo, lineOf, lintRepo, overlayPath, reportedPath } from './gates-fixture.js';

describe('env-constraint', () => {
  it('fires when the CI e-mail redirect is on in prod, at the key, naming the expected value', async () => {
    const redirectOn = (env: string, file: string, text: string) => (env === 'prod' && file === 'config' ? text.replace('redirectEnabled: false', 'redirectEnabled: true') : text);
    const prodText = gatesFiles(redirectOn)[overlayPath('prod')];
    const findings = findingsOf(await lintRepo(gatesRepo(redirectOn)), 'env-constraint');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      env: 'prod',
      key: 'campaign.sendEmails.redirectEnabled',
      file: reportedPath('prod'),
      line: lineOf(prodText, 'redirectEnabled'),
      column: 5,
    });
    expect(findings[0].message).toBe('campaign.sendEmails.redirectEnabled is true in prod, expected false (CI safety redirect: true in CI, false in staging/prod)');
  });

  it('compares with the YAML value: the string "false" is not false, and CI must keep its redirect on', async () => {
    const root = gatesRepo((env, file, text) => {
      if (file !== 'config') return text;
      if (env === 'staging') return text.replace('redirectEnabled: false', 'redirectEnabled: "false"');
      if (env === 'ci') return text.replace('redirectEnabled: true', 'redirectEnabled: false');
      return text;
    });
    expect(findingsOf(await lintRepo(root), 'env-constraint').map((finding) => finding.env)).toEqual(['ci', 'staging']);
  });

  it('checks /regex/ expectations: a test key in prod breaks /^[sr]k_live_/, message masked', async () => {
    const testKey = `sk_test_${'Q'.repeat(24)}`;
    const root = gatesRepo((env, file, text) => (env === 'prod' && file === 'config' ? text.replace('sk_live_FAKEprod', testKey) : text));
    const result = await lintRepo(root);
    const [finding] = findingsOf(result, 'env-constraint');
    expect(finding).toMatchObject({ env: 'prod', key: 'stripe.secretKey' });
    expect(finding.message).toContain('expected to match /^[sr]k_live_/');
    expect(finding.message).not.toContain(testKey);
    expect(findingsOf(result, 'test-secret').map((other) => other.key)).toEqual(['stripe.secretKey']);
  });

  it('stays quiet on the clean fixture', async () => {
    expect(findingsOf(await lintRepo(gatesRepo()), 'env-constraint')).toEqual([]);
  });

  it('a bad /regex/ in expect is a configuration error naming the file and line (exit 2)', () => {
    const config = `{
  "root": "kubernetes",
  "whitelist": [
    { "key": "stripe.secretKey", "reason": "test keys in CI",
      "expect": { "prod": "/^(sk_live_/" } }
  ]
}
`;
    const root = writeTree(gatesRepo(), { '.promoterc.json': config });
    const run = runCli([], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^promote-lint: \.promoterc\.json:5:\d+: whitelist\.0\.expect\.prod: Invalid regular expression/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the defaults and the repository .promoterc.json carry the seed expectations', () => {
    const repoConfig = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.promoterc.json'), 'utf8')) as { whitelist: Array<{ key: string; expect?: unknown }> };
    for (const whitelist of [DEFAULT_WHITELIST, repoConfig.whitelist]) {
      const expectOf = (key: string) => whitelist.find((entry) => entry.key === key)?.expect;
      expect(expectOf('campaign.sendEmails.redirectEnabled')).toEqual({ ci: true, staging: false, prod: false });
      expect(expectOf('stripe.publishableKey')).toEqual({ staging: '/^pk_live_/', prod: '/^pk_live_/' });
      expect(expectOf('stripe.secretKey')).toEqual({ staging: '/^[sr]k_live_/', prod: '/^[sr]k_live_/' });
    }
  });
});
