import { sameLeafValue } from '../keys/flatten.js';
import { displayValue } from '../report/mask.js';
import type { Rule } from './types.js';

/**
 * A business key whose value in a target differs from the source. CI is ahead by design, so this
 * is a warning that `--fix` resolves; `--max-warnings 0` makes it gating.
 */
export const drift: Rule = {
  meta: {
    id: 'drift',
    description: 'A non-whitelisted key whose value differs between the source and a target environment',
    help: 'Promote the source value with `promote-lint --fix`, or whitelist the key if it must differ per environment.',
    defaultSeverity: 'warn',
    fixable: true,
  },
  check(context) {
    for (const file of context.files) {
      for (const key of file.keys) {
        if (key.whitelistEntry) continue;
        const sourceLeaf = key.leaves.get(context.source.name);
        if (!sourceLeaf) continue;
        for (const target of context.targets) {
          const targetLeaf = key.leaves.get(target.name);
          const envFile = file.byEnv.get(target.name);
          if (!targetLeaf || !envFile || sameLeafValue(sourceLeaf.value, targetLeaf.value)) continue;
          context.report({
            service: file.service.name,
            env: target.name,
            key: key.keyPath,
            place: { envFile, offset: targetLeaf.offset, endOffset: targetLeaf.node.end },
            message: `${key.keyPath} is ${displayValue(targetLeaf.value)} in ${target.name}, ${displayValue(sourceLeaf.value)} in ${context.source.name}`,
            fixable: true,
          });
        }
      }
    }
  },
};
