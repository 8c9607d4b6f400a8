import { describe, expect, it } from 'vitest';
import { lintTree, seedConfig, seedFiles } from '../support/lintTree.js';

const FILE = (env: string) => `kubernetes/overlays/aws-${env}/configs/api/config.yaml`;

describe('drift', () => {
  it.each([
    {
      title: 'a scalar that differs',
      ci: 'worker:\n  concurrency: 16\n',
      prod: 'worker:\n  concurrency: 8\n',
      expected: [{ key: 'worker.concurrency', line: 2, column: 3, message: 'worker.concurrency is 8 in prod, 16 in ci' }],
    },
    { title: 'equal values', ci: 'a: 1\n', prod: 'a: 1\n', expected: [] },
    { title: 'a number and the same digits quoted', ci: 'port: 8080\n', prod: 'port: "8080"\n', expected: [{ key: 'port', line: 1, column: 1, message: 'port is "8080" in prod, 8080 in ci' }] },
    { title: 'an empty map and an empty list', ci: 'a: {}\n', prod: 'a: []\n', expected: [{ key: 'a', message: 'a is [] in prod, {} in ci' }] },
    { title: 'a value and null', ci: 'a: 1\n', prod: 'a: ~\n', expected: [{ key: 'a', message: 'a is null in prod, 1 in ci' }] },
    {
      title: 'array elements matched by id, whatever their order',
      ci: 'plans:\n  - {id: pro, amount: 2900}\n  - {id: basic, amount: 900}\n',
      prod: 'plans:\n  - {id: basic, amount: 900}\n  - {id: pro, amount: 2500}\n',
      expected: [{ key: 'plans[id=pro].amount', line: 3, column: 15, message: 'plans[id=pro].amount is 2500 in prod, 2900 in ci' }],
    },
    {
      title: 'an element of a list of scalars, by index',
      ci: 'chain: [gpt-4o, claude]\n',
      prod: 'chain: [gpt-4o, deepseek]\n',
      expected: [{ key: 'chain[1]', line: 1, column: 17 }],
    },
    {
      title: 'a value reached through a merge key, pointed at the key that merges it',
      ci: 'defaults: &d {prefetch: 10}\nqueue:\n  <<: *d\n',
      prod: 'defaults: &d {prefetch: 5}\nqueue:\n  <<: *d\n',
      expected: [
        { key: 'defaults.prefetch', line: 1, column: 15 },
        { key: 'queue.prefetch', line: 3, column: 3 },
      ],
    },
    { title: 'a key the target lacks (missing-key, not drift)', ci: 'a: 1\nb: 2\n', prod: 'a: 1\n', expected: [] },
  ])('$title', async ({ ci, prod, expected }) => {
    const { of } = await lintTree(seedFiles({ ci, prod }), seedConfig({ promotion: { configs: { from: 'ci', to: ['prod'] } } }));
    expect(of('drift')).toEqual(
      expected.map((finding) => expect.objectContaining({ ruleId: 'drift', severity: 'warning', service: 'api', env: 'prod', file: FILE('prod'), fixable: true, ...finding })),
    );
  });

  it('reports once per target, in that target’s file', async () => {
    const { of } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: '# staging\na: 2\n', prod: 'a: 3\n' }));
    expect(of('drift').map(({ env, file, line }) => ({ env, file, line }))).toEqual([
      { env: 'prod', file: FILE('prod'), line: 1 },
      { env: 'staging', file: FILE('staging'), line: 2 },
    ]);
  });

  it.each([
    ['the key itself', 'stripe.secretKey'],
    ['a whitelisted parent object', 'stripe'],
    ['a * pattern across an array element', 'payment.*.stripePriceId'],
  ])('stays quiet for a key whitelisted by %s', async (_title, pattern) => {
    const ci = 'stripe:\n  secretKey: sk_test_FAKEci\npayment:\n  plans:\n    - {id: pro, stripePriceId: price_FAKEtest}\n';
    const prod = 'stripe:\n  secretKey: sk_live_FAKEprod\npayment:\n  plans:\n    - {id: pro, stripePriceId: price_FAKElive}\n';
    const { of } = await lintTree(seedFiles({ ci, prod }), seedConfig({ whitelist: [{ key: pattern, reason: 'differs by design' }] }));
    expect(of('drift').map((finding) => finding.key)).not.toContain(pattern === 'payment.*.stripePriceId' ? 'payment.plans[id=pro].stripePriceId' : 'stripe.secretKey');
  });

  it('compares along --from/--to instead of the configured path', async () => {
    const { of } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 2\n', prod: 'a: 3\n' }), seedConfig(), { from: 'staging', to: ['prod'] });
    expect(of('drift')).toEqual([expect.objectContaining({ env: 'prod', message: 'a is 3 in prod, 2 in staging' })]);
  });

  it.each([
    ['error', 'error'],
    ['warn', 'warning'],
  ])('takes its severity from the config: %s', async (severity, expected) => {
    const { of } = await lintTree(seedFiles({ ci: 'a: 1\n', prod: 'a: 2\n' }), seedConfig({ rules: { drift: severity } }));
    expect(of('drift').map((finding) => finding.severity)).toEqual([expected]);
  });

  it('is silent when turned off', async () => {
    const { of, result } = await lintTree(seedFiles({ ci: 'a: 1\n', prod: 'a: 2\n' }), seedConfig({ rules: { drift: 'off' } }));
    expect(of('drift')).toEqual([]);
    expect(result.summary.different).toBe(1);
  });

  it('never prints a credential in full', async () => {
    const liveKey = `sk_live_${'a'.repeat(20)}WXYZ`;
    const { of } = await lintTree(seedFiles({ ci: 'apiKey: sk_test_FAKE\n', prod: `apiKey: ${liveKey}\n` }));
    const [finding] = of('drift');
    expect(finding.message).toBe('apiKey is "sk_live_…WXYZ" in prod, "sk_test_…" in ci');
    expect(finding.message).not.toContain(liveKey);
  });

  it('ignores a target copy that does not parse', async () => {
    const { of } = await lintTree(seedFiles({ ci: 'a: 1\n', prod: 'a: 2\na: 3\n' }));
    expect(of('drift')).toEqual([]);
    expect(of('parse-error')).toHaveLength(1);
  });
});
