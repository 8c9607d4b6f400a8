import { reportCredentials } from '../secrets/credentials.js';
import type { Rule } from './types.js';

/**
 * A Stripe live credential (`pk_live_`, `sk_live_`, `rk_live_`) in a non-live environment: CI's
 * files are read by more people and more machines than prod's, and a CI run with a live key
 * charges real cards. Scanned like `test-secret`: every YAML/JSON file of the overlay, comments too.
 */
export const liveSecret: Rule = {
  meta: {
    id: 'live-secret',
    description: 'A live credential (pk_live_, sk_live_, rk_live_) in a non-live environment',
    help: 'Replace it with a test key, and roll the live key in the Stripe dashboard: it has been exposed.',
    defaultSeverity: 'error',
    fixable: false,
  },
  async check(context) {
    await reportCredentials(
      context,
      'live',
      (env) => !env.live,
      (hit, env, keyPath) =>
        `Stripe live credential ${hit.masked}${keyPath ? ` at ${keyPath}` : ''} in ${env.name}, a non-live environment: use a test key here and roll the live one`,
    );
  },
};
