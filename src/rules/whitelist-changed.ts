import type { ComparedFile, ComparedKey, EnvFile } from '../compare/snapshot.js';
import type { Leaf } from '../keys/flatten.js';
import { ancestorPaths, formatKeyPath, type KeySegment } from '../keys/keyPath.js';
import { sameLeafValue } from '../keys/flatten.js';
import { displayValue, fingerprint } from '../report/mask.js';
import type { FindingPlace, Guard, Rule, RuleContext } from './types.js';

/**
 * In `--staged` / `--base` mode: a whitelisted value of a live environment that differs from the
 * baseline (HEAD, or the REF). Prod's database URL and Stripe keys change rarely and on purpose,
 * so a change is an error unless allowed by name (`--allow KEY`, PROMOTE_LINT_ALLOW); an allowed
 * change is listed in the output, never silent. A key or file with no baseline version is new:
 * there is nothing to guard yet (test-secret and env-constraint still look at its value).
 */
export const whitelistChanged: Rule = {
  meta: {
    id: 'whitelist-changed',
    description: 'In --staged / --base mode: a change to a whitelisted value in a live environment',
    help: 'Undo the change, or allow it deliberately with `--allow KEY` (repeatable, patterns allowed) or PROMOTE_LINT_ALLOW=KEY,KEY.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    const guard = context.guard;
    if (!guard) return;
    for (const file of context.files) {
      const baselineFile = guard.baselineFiles.find((candidate) => candidate.service.name === file.service.name && candidate.fileId === file.fileId);
      if (!baselineFile) continue;
      for (const env of context.config.environments) {
        const current = file.byEnv.get(env.name);
        const baseline = baselineFile.byEnv.get(env.name);
        // A file that does not parse on either side cannot be compared; parse-error speaks for it.
        if (!env.live || !current || !baseline?.flat || (current.exists && !current.flat)) continue;
        const changed = baselineFile.keys.filter((key) => {
          const before = key.leaves.get(env.name);
          const after = current.flat?.leaves.get(key.keyPath);
          return key.whitelistEntry !== undefined && before !== undefined && !(after && sameLeafValue(before.value, after.value));
        });
        if (!current.exists && changed.length > 0) reportDeletedFile(context, guard, file, current, changed);
        else for (const key of changed) reportChange(context, guard, file, current, key);
      }
    }
  },
};

function reportChange(context: RuleContext, guard: Guard, file: ComparedFile, current: EnvFile, key: ComparedKey): void {
  const envName = current.env.name;
  const before = key.leaves.get(envName) as Leaf;
  const after = current.flat?.leaves.get(key.keyPath);
  const change = after ? describeChange(before, after) : `removed (was ${displayValue(before.value, true)})`;
  const report = {
    service: file.service.name,
    env: envName,
    key: key.keyPath,
    place: placeOf(current, key.segments, after),
    message: `whitelisted ${key.keyPath} changed in ${envName} since ${guard.baselineLabel}: ${change}`,
  };
  const allowedBy = guard.allow.find((pattern) => pattern.coversKey(key.segments));
  if (allowedBy) guard.noteAllowed(report, allowedBy.source);
  else context.report({ ...report, message: `${report.message}; if deliberate, allow it with --allow ${key.keyPath}` });
}

/** A deleted live file is one finding, allowed only when every whitelisted key it held is. */
function reportDeletedFile(context: RuleContext, guard: Guard, file: ComparedFile, current: EnvFile, changed: readonly ComparedKey[]): void {
  const keyList = changed.slice(0, 3).map((key) => key.keyPath).join(', ') + (changed.length > 3 ? ', …' : '');
  const report = {
    service: file.service.name,
    env: current.env.name,
    key: '',
    place: { file: current.repoPath, line: 0, column: 0 },
    message: `${current.repoPath} was deleted from ${current.env.name} since ${guard.baselineLabel}, with ${changed.length} whitelisted value${changed.length === 1 ? '' : 's'} (${keyList})`,
  };
  const allowedBy = changed.map((key) => guard.allow.find((pattern) => pattern.coversKey(key.segments)));
  if (allowedBy.every((pattern) => pattern !== undefined)) guard.noteAllowed(report, [...new Set(allowedBy.map((pattern) => pattern?.source))].join(', '));
  else context.report(report);
}

/** Old → new, masked; when the masks look alike, fingerprints show that the values differ. */
function describeChange(before: Leaf, after: Leaf): string {
  const [old, now] = [displayValue(before.value, true), displayValue(after.value, true)];
  return old === now ? `${old} (${fingerprint(before.value)}) → ${now} (${fingerprint(after.value)})` : `${old} → ${now}`;
}

/** At the changed value; for a removed key, at its nearest parent that is still there. */
function placeOf(current: EnvFile, segments: readonly KeySegment[], after: Leaf | undefined): FindingPlace {
  if (after) return { envFile: current, offset: after.offset, endOffset: after.node.end };
  if (!current.exists) return { file: current.repoPath, line: 0, column: 0 };
  let offset = 0;
  for (const ancestor of ancestorPaths(segments)) {
    const container = current.flat?.containers.get(formatKeyPath(ancestor));
    if (!container) break;
    offset = container.offset;
  }
  return { envFile: current, offset };
}
