import type { WhitelistEntry } from '../config/resolve.js';
import { ancestorPaths, formatKeyPath } from '../keys/keyPath.js';
import type { Rule } from './types.js';

/**
 * A whitelisted key that the source has, whose parent object exists in a live target, but which
 * the target lacks: a plan promoted without its live Stripe price ID. `--fix` never copies a
 * whitelisted value, so this stays open until a person fills it in. A parent wholly absent from
 * the target is `missing-key` only: CI-first work (a new plan in CI) is never blocked.
 */
export const whitelistMissing: Rule = {
  meta: {
    id: 'whitelist-missing',
    description: 'A whitelisted key in the source whose parent exists in a live target that lacks it',
    help: 'Fill in the target environment’s own value (for a Stripe price: create the Price in the Stripe live dashboard, then put its ID here).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    for (const file of context.files) {
      for (const key of file.keys) {
        const whitelistEntry = key.whitelistEntry;
        if (!whitelistEntry || !key.leaves.has(context.source.name)) continue;
        const parent = ancestorPaths(key.segments).at(-1);
        // A key at the top of a file has no parent object to speak of: its file is there or not.
        if (!parent) continue;
        // The entry whitelists the parent itself: its shape may differ per environment by design.
        if (whitelistEntry.pattern.coversKey(parent)) continue;
        for (const target of context.targets) {
          const envFile = file.byEnv.get(target.name);
          if (!target.live || key.leaves.has(target.name) || !envFile?.flat) continue;
          const container = envFile.flat.containers.get(formatKeyPath(parent));
          if (!container) continue;
          context.report({
            service: file.service.name,
            env: target.name,
            key: key.keyPath,
            place: { envFile, offset: container.offset },
            message: `${key.keyPath} is in ${context.source.name} but missing in ${target.name}: ${whatToDo(key.keyPath, target.name, whitelistEntry)}`,
          });
        }
      }
    }
  },
};

/** The message says what to do, because --fix will not: the value has to come from a person. */
function whatToDo(keyPath: string, targetName: string, whitelistEntry: WhitelistEntry): string {
  const neverCopied = `it is whitelisted (${whitelistEntry.reason}) and never copied`;
  if (/price/i.test(keyPath) && /stripe/i.test(keyPath)) {
    return `create the Price in the Stripe live dashboard, then fill in its ID here (${neverCopied})`;
  }
  if (/stripe|webhook/i.test(keyPath)) return `fill in ${targetName}'s own value from the Stripe live dashboard (${neverCopied})`;
  return `fill in ${targetName}'s own value (${neverCopied})`;
}
