import { describe, expect, it } from 'vitest';
import { formatMatrix } from '../../src/format/matrix.js';
import { lintTree, seedConfig, seedFiles } from '../support/lintTree.js';

const context = { color: false, quiet: false, showExpected: false, maxWarnings: -1 };

describe('formatMatrix', () => {
  it('keeps the value columns aligned under a key path longer than any value', async () => {
    const longKey = 'rabbitmq.default.queues.signalIngestWithAVeryLongName.routingKey';
    const ci = `rabbitmq:\n  default:\n    queues:\n      signalIngestWithAVeryLongName:\n        routingKey: a\n`;
    const prod = ci.replace('routingKey: a', 'routingKey: b');
    const { result } = await lintTree(seedFiles({ ci, staging: ci, prod }), seedConfig());
    const lines = formatMatrix(result, context).split('\n');
    const header = lines[1];
    const row = lines.find((line) => line.includes(longKey)) ?? '';
    expect(row.indexOf('"b"')).toBe(header.indexOf('prod'));
    expect(row.indexOf('"a"')).toBe(header.indexOf('ci'));
  });

  it('masks whitelisted values, and shows them only with showExpected', async () => {
    const files = seedFiles({ ci: 'stripe:\n  webhookSecret: whsec_FAKEci\n', staging: 'stripe:\n  webhookSecret: plain-secret-value\n' });
    const { result } = await lintTree(files, seedConfig({ whitelist: [{ key: 'stripe.webhookSecret', reason: 'own endpoint' }] }), { from: 'ci', to: ['staging'] });
    expect(formatMatrix(result, context)).not.toContain('webhookSecret');
    const shown = formatMatrix(result, { ...context, showExpected: true });
    expect(shown).toMatch(/~ stripe\.webhookSecret +"whsec_…" +"plain-…alue"/);
    expect(shown).not.toContain('plain-secret-value');
  });
});
