import { describe, expect, it } from 'vitest';
import { writeTree } from '../helpers.js';
import { findingsOf, gatesFiles, gatesRepo, lineOf, lintRepo, overlayPath, reportedPath } from './gates-fixture.js';

const ciLink = 'postgres://api:FAKEpw-ci@ci-rds.example.internal:5432/api';

describe('whitelist-copied', () => {
  const copyCiDatabase = (env: string, file: string, text: string) => (env === 'prod' && file === 'config' ? text.replace(/link: ".*"/, `link: "${ciLink}"`) : text);

  it("fires when a live target holds the source's whitelisted value, at the key's line, password masked", async () => {
    const prodText = gatesFiles(copyCiDatabase)[overlayPath('prod')];
    const findings = findingsOf(await lintRepo(gatesRepo(copyCiDatabase)), 'whitelist-copied');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', env: 'prod', key: 'database.default.link', file: reportedPath('prod'), line: lineOf(prodText, 'link:'), column: 5 });
    expect(findings[0].message).toContain('api:****@');
    expect(findings[0].message).not.toContain('FAKEpw-ci');
  });

  it('fires on a test price ID pasted into a live plan', async () => {
    const copyPrice = (env: string, file: string, text: string) => (env === 'staging' && file === 'config' ? text.replace('price_FAKEstg_pro', 'price_test_FAKEci_pro') : text);
    const stagingText = gatesFiles(copyPrice)[overlayPath('staging')];
    const findings = findingsOf(await lintRepo(gatesRepo(copyPrice)), 'whitelist-copied');
    expect(findings.map((finding) => [finding.key, finding.env, finding.line])).toEqual([['payment.plans[id=pro].stripePriceId', 'staging', lineOf(stagingText, 'price_test_FAKEci_pro')]]);
  });

  it('mustDiffer: false opts an entry out', async () => {
    const withEntry = (mustDiffer: boolean) =>
      writeTree(gatesRepo(copyCiDatabase), {
        '.promoterc.json': JSON.stringify({
          root: 'kubernetes',
          environments: [
            { name: 'ci', overlay: 'overlays/aws-ci', live: false },
            { name: 'staging', overlay: 'overlays/aws-staging', live: true },
            { name: 'prod', overlay: 'overlays/aws-prod', live: true },
          ],
          whitelist: [{ key: 'database.default.link', reason: 'shared cluster', mustDiffer }],
        }),
      });
    expect(findingsOf(await lintRepo(withEntry(true)), 'whitelist-copied').map((finding) => finding.key)).toEqual(['database.default.link']);
    expect(findingsOf(await lintRepo(withEntry(false)), 'whitelist-copied')).toEqual([]);
  });

  it('stays quiet on the clean fixture and on a non-live target holding the same value', async () => {
    expect(findingsOf(await lintRepo(gatesRepo()), 'whitelist-copied')).toEqual([]);
    const root = gatesRepo(copyCiDatabase);
    writeTree(root, {
      '.promoterc.json': JSON.stringify({
        root: 'kubernetes',
        environments: [
          { name: 'ci', overlay: 'overlays/aws-ci', live: false },
          { name: 'staging', overlay: 'overlays/aws-staging', live: true },
          { name: 'prod', overlay: 'overlays/aws-prod', live: false },
        ],
        whitelist: [{ key: 'database.default.link', reason: 'own RDS' }],
      }),
    });
    expect(findingsOf(await lintRepo(root), 'whitelist-copied')).toEqual([]);
  });
});
