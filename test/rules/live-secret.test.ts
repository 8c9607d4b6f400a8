import { describe, expect, it } from 'vitest';
import { writeTree } from '../helpers.js';
import { columnOf, findingsOf, gatesFiles, gatesRepo, lineOf, lintRepo, overlayPath, reportedPath } from './gates-fixture.js';

describe('live-secret', () => {
  const leakLiveKey = (env: string, file: string, text: string) => (env === 'ci' && file === 'config' ? text.replace('sk_test_FAKEci', 'sk_live_FAKEleak') : text);

  it('fires on a live key in a non-live environment, at its line and column, masked', async () => {
    const ciText = gatesFiles(leakLiveKey)[overlayPath('ci')];
    const findings = findingsOf(await lintRepo(gatesRepo(leakLiveKey)), 'live-secret');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      service: 'api',
      env: 'ci',
      key: 'stripe.secretKey',
      file: reportedPath('ci'),
      line: lineOf(ciText, 'sk_live_FAKEleak'),
      column: columnOf(ciText, 'sk_live_FAKEleak'),
    });
    expect(findings[0].message).not.toContain('FAKEleak');
  });

  it('scans every YAML/JSON file of a non-live overlay', async () => {
    const root = writeTree(gatesRepo(), { [overlayPath('ci', 'patches/env.yaml')]: 'env:\n  - name: RESTRICTED_KEY\n    value: rk_live_FAKEpatch\n' });
    const findings = findingsOf(await lintRepo(root), 'live-secret');
    expect(findings.map((finding) => [finding.file, finding.line, finding.column, finding.key])).toEqual([
      [reportedPath('ci', 'patches/env.yaml'), 3, 12, 'env[name=RESTRICTED_KEY].value'],
    ]);
  });

  it('stays quiet on live keys in live environments (the clean fixture)', async () => {
    expect(findingsOf(await lintRepo(gatesRepo()), 'live-secret')).toEqual([]);
  });
});
