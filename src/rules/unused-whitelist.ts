import path from 'node:path';
import { locatePointer } from '../config/pointer.js';
import type { WhitelistEntry } from '../config/resolve.js';
import type { Rule, RuleContext } from './types.js';

/**
 * A whitelist entry that matches no key in any environment. Stale exemptions rot: a renamed key
 * would silently lose its protection, and a reader cannot tell which entries still matter.
 */
export const unusedWhitelist: Rule = {
  meta: {
    id: 'unused-whitelist',
    description: 'A whitelist entry that matches no key in any environment',
    help: 'Remove the entry, or correct its key pattern so it matches the key it was meant for.',
    defaultSeverity: 'warn',
    fixable: false,
  },
  check(context) {
    // Narrowed to some services, an entry for another service would look unused when it is not.
    if (context.narrowed) return;
    for (const entry of context.config.whitelist) {
      if (isUsed(context, entry)) continue;
      context.report({
        service: '',
        env: '',
        key: entry.key,
        place: configPlace(context, entry),
        message: `whitelist entry "${entry.key}" matches no key in any environment`,
      });
    }
  },
};

function isUsed(context: RuleContext, entry: WhitelistEntry): boolean {
  for (const file of context.files) {
    for (const envFile of file.byEnv.values()) {
      const flat = envFile.flat;
      if (!flat) continue;
      for (const leaf of flat.leaves.values()) if (entry.pattern.coversKey(leaf.segments)) return true;
      for (const container of flat.containers.values()) if (entry.pattern.matches(container.segments)) return true;
    }
  }
  return false;
}

function configPlace(context: RuleContext, entry: WhitelistEntry) {
  const { file, text, repoRoot } = context.config;
  if (!file || !text) return { file: '(built-in defaults)', line: 0, column: 0 };
  const relative = path.relative(repoRoot, file).split(path.sep).join('/');
  return { file: relative, ...locatePointer(text, `/whitelist/${entry.index}/key`) };
}
