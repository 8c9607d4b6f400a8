import type { LeafValue } from '../keys/flatten.js';
import { sameLeafValue } from '../keys/flatten.js';
import { displayValue } from '../report/mask.js';
import type { Rule } from './types.js';

/**
 * A whitelisted key in a live target that holds exactly the source's value: CI's database URL or
 * test price ID pasted into prod by hand. Whitelisted keys exist because they must differ, so the
 * same value is a copy, not a coincidence; `mustDiffer: false` opts an entry out.
 */
export const whitelistCopied: Rule = {
  meta: {
    id: 'whitelist-copied',
    description: 'A whitelisted key in a live target holding exactly the source’s value',
    help: 'Put the target environment’s own value there (its own database, its own Stripe account); never copy it from the source.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    for (const file of context.files) {
      for (const key of file.keys) {
        const whitelistEntry = key.whitelistEntry;
        if (!whitelistEntry?.mustDiffer) continue;
        const sourceLeaf = key.leaves.get(context.source.name);
        if (!sourceLeaf || !isCopyable(sourceLeaf.value)) continue;
        for (const target of context.targets) {
          // Where the entry states what the target must hold, env-constraint decides, not sameness.
          if (!target.live || whitelistEntry.expectations.has(target.name)) continue;
          const targetLeaf = key.leaves.get(target.name);
          const envFile = file.byEnv.get(target.name);
          if (!targetLeaf || !envFile || !sameLeafValue(sourceLeaf.value, targetLeaf.value)) continue;
          context.report({
            service: file.service.name,
            env: target.name,
            key: key.keyPath,
            place: { envFile, offset: targetLeaf.offset, endOffset: targetLeaf.node.end },
            message:
              `${key.keyPath} in ${target.name} holds ${context.source.name}'s value ${displayValue(targetLeaf.value, true)}: ` +
              `it is whitelisted (${whitelistEntry.reason}), so ${target.name} needs its own value`,
          });
        }
      }
    }
  },
};

/** Empty values are unset rather than copied: nothing of the source's leaked into the target. */
function isCopyable(value: LeafValue): boolean {
  return value !== null && value !== '' && typeof value !== 'object';
}
