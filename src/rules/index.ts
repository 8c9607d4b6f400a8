import { drift } from './drift.js';
import { imageDrift } from './image-drift.js';
import { missingKey } from './missing-key.js';
import { parseError } from './parse-error.js';
import type { Rule } from './types.js';
import { unusedWhitelist } from './unused-whitelist.js';

/** Every rule, by its public id, in one explicit sorted list: nothing is discovered from disk. */
export const RULES: readonly Rule[] = [drift, imageDrift, missingKey, parseError, unusedWhitelist];

export const RULE_IDS = RULES.map((rule) => rule.meta.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
