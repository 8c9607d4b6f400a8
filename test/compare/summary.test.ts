import { describe, expect, it } from 'vitest';
import { lintTree, seedConfig, seedFiles } from '../support/lintTree.js';

const config = seedConfig({ whitelist: [{ key: 'database.default.link', reason: 'own RDS' }] });

describe('summarize: the seed’s different / whitelisted (expected) / partially missing counts', () => {
  it.each([
    { title: 'identical everywhere', ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 1\n', counts: { different: 0, expected: 0, missing: 0 } },
    { title: 'a business key that differs in one target', ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 2\n', counts: { different: 1, expected: 0, missing: 0 } },
    {
      title: 'a whitelisted key that differs',
      ci: 'database: {default: {link: ci}}\n',
      staging: 'database: {default: {link: stg}}\n',
      prod: 'database: {default: {link: prod}}\n',
      counts: { different: 0, expected: 1, missing: 0 },
    },
    { title: 'a key missing in one environment', ci: 'a: 1\nb: 1\n', staging: 'a: 1\nb: 1\n', prod: 'a: 1\n', counts: { different: 0, expected: 0, missing: 1 } },
    { title: 'a key missing in the source only', ci: 'a: 1\n', staging: 'a: 1\nb: 1\n', prod: 'a: 1\nb: 1\n', counts: { different: 0, expected: 0, missing: 1 } },
    { title: 'one row per key, not per environment', ci: 'a: 1\nb: 1\n', staging: 'a: 2\nb: 2\n', prod: 'a: 3\n', counts: { different: 1, expected: 0, missing: 1 } },
  ])('$title', async ({ ci, staging, prod, counts }) => {
    const { result } = await lintTree(seedFiles({ ci, staging, prod }), config);
    expect(result.summary).toMatchObject(counts);
  });

  it('counts only the environments of the promotion path', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 2\n' }), config, { from: 'ci', to: ['staging'] });
    expect(result.summary).toMatchObject({ different: 0, missing: 0 });
  });

  it('leaves a copy that does not parse out of the counts', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\nb: 1\n', staging: 'a: 1\nb: 1\n', prod: 'a: [\n' }), config);
    expect(result.summary).toMatchObject({ different: 0, missing: 0, errors: 1 });
  });

  it('counts errors and warnings from the findings', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 2\n', prod: 'a: [\n' }), seedConfig());
    expect(result.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['parse-error', 'error'],
      ['drift', 'warning'],
    ]);
    expect(result.summary).toMatchObject({ errors: 1, warnings: 1 });
  });
});
