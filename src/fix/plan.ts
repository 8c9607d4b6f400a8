import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { ItemSelector, KeySegment } from '../keys/keyPath.js';
import type { TextEdit } from './edits.js';
import { locate, shareBoundary, type Step } from './locate.js';
import { syncScalarList } from './plan-array.js';
import { block, whitelistedUnder, type Blocked, type PlanContext, type PlanInput } from './plan-context.js';
import { insertDocument, insertIntoMap, insertIntoSeq } from './plan-insert.js';
import { detachSharers } from './plan-detach.js';
import { planExtra } from './plan-remove.js';
import { replaceScalar, replaceValue } from './plan-values.js';
import { cursorFor, forbiddenCredential, keyPathOf, whitelistEntryOf, type Omitted } from './policy.js';
import type { ScalarValue } from './scalar-text.js';
import { findTasks, type Task } from './tasks.js';
import { isFlowCollection } from './yaml-view.js';

/** The value a scalar becomes when it turns into a collection: equal to no scalar. */
const NEW_KIND = Symbol('collection') as unknown as ScalarValue;

export interface Plan {
  edits: TextEdit[];
  blocked: Blocked[];
  omitted: Omitted[];
}

/**
 * Plans the text edits that make one target's non-whitelisted content equal to the source's.
 * Edits are planned on this pass's texts; whatever overlaps is planned again on the next pass.
 */
export function planSync(input: PlanInput): Plan {
  const context: PlanContext = { ...input, edits: [], blocked: [], omitted: [], done: new Set() };
  const tasks = findTasks(input.source.flat, input.target.flat, (segments) => whitelistEntryOf(input.policy, segments) !== undefined);
  const missing = new Map<string, { parent: KeySegment[]; keys: string[]; selectors: ItemSelector[] }>();
  for (const task of tasks) {
    if (task.kind === 'missing') {
      const { parent, child } = splitLast(task.segments);
      const id = JSON.stringify(parent);
      if (!missing.has(id)) missing.set(id, { parent, keys: [], selectors: [] });
      if (typeof child === 'string') missing.get(id)!.keys.push(child);
      else missing.get(id)!.selectors.push(child);
    } else if (task.kind === 'extra') planExtra(context, task);
    else if (task.kind === 'array') planArray(context, task);
    else planValue(context, task);
  }
  for (const group of missing.values()) planMissing(context, group.parent, group.keys, group.selectors);
  return { edits: context.edits, blocked: context.blocked, omitted: context.omitted };
}

function planValue(context: PlanContext, task: Task): void {
  const located = locateBoth(context, task.segments);
  if (!located) return block(context, task.keyPath, 'not found where the comparison saw it');
  const sourceLeaf = context.source.flat.leaves.get(task.keyPath);
  const reason = sourceLeaf ? forbiddenCredential(context.policy, sourceLeaf.value) : undefined;
  if (reason) return block(context, task.keyPath, reason);
  const boundary = shareBoundary(located.target);
  if (boundary !== -1) return planOverride(context, located.target, boundary);
  const guarded = whitelistedUnder(context, task.keyPath);
  if (guarded) return block(context, task.keyPath, `replacing it would drop the whitelisted ${guarded}`);
  const targetStep = located.target[located.target.length - 1];
  const sourceStep = located.source[located.source.length - 1];
  if (task.kind === 'drift' && isScalar(targetStep.written) && (sourceStep.node === null || isScalar(sourceStep.node))) {
    replaceScalar(context, targetStep.written, sourceStep.node, isFlowCollection(targetStep.container ?? null), task.keyPath);
  } else {
    if (isScalar(targetStep.written) && !detachSharers(context, targetStep.written, NEW_KIND, task.keyPath)) return;
    replaceValue(context, targetStep, sourceStep);
  }
}

/**
 * The target reaches this key through an alias or a merge key: its text lives at the anchor,
 * shared with other keys, so the anchor is never edited for it. The value is overridden where
 * the sharing starts: an explicit key next to the `<<`, or the alias replaced by the value.
 */
function planOverride(context: PlanContext, targetSteps: Step[], boundary: number): void {
  const step = targetSteps[boundary];
  const keyPath = keyPathOf(cursorFor(step.segments, context.isStream));
  if (context.done.has(`override ${keyPath}`)) return;
  context.done.add(`override ${keyPath}`);
  const guarded = whitelistedUnder(context, keyPath);
  if (guarded) return block(context, keyPath, `reached through an alias or merge key that also holds the whitelisted ${guarded}: override it by hand`);
  const sourceSteps = locate(context.source.fix, step.segments, context.isStream);
  if (!sourceSteps) return block(context, keyPath, 'not in the source');
  const sourceStep = sourceSteps[boundary];
  if (step.entry?.merged && isMap(step.container) && isMap(sourceStep.container)) {
    insertIntoMap(context, { node: step.container, doc: step.doc }, { node: sourceStep.container, doc: sourceStep.doc }, splitLast(step.segments).parent, [step.entry.key], true);
  } else replaceValue(context, step, sourceStep, true);
}

function planMissing(context: PlanContext, parent: KeySegment[], keys: string[], selectors: ItemSelector[]): void {
  const keyPath = keyPathOf(cursorFor(parent, context.isStream));
  if (context.isStream && parent.length === 1 && parent[0].name === '' && parent[0].items.length === 0) {
    for (const selector of selectors) {
      const segments = [{ name: '', items: [selector] }];
      const sourceSteps = locate(context.source.fix, segments, true);
      if (sourceSteps) insertDocument(context, sourceSteps[0].doc, segments);
    }
    return;
  }
  const target = containerAt(context, 'target', parent);
  const source = containerAt(context, 'source', parent);
  if (!target || !source) return block(context, keyPath, 'its parent was not found');
  const boundary = shareBoundary(target.steps);
  if (boundary !== -1) return planOverride(context, target.steps, boundary);
  if (isMap(target.node) && isMap(source.node)) insertIntoMap(context, { node: target.node, doc: target.doc }, { node: source.node, doc: source.doc }, parent, keys);
  else if (isSeq(target.node) && isSeq(source.node)) insertIntoSeq(context, { node: target.node, doc: target.doc }, { node: source.node, doc: source.doc }, parent, selectors);
  else block(context, keyPath, 'the target holds a different kind of value here');
}

function planArray(context: PlanContext, task: Task): void {
  const located = locateBoth(context, task.segments);
  if (!located) return block(context, task.keyPath, 'not found where the comparison saw it');
  const boundary = shareBoundary(located.target);
  if (boundary !== -1) return planOverride(context, located.target, boundary);
  const targetStep = located.target[located.target.length - 1];
  const sourceStep = located.source[located.source.length - 1];
  if (!isSeq(targetStep.node) || !isSeq(sourceStep.node) || sourceStep.node.items.length === 0) return replaceValue(context, targetStep, sourceStep);
  syncScalarList(context, { node: targetStep.node, doc: targetStep.doc }, { node: sourceStep.node, doc: sourceStep.doc }, task.segments);
}

function locateBoth(context: PlanContext, segments: KeySegment[]): { target: Step[]; source: Step[] } | undefined {
  const target = locate(context.target.fix, segments, context.isStream);
  const source = locate(context.source.fix, segments, context.isStream);
  return target && source && target.length > 0 && source.length > 0 ? { target, source } : undefined;
}

function containerAt(context: PlanContext, which: 'target' | 'source', segments: KeySegment[]): { node: YamlNode | null; doc: Document; steps: Step[] } | undefined {
  const side = context[which];
  const isRoot = segments.length === 0 || (!context.isStream && segments.length === 1 && segments[0].name === '' && segments[0].items.length === 0);
  if (isRoot) {
    const doc = side.fix.documents[0];
    return doc ? { node: doc.contents as YamlNode | null, doc, steps: [] } : undefined;
  }
  const steps = locate(side.fix, segments, context.isStream);
  const last = steps?.[steps.length - 1];
  return steps && last ? { node: last.node, doc: last.doc, steps } : undefined;
}

/** A key path's parent and its last step: a map key, or an array selector. */
export function splitLast(segments: readonly KeySegment[]): { parent: KeySegment[]; child: string | ItemSelector } {
  const last = segments[segments.length - 1];
  if (last.items.length > 0) {
    return { parent: [...segments.slice(0, -1), { name: last.name, items: last.items.slice(0, -1) }], child: last.items[last.items.length - 1] };
  }
  return { parent: segments.slice(0, -1), child: last.name };
}
