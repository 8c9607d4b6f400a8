import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTree, seedConfig, seedFiles } from '../support/lintTree.js';

const files = {
  ...seedFiles({ ci: 'stripe:\n  secretKey: sk_test_FAKE\n', prod: 'stripe:\n  secretKey: sk_live_FAKE\n' }, 'api'),
  ...seedFiles({ ci: 'a: 1\n', prod: 'a: 1\n' }, 'worker'),
};

describe('unused-whitelist', () => {
  it.each([
    ['a key that exists', 'stripe.secretKey', false],
    ['an object that exists', 'stripe', false],
    ['a pattern that matches', 'stripe.*', false],
    ['a misspelt key', 'stripe.secretkey', true],
    ['a pattern one level too deep', 'stripe.*.secretKey', true],
  ])('%s → reported: %s', async (_title, key, reported) => {
    const { of } = await lintTree(files, seedConfig({ whitelist: [{ key, reason: 'differs' }] }));
    expect(of('unused-whitelist').map((finding) => finding.key)).toEqual(reported ? [key] : []);
  });

  it('points at the entry’s key in the config file', async () => {
    const { of, root } = await lintTree(files, seedConfig({ whitelist: [{ key: 'stripe.secretKey', reason: 'ok' }, { key: 'database.default.link', reason: 'gone' }] }));
    const configLines = readFileSync(path.join(root, '.promoterc.json'), 'utf8').split('\n');
    const line = configLines.findIndex((text) => text.includes('"database.default.link"')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(of('unused-whitelist')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        service: '',
        env: '',
        key: 'database.default.link',
        file: '.promoterc.json',
        line,
        column: configLines[line - 1].indexOf('"key"') + 1,
        message: 'whitelist entry "database.default.link" matches no key in any environment',
        fixable: false,
      }),
    ]);
  });

  it('counts a key present in a non-source environment only', async () => {
    const { of } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 1\nlegacy: x\n' }), seedConfig({ whitelist: [{ key: 'legacy', reason: 'staging only' }] }));
    expect(of('unused-whitelist')).toEqual([]);
  });

  it('stays quiet when -s narrows the run (the entry may belong to another service)', async () => {
    const config = seedConfig({ whitelist: [{ key: 'stripe.secretKey', reason: 'api only' }] });
    expect((await lintTree(files, config)).of('unused-whitelist')).toEqual([]);
    expect((await lintTree(files, config, { services: ['worker'] })).of('unused-whitelist')).toEqual([]);
    const stale = seedConfig({ whitelist: [{ key: 'nowhere', reason: 'stale' }] });
    expect((await lintTree(files, stale)).of('unused-whitelist')).toHaveLength(1);
    expect((await lintTree(files, stale, { services: ['worker'] })).of('unused-whitelist')).toEqual([]);
  });

  it('names the built-in defaults when there is no config file', async () => {
    const { of } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 1\n' }), null);
    expect(of('unused-whitelist')).toHaveLength(9);
    expect(of('unused-whitelist')[0]).toMatchObject({ file: '(built-in defaults)', line: 0, key: 'database.default.link' });
  });
});
