import { describe, expect, it } from 'vitest';
import { lintTree, seedConfig, seedFiles } from '../support/lintTree.js';

const FILE = (env: string, file = 'config.yaml') => `kubernetes/overlays/aws-${env}/configs/api/${file}`;
const toProd = seedConfig({ promotion: { configs: { from: 'ci', to: ['prod'] } } });

const CI_QUEUES = `rabbitmq:
  default:
    queues:
      creditSettle:
        name: credit.settle
      signalIngest:
        name: signal.ingest
        routingKey: signal.*
        prefetch: 5
`;
const PROD_QUEUES = `# prod
rabbitmq:
  default:
    queues:
      creditSettle:
        name: credit.settle
`;

describe('missing-key', () => {
  it.each([
    {
      title: 'a key the target lacks, at its parent in the target',
      ci: 'worker:\n  concurrency: 16\n  queue: q\n',
      prod: '\nworker:\n  concurrency: 16\n',
      expected: [{ key: 'worker.queue', line: 2, column: 1, message: 'worker.queue is in ci but missing in prod', fixable: true }],
    },
    {
      title: 'a wholly missing subtree: one finding, for its top, at its parent’s line',
      ci: CI_QUEUES,
      prod: PROD_QUEUES,
      expected: [{ key: 'rabbitmq.default.queues.signalIngest', line: 4, column: 5, message: 'rabbitmq.default.queues.signalIngest is in ci but missing in prod', fixable: true }],
    },
    {
      title: 'a missing array element by identity: one finding for the element',
      ci: 'payment:\n  plans:\n    - {id: pro, amount: 2900}\n    - {id: team, amount: 9900}\n',
      prod: 'payment:\n  plans:\n    - {id: pro, amount: 2900}\n',
      expected: [{ key: 'payment.plans[id=team]', line: 2, column: 3 }],
    },
    {
      title: 'a missing element of a list of scalars',
      ci: 'paths: [/a, /b, /c]\n',
      prod: 'paths: [/a, /b]\n',
      expected: [{ key: 'paths[2]', line: 1, column: 1 }],
    },
    {
      title: 'a key only the target has, at that key, not fixable',
      ci: 'a: 1\n',
      prod: 'a: 1\nlegacy:\n  flag: true\n',
      expected: [{ key: 'legacy.flag', line: 3, column: 3, message: 'legacy.flag is in prod but not in ci', fixable: false }],
    },
    { title: 'the same keys', ci: 'a: {b: 1}\n', prod: 'a: {b: 2}\n', expected: [] },
  ])('$title', async ({ ci, prod, expected }) => {
    const { of } = await lintTree(seedFiles({ ci, prod }), toProd);
    expect(of('missing-key')).toEqual(
      expected.map((finding) => expect.objectContaining({ ruleId: 'missing-key', severity: 'warning', service: 'api', env: 'prod', file: FILE('prod'), ...finding })),
    );
  });

  it('leaves whitelisted keys to the whitelist rules', async () => {
    const ci = 'payment:\n  plans:\n    - {id: pro, stripePriceId: price_FAKEtest}\n';
    const prod = 'payment:\n  plans:\n    - {id: pro}\n';
    const config = seedConfig({ promotion: { configs: { from: 'ci', to: ['prod'] } }, whitelist: [{ key: 'payment.*.stripePriceId', reason: 'own Stripe account' }] });
    const { of } = await lintTree(seedFiles({ ci, prod }), config);
    expect(of('missing-key')).toEqual([]);
  });

  it('reports a file missing in a target once, with no line to point at', async () => {
    const { of } = await lintTree({ ...seedFiles({ ci: 'a: 1\n', prod: 'a: 1\n' }), ...seedFiles({ ci: 'b: 1\n' }, 'api', 'extra.yaml') }, toProd);
    expect(of('missing-key')).toEqual([
      expect.objectContaining({ key: '', file: FILE('prod', 'extra.yaml'), line: 0, column: 0, message: 'extra.yaml exists in ci but not in prod', fixable: true }),
    ]);
  });

  it('reports a file only a target has at its first line, not fixable', async () => {
    const { of } = await lintTree({ ...seedFiles({ ci: 'a: 1\n', prod: 'a: 1\n' }), ...seedFiles({ prod: 'b: 1\n' }, 'api', 'extra.yaml') }, toProd);
    expect(of('missing-key')).toEqual([
      expect.objectContaining({ file: FILE('prod', 'extra.yaml'), line: 1, column: 1, message: 'extra.yaml exists in prod but not in ci', fixable: false }),
    ]);
  });

  it('says nothing about a file whose source copy does not parse', async () => {
    const { of } = await lintTree(seedFiles({ ci: 'a: [\n', prod: 'a: 1\nb: 2\n' }), toProd);
    expect(of('missing-key')).toEqual([]);
    expect(of('parse-error')).toHaveLength(1);
  });

  it('is silent when turned off', async () => {
    const { of } = await lintTree(seedFiles({ ci: 'a: 1\nb: 1\n', prod: 'a: 1\n' }), seedConfig({ rules: { 'missing-key': 'off' } }));
    expect(of('missing-key')).toEqual([]);
  });
});
