import { reportCredentials } from '../secrets/credentials.js';
import type { Rule } from './types.js';

/**
 * A Stripe test credential (`pk_test_`, `sk_test_`, `rk_test_`) anywhere in a live environment:
 * a service file under any key, kustomization.yaml, any other YAML/JSON of the overlay, a
 * comment. With a test key, a live environment takes no money and sends no real receipts while
 * everything looks fine, so this blocks the commit.
 */
export const testSecret: Rule = {
  meta: {
    id: 'test-secret',
    description: 'A test credential (pk_test_, sk_test_, rk_test_) anywhere in a live environment’s files',
    help: 'Put the environment’s live credential there (Stripe live dashboard); test keys belong to non-live environments only.',
    defaultSeverity: 'error',
    fixable: false,
  },
  async check(context) {
    await reportCredentials(
      context,
      'test',
      (env) => env.live,
      (hit, env, keyPath) =>
        `Stripe test credential ${hit.masked}${keyPath ? ` at ${keyPath}` : ''} in ${env.name}, a live environment: use ${env.name}'s live key`,
    );
  },
};
