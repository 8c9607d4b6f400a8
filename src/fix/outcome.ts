import { flattenDocuments, sameLeafValue, type FlatFile, type Leaf } from '../keys/flatten.js';
import { ancestorPaths, formatKeyPath } from '../keys/keyPath.js';
import type { TargetState } from './fix-file.js';
import { planFor, type FileRun } from './passes.js';
import { whitelistEntryOf, type CopyPolicy } from './policy.js';
import { joinTextForm } from './text-form.js';
import { validateCandidate } from './validate.js';

/**
 * Fills in the report of one target after the passes: what changed (by its outermost key), what
 * stayed whitelisted, what is left and why, the bytes to write; and whether the whole run passes
 * the strict check against the original text.
 */
export function finish(run: FileRun, state: TargetState, sourceFlat: FlatFile, identities: ReadonlyMap<string, string | undefined>): void {
  const { config } = run;
  const { outcome } = state;
  state.strictOk = true;
  if (outcome.skipped || (!state.active && outcome.created && state.text === '')) return;
  const { plan, flat } = planFor(run, state, sourceFlat, identities);
  outcome.blocked.push(...plan.blocked);
  for (const edit of plan.edits) {
    const reason = state.dropped.find((entry) => entry.keyPath === edit.keyPath)?.reason ?? 'could not be applied in this run (it overlaps another change)';
    if (!outcome.blocked.some((entry) => entry.keyPath === edit.keyPath)) outcome.blocked.push({ keyPath: edit.keyPath, reason });
  }
  const original = flattenDocuments(run.reader.parsed(state.original).documents, identities);
  const policy: CopyPolicy = { whitelist: config.whitelist, targetLive: outcome.env.live, identities };
  state.strictOk = state.text === state.original || validateCandidate({ source: sourceFlat, before: original, beforeText: state.original, policy }, state.text, 'strict', run.reader).ok;
  const tops = changedTops(original, flat);
  outcome.removed = tops.filter((keyPath) => !flat.leaves.has(keyPath) && !flat.containers.has(keyPath));
  outcome.synced = tops.filter((keyPath) => !outcome.removed.includes(keyPath));
  const kept = [...flat.leaves.values()].filter((leaf) => {
    const sourceLeaf = sourceFlat.leaves.get(leaf.keyPath);
    return whitelistEntryOf(policy, leaf.segments) && (!sourceLeaf || !sameLeafValue(sourceLeaf.value, leaf.value));
  });
  outcome.kept = kept.map((leaf) => leaf.keyPath);
  const entryKeys = [...kept.map((leaf) => whitelistEntryOf(policy, leaf.segments)?.key), ...outcome.omitted.map((omitted) => omitted.entryKey)];
  outcome.whitelistEntries = [...new Set(entryKeys.filter((key): key is string => key !== undefined))];
  outcome.after = state.text === state.original && !outcome.created ? outcome.before : joinTextForm(state.text, state.form);
  outcome.changed = outcome.after !== outcome.before || (outcome.created && state.text !== '');
}

/**
 * What changed, named the way a person would name it: a new object once (not each of its
 * leaves), a list of scalars once, other keys one by one. In the target's key order.
 */
function changedTops(before: FlatFile, after: FlatFile): string[] {
  const changed: Leaf[] = [];
  for (const [keyPath, leaf] of after.leaves) {
    const previous = before.leaves.get(keyPath);
    if (!previous || !sameLeafValue(previous.value, leaf.value)) changed.push(leaf);
  }
  for (const [keyPath, leaf] of before.leaves) if (!after.leaves.has(keyPath)) changed.push(leaf);
  const has = (flat: FlatFile, keyPath: string) => flat.containers.has(keyPath) || flat.leaves.has(keyPath);
  const tops = new Set<string>();
  for (const leaf of changed) {
    let top = leaf.keyPath;
    for (const ancestor of ancestorPaths(leaf.segments)) {
      const keyPath = formatKeyPath(ancestor);
      if (!has(before, keyPath) || !has(after, keyPath)) {
        top = keyPath;
        break;
      }
    }
    const last = leaf.segments[leaf.segments.length - 1];
    const selector = last?.items[last.items.length - 1];
    if (top === leaf.keyPath && selector && selector.field === undefined && last.name !== '') {
      top = formatKeyPath([...leaf.segments.slice(0, -1), { name: last.name, items: last.items.slice(0, -1) }]);
    }
    tops.add(top);
  }
  return [...tops];
}
