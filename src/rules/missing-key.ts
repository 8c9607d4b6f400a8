import type { FlatFile } from '../keys/flatten.js';
import { ancestorPaths, formatKeyPath, type KeySegment } from '../keys/keyPath.js';
import type { Rule } from './types.js';

/**
 * A business key (or a whole file) present in some environments only. A key the target lacks is
 * reported at its nearest existing parent in the target, where `--fix` would insert it.
 */
export const missingKey: Rule = {
  meta: {
    id: 'missing-key',
    description: 'A non-whitelisted key present in some environments only',
    help: 'Promote the key with `promote-lint --fix` (or remove it from the target with `--fix --prune`).',
    defaultSeverity: 'warn',
    fixable: true,
  },
  check(context) {
    for (const file of context.files) {
      const sourceFile = file.byEnv.get(context.source.name);
      for (const target of context.targets) {
        const targetFile = file.byEnv.get(target.name);
        if (!sourceFile || !targetFile) continue;
        if (sourceFile.exists !== targetFile.exists) {
          const present = sourceFile.exists ? context.source.name : target.name;
          const absent = sourceFile.exists ? target.name : context.source.name;
          context.report({
            service: file.service.name,
            env: target.name,
            key: '',
            place: targetFile.exists ? { envFile: targetFile, offset: 0 } : { file: targetFile.repoPath, line: 0, column: 0 },
            message: `${file.fileId} exists in ${present} but not in ${absent}`,
            fixable: sourceFile.exists,
          });
          continue;
        }
        if (!sourceFile.flat || !targetFile.flat) continue;
        const reportedTops = new Set<string>();
        for (const key of file.keys) {
          if (key.whitelistEntry) continue;
          const inSource = key.leaves.get(context.source.name);
          const inTarget = key.leaves.get(target.name);
          if (inSource && !inTarget) {
            // A missing object is one finding at its top, not one per leaf inside it.
            const missing = missingTop(targetFile.flat, key.segments);
            if (reportedTops.has(missing.keyPath)) continue;
            reportedTops.add(missing.keyPath);
            context.report({
              service: file.service.name,
              env: target.name,
              key: missing.keyPath,
              place: { envFile: targetFile, offset: missing.parentOffset },
              message: `${missing.keyPath} is in ${context.source.name} but missing in ${target.name}`,
              fixable: true,
            });
          } else if (!inSource && inTarget) {
            context.report({
              service: file.service.name,
              env: target.name,
              key: key.keyPath,
              place: { envFile: targetFile, offset: inTarget.offset, endOffset: inTarget.node.end },
              message: `${key.keyPath} is in ${target.name} but not in ${context.source.name}`,
              fixable: false,
            });
          }
        }
      }
    }
  },
};

/** The shortest ancestor of a key that the target lacks, and where its parent is in the target. */
function missingTop(flat: FlatFile, segments: readonly KeySegment[]): { keyPath: string; parentOffset: number } {
  let parentOffset = 0;
  for (const ancestor of ancestorPaths(segments)) {
    const keyPath = formatKeyPath(ancestor);
    const container = flat.containers.get(keyPath);
    if (!container) return { keyPath, parentOffset };
    parentOffset = container.offset;
  }
  return { keyPath: formatKeyPath(segments), parentOffset };
}
