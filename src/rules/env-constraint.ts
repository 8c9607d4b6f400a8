import { displayValue } from '../report/mask.js';
import type { Rule } from './types.js';

/**
 * A whitelisted value that breaks its entry's `expect` for an environment: the CI e-mail
 * redirect left on (or switched off in CI), a prod Stripe key that is not `pk_live_…`. The
 * whitelist says these keys differ per environment; `expect` says how, so a wrong value is caught
 * even when nobody copied it from anywhere.
 */
export const envConstraint: Rule = {
  meta: {
    id: 'env-constraint',
    description: 'A value that breaks a whitelist entry’s `expect` for that environment',
    help: 'Set the value the whitelist entry expects for this environment (see its `expect` and `reason` in the config).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    for (const file of context.files) {
      for (const key of file.keys) {
        const whitelistEntry = key.whitelistEntry;
        // An expectation is about one value: an entry that whitelists a whole object states none for its leaves.
        if (!whitelistEntry || whitelistEntry.expectations.size === 0 || !whitelistEntry.pattern.matches(key.segments)) continue;
        for (const [envName, expectation] of whitelistEntry.expectations) {
          const leaf = key.leaves.get(envName);
          const envFile = file.byEnv.get(envName);
          if (!leaf || !envFile || expectation.test(leaf.value)) continue;
          const wanted = expectation.text.startsWith('/') ? `to match ${expectation.text}` : expectation.text;
          context.report({
            service: file.service.name,
            env: envName,
            key: key.keyPath,
            place: { envFile, offset: leaf.offset, endOffset: leaf.node.end },
            message: `${key.keyPath} is ${displayValue(leaf.value, true)} in ${envName}, expected ${wanted} (${whitelistEntry.reason})`,
          });
        }
      }
    }
  },
};
