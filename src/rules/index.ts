import { drift } from './drift.js';
import { envConstraint } from './env-constraint.js';
import { imageDrift } from './image-drift.js';
import { liveSecret } from './live-secret.js';
import { missingKey } from './missing-key.js';
import { parseError } from './parse-error.js';
import { testSecret } from './test-secret.js';
import type { Rule } from './types.js';
import { unusedWhitelist } from './unused-whitelist.js';
import { whitelistChanged } from './whitelist-changed.js';
import { whitelistCopied } from './whitelist-copied.js';
import { whitelistMissing } from './whitelist-missing.js';

/** Every rule, by its public id, in one explicit sorted list: nothing is discovered from disk. */
export const RULES: readonly Rule[] = [
  drift,
  envConstraint,
  imageDrift,
  liveSecret,
  missingKey,
  parseError,
  testSecret,
  unusedWhitelist,
  whitelistChanged,
  whitelistCopied,
  whitelistMissing,
];

export const RULE_IDS = RULES.map((rule) => rule.meta.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
