import type { RawConfig, RawWhitelistEntry } from './types.js';

/** The seed runbook's whitelist: keys that differ per environment by design and are never promoted. */
export const DEFAULT_WHITELIST: RawWhitelistEntry[] = [
  { key: 'database.default.link', reason: 'each environment has its own RDS' },
  { key: 'redis.default.address', reason: 'own MemoryDB' },
  { key: 'mongodb.default.uri', reason: 'own DocumentDB' },
  { key: 'rabbitmq.default.url', reason: 'own MQ broker' },
  {
    key: 'stripe.publishableKey',
    reason: 'CI uses test keys',
    expect: { staging: '/^pk_live_/', prod: '/^pk_live_/' },
  },
  {
    key: 'stripe.secretKey',
    reason: 'CI uses test keys',
    expect: { staging: '/^[sr]k_live_/', prod: '/^[sr]k_live_/' },
  },
  { key: 'stripe.webhookSecret', reason: 'own webhook endpoint' },
  { key: 'payment.*.stripePriceId', reason: 'different Stripe accounts' },
  {
    key: 'campaign.sendEmails.redirectEnabled',
    reason: 'CI safety redirect: true in CI, false in staging/prod',
    expect: { ci: true, staging: false, prod: false },
  },
];

/** The seed's layout, used when no config file is found (paths relative to the kubernetes/ root). */
export function defaultConfig(): RawConfig {
  return {
    environments: [
      { name: 'ci', overlay: 'overlays/aws-ci', live: false, argocdApp: 'simplex-aws-ci' },
      { name: 'staging', overlay: 'overlays/aws-staging', live: true, argocdApp: 'simplex-aws-staging' },
      { name: 'prod', overlay: 'overlays/aws-prod', live: true, argocdApp: 'simplex-aws-prod', manualSync: true },
    ],
    promotion: {
      configs: { from: 'ci', to: ['staging', 'prod'] },
      images: [
        ['ci', 'staging'],
        ['staging', 'prod'],
      ],
    },
    whitelist: DEFAULT_WHITELIST.map((entry) => ({ ...entry })),
    arrayKeys: {},
    rules: {},
  };
}
