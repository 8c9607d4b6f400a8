import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { tempDir, writeTree } from '../helpers.js';
import { seedConfig } from '../support/lintTree.js';

const tree = {
  'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
  'kubernetes/overlays/aws-staging/configs/api/config.yaml': 'a: 1\n',
  'kubernetes/overlays/aws-prod/configs/api/config.yaml': 'a: 1\n',
};

async function resolve(config: Record<string, unknown>) {
  const root = writeTree(tempDir(), { ...tree, '.promoterc.json': JSON.stringify(config) });
  return { root, config: resolveConfig(await loadConfig(root)) };
}

async function refusal(config: Record<string, unknown>): Promise<string> {
  const error = await resolve(config).then(
    () => undefined,
    (thrown: unknown) => thrown as Error & { exitCode?: number },
  );
  expect(error?.exitCode).toBe(2);
  return error?.message ?? '';
}

describe('resolveConfig', () => {
  it('makes paths absolute and fills in defaults', async () => {
    const { root, config } = await resolve(seedConfig({ whitelist: [{ key: 'payment.*.stripePriceId', reason: 'own Stripe account', mustDiffer: false }] }));
    expect(config.root).toBe(path.join(root, 'kubernetes'));
    expect(config.environments[2]).toEqual({ name: 'prod', overlay: path.join(root, 'kubernetes/overlays/aws-prod'), live: true, argocdApp: 'aws-prod', manualSync: true });
    expect(config.configPromotion).toEqual({ from: 'ci', to: ['staging', 'prod'] });
    expect(config.whitelist[0]).toMatchObject({ key: 'payment.*.stripePriceId', mustDiffer: false, index: 0 });
    expect(config.repoRoot).toBe(root);
  });

  it.each([
    ['an overlay outside the root', seedConfig({ environments: [{ name: 'ci', overlay: '../../etc', live: false }, { name: 'prod', overlay: 'overlays/aws-prod', live: true }] }), /environment "ci" overlay "..\/..\/etc" is outside the root/],
    ['an absolute overlay elsewhere', seedConfig({ environments: [{ name: 'ci', overlay: '/etc', live: false }, { name: 'prod', overlay: 'overlays/aws-prod', live: true }] }), /environment "ci" overlay "\/etc" is outside the root/],
    ['a service file climbing out', seedConfig({ services: { api: { files: ['../../secrets.yaml'] } } }), /services\.api\.files: "..\/..\/secrets.yaml" must stay inside the root/],
    ['an absolute service file', seedConfig({ services: { api: { files: ['/etc/passwd'] } } }), /services\.api\.files: "\/etc\/passwd" must stay inside the root/],
    ['a {env} template climbing out', seedConfig({ services: { api: { files: ['{env}/../../x.yaml'] } } }), /must stay inside the root/],
  ])('refuses %s', async (_title, config, expected) => {
    expect(await refusal(config)).toMatch(expected);
  });

  it.each([
    ['promotion.configs.from', { promotion: { configs: { from: 'dev', to: ['prod'] } } }],
    ['promotion.configs.to', { promotion: { configs: { from: 'ci', to: ['production'] } } }],
    ['promotion.images', { promotion: { images: [['ci', 'stg']] } }],
    ['whitelist[0].expect', { whitelist: [{ key: 'a', reason: 'r', expect: { live: 'x' } }] }],
  ])('refuses an unknown environment name in %s', async (where, overrides) => {
    expect(await refusal(seedConfig(overrides))).toMatch(new RegExp(`^\\.promoterc\\.json: ${where.replace(/[[\].]/g, '\\$&')} names unknown environment "\\w+" \\(known: ci, staging, prod\\)$`));
  });

  it('refuses an environment listed twice', async () => {
    const environments = [{ name: 'ci', overlay: 'overlays/aws-ci', live: false }, { name: 'ci', overlay: 'overlays/aws-prod', live: true }];
    expect(await refusal(seedConfig({ environments }))).toBe('.promoterc.json: environment "ci" is listed twice');
  });

  it('refuses an environment without overlay unless every service file uses {env}', async () => {
    const environments = [{ name: 'ci', live: false }, { name: 'prod', overlay: 'overlays/aws-prod', live: true }];
    expect(await refusal(seedConfig({ environments }))).toMatch(/environment "ci" needs an "overlay"/);
  });

  it('refuses a root that does not exist', async () => {
    expect(await refusal(seedConfig({ root: 'k8s' }))).toMatch(/root directory not found/);
  });

  it('keeps the default whitelist’s expectations only for environments the config has', async () => {
    const environments = [{ name: 'dev', overlay: 'overlays/aws-ci', live: false }, { name: 'prod', overlay: 'overlays/aws-prod', live: true }];
    const { config } = await resolve({ root: 'kubernetes', environments });
    expect(config.whitelist).toHaveLength(9);
    expect(config.whitelist.find((entry) => entry.key === 'campaign.sendEmails.redirectEnabled')?.expect).toEqual({ prod: false });
    expect(config.whitelist.find((entry) => entry.key === 'stripe.secretKey')?.expect).toEqual({ prod: '/^[sr]k_live_/' });
  });

  it('promotes from the first environment to the others when the seed names do not fit', async () => {
    const environments = [{ name: 'dev', overlay: 'overlays/aws-ci', live: false }, { name: 'live', overlay: 'overlays/aws-prod', live: true }];
    const { config } = await resolve(seedConfig({ environments }));
    expect(config.configPromotion).toEqual({ from: 'dev', to: ['live'] });
    expect(config.imagePromotion).toEqual([['dev', 'live']]);
  });
});
