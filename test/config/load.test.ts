import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { UsageError } from '../../src/errors.js';
import { tempDir, writeTree } from '../helpers.js';

const overlays = {
  'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
  'kubernetes/overlays/aws-staging/configs/api/config.yaml': 'a: 1\n',
  'kubernetes/overlays/aws-prod/configs/api/config.yaml': 'a: 1\n',
};

describe('loadConfig: where the config is found', () => {
  it.each([
    ['.promoterc.json', '{"root": "kubernetes", "rules": {"drift": "error"}}'],
    ['.promoterc.yaml', 'root: kubernetes\nrules:\n  drift: error\n'],
    ['.promoterc.yml', 'root: kubernetes\nrules: {drift: error}\n'],
    ['.promoterc', 'root: kubernetes\nrules:\n  drift: error\n'],
    ['package.json', '{"name": "gitops", "promote": {"root": "kubernetes", "rules": {"drift": "error"}}}'],
  ])('reads %s', async (file, text) => {
    const root = writeTree(tempDir(), { ...overlays, [file]: text });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, file));
    expect(loaded.raw).toMatchObject({ root: 'kubernetes', rules: { drift: 'error' } });
    expect(loaded.baseDir).toBe(root);
  });

  it('ignores a package.json without a "promote" key and keeps searching', async () => {
    const root = writeTree(tempDir(), { ...overlays, 'package.json': '{"name": "gitops"}', '.promoterc.json': '{"root": "kubernetes"}' });
    expect((await loadConfig(root)).file).toBe(path.join(root, '.promoterc.json'));
  });

  it('searches upwards from a subdirectory, and resolves paths relative to the config file', async () => {
    const root = writeTree(tempDir(), { ...overlays, '.promoterc.json': '{"root": "kubernetes"}' });
    const loaded = await loadConfig(path.join(root, 'kubernetes/overlays/aws-ci'));
    expect(loaded.file).toBe(path.join(root, '.promoterc.json'));
    expect(resolveConfig(loaded).root).toBe(path.join(root, 'kubernetes'));
  });

  it('stops at the project root (the nearest package.json): a config above it is not used', async () => {
    const outer = writeTree(tempDir(), { '.promoterc.json': '{"root": "elsewhere"}', 'project/package.json': '{"name": "p"}', ...prefixed('project/', overlays) });
    const loaded = await loadConfig(path.join(outer, 'project'));
    expect(loaded.file).toBeUndefined();
    expect(loaded.baseDir).toBe(path.join(outer, 'project', 'kubernetes'));
  });

  it('loads an explicit -c file, relative to the working directory', async () => {
    const root = writeTree(tempDir(), { ...overlays, 'ci/promote.yaml': 'root: ../kubernetes\n' });
    const loaded = await loadConfig(root, 'ci/promote.yaml');
    expect(loaded.file).toBe(path.join(root, 'ci/promote.yaml'));
    expect(resolveConfig(loaded).root).toBe(path.join(root, 'kubernetes'));
  });

  it('refuses a -c file that does not exist', async () => {
    await expect(loadConfig(tempDir(), 'missing.json')).rejects.toThrow(new UsageError('config file not found: missing.json'));
  });

  it('names file, line and column of a config that is not valid YAML/JSON', async () => {
    const root = writeTree(tempDir(), { '.promoterc.json': '{\n  "root": "kubernetes",\n  "rules": {\n}\n' });
    await expect(loadConfig(root)).rejects.toThrow(/^\.promoterc\.json:\d+:\d+: /);
  });
});

describe('loadConfig: zero-config defaults (the seed layout)', () => {
  it('works at the repository root, with root kubernetes/', async () => {
    const root = writeTree(tempDir(), overlays);
    const config = resolveConfig(await loadConfig(root));
    expect(config.file).toBeUndefined();
    expect(config.root).toBe(path.join(root, 'kubernetes'));
    expect(config.environments.map((env) => [env.name, path.relative(root, env.overlay ?? ''), env.live, env.manualSync])).toEqual([
      ['ci', 'kubernetes/overlays/aws-ci', false, false],
      ['staging', 'kubernetes/overlays/aws-staging', true, false],
      ['prod', 'kubernetes/overlays/aws-prod', true, true],
    ]);
    expect(config.configPromotion).toEqual({ from: 'ci', to: ['staging', 'prod'] });
    expect(config.imagePromotion).toEqual([
      ['ci', 'staging'],
      ['staging', 'prod'],
    ]);
    expect(config.whitelist.map((entry) => entry.key)).toEqual([
      'database.default.link',
      'redis.default.address',
      'mongodb.default.uri',
      'rabbitmq.default.url',
      'stripe.publishableKey',
      'stripe.secretKey',
      'stripe.webhookSecret',
      'payment.*.stripePriceId',
      'campaign.sendEmails.redirectEnabled',
    ]);
    expect(config.whitelist.every((entry) => entry.mustDiffer)).toBe(true);
  });

  it.each([['kubernetes'], ['kubernetes/overlays/aws-ci/configs/api']])('works inside kubernetes/ too: %s', async (subdirectory) => {
    const root = writeTree(tempDir(), overlays);
    const config = resolveConfig(await loadConfig(path.join(root, subdirectory)));
    expect(config.root).toBe(path.join(root, 'kubernetes'));
  });

  it('looks no higher than the top of the git work tree', async () => {
    const outer = writeTree(tempDir(), { ...overlays, 'inner/.git/HEAD': 'ref: refs/heads/main\n', 'inner/README.md': '# x\n' });
    const loaded = await loadConfig(path.join(outer, 'inner'));
    expect(loaded.file).toBeUndefined();
    expect(loaded.baseDir).toBe(path.join(outer, 'inner'));
  });
});

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([relative, text]) => [prefix + relative, text]));
}
