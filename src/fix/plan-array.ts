import { isAlias, isScalar } from 'yaml';
import type { Document, Node as YamlNode, Scalar, YAMLSeq } from 'yaml';
import type { KeySegment } from '../keys/keyPath.js';
import { flowSpan, itemExtent } from './layout.js';
import { block, type PlanContext } from './plan-context.js';
import { pushReplacing } from './plan-detach.js';
import { insertItems, type Parent } from './plan-insert.js';
import type { Placement } from './placement.js';
import { replaceScalar } from './plan-values.js';
import { cursorFor, forbiddenCredential, itemCursor, keyPathOf } from './policy.js';
import { scalarSource } from './extract.js';
import { sameScalar, scalarText, type ScalarValue } from './scalar-text.js';
import { isFlowCollection, resolveNode } from './yaml-view.js';

/**
 * A list of scalars is a value: the target's becomes the source's. Aligned on their longest
 * common subsequence, so one new element is one inserted line; an element that changed in
 * place is replaced where it stands (its comment stays).
 */
export function syncScalarList(context: PlanContext, target: Parent<YAMLSeq>, source: Parent<YAMLSeq>, segments: KeySegment[]): void {
  const arrayCursor = cursorFor(segments, context.isStream);
  const keyPath = keyPathOf(arrayCursor);
  const sourceItems = (source.node.items as YamlNode[]).filter((item, index) => {
    const value = valueOf(item, source.doc);
    const reason = forbiddenCredential(context.policy, value);
    if (reason) context.omitted.push({ keyPath: keyPathOf(itemCursor(arrayCursor, context.policy, index, () => undefined)), reason: 'credential', detail: reason });
    return !reason;
  });
  const targetItems = target.node.items as YamlNode[];
  const pairs = commonSubsequence(sourceItems.map((item) => valueOf(item, source.doc)), targetItems.map((item) => valueOf(item, target.doc)));
  const inFlow = isFlowCollection(target.node) || context.json;
  const removals: number[] = [];
  let sourceIndex = 0;
  let targetIndex = 0;
  for (const [sourceMatch, targetMatch] of [...pairs, [sourceItems.length, targetItems.length]]) {
    const fromSource = sourceItems.slice(sourceIndex, sourceMatch);
    const fromTarget = targetItems.slice(targetIndex, targetMatch);
    const replaced = Math.min(fromSource.length, fromTarget.length);
    for (let offset = 0; offset < replaced; offset++) {
      const written = fromTarget[offset];
      const sourceNode = resolveNode(fromSource[offset], source.doc);
      if (isScalar(written)) replaceScalar(context, written as Scalar, sourceNode, inFlow, keyPath);
      else overrideAlias(context, written, sourceNode, inFlow, keyPath);
    }
    for (let offset = replaced; offset < fromTarget.length; offset++) removals.push(targetIndex + offset);
    const added = fromSource.slice(replaced);
    if (added.length > 0) {
      const lastKept = targetIndex + replaced - 1;
      const placement: Placement = lastKept >= 0 ? { where: 'after', index: lastKept } : targetMatch < targetItems.length ? { where: 'before', index: targetMatch } : { where: 'end' };
      const items = added.map((item) => ({ item, cursor: itemCursor(arrayCursor, context.policy, source.node.items.indexOf(item), () => undefined) }));
      insertItems(context, target, source, items, placement, keyPath);
    }
    sourceIndex = sourceMatch + 1;
    targetIndex = targetMatch + 1;
  }
  removeItems(context, target, removals, keyPath);
}

/** An element written as an alias gets its own value (the anchor may be shared with other keys). */
function overrideAlias(context: PlanContext, written: YamlNode, sourceNode: YamlNode | null, inFlow: boolean, keyPath: string): void {
  const text = scalarText(scalarSource(sourceNode, context.source.text), inFlow ? 'flow' : 'block', undefined, { json: context.json });
  if (text === undefined || !isAlias(written)) return block(context, keyPath, 'the source value cannot be written in this place so that it reads back the same');
  context.edits.push({ range: [written.range?.[0] ?? 0, written.range?.[1] ?? 0], text, keyPath });
}

function valueOf(item: YamlNode, doc: Document): ScalarValue {
  const node = resolveNode(item, doc);
  return isScalar(node) ? (node.value as ScalarValue) : null;
}

/** Runs of neighbouring elements go in one cut, so the commas of a flow list stay right. */
function removeItems(context: PlanContext, target: Parent<YAMLSeq>, indexes: number[], keyPath: string): void {
  const text = context.target.text;
  const items = target.node.items as YamlNode[];
  if (!isFlowCollection(target.node) && !context.json) {
    for (const index of indexes) {
      const extent = itemExtent(text, items[index]);
      if (extent) pushReplacing(context, { range: [extent.start, extent.end], text: '', keyPath });
      else block(context, keyPath, 'the list is not written one element per line');
    }
    return;
  }
  const runs: Array<[number, number]> = [];
  for (const index of indexes) {
    const last = runs[runs.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else runs.push([index, index]);
  }
  for (const [first, last] of runs) {
    let range: [number, number];
    if (first > 0) range = [flowSpan(text, items[first - 1])[1], flowSpan(text, items[last])[1]];
    else if (last + 1 < items.length) range = [flowSpan(text, items[first])[0], flowSpan(text, items[last + 1])[0]];
    else range = [flowSpan(text, items[first])[0], flowSpan(text, items[last])[1]];
    pushReplacing(context, { range, text: '', keyPath });
  }
}

/** Index pairs of a longest common subsequence of two value lists. */
function commonSubsequence(left: ScalarValue[], right: ScalarValue[]): Array<[number, number]> {
  const lengths = Array.from({ length: left.length + 1 }, () => new Array<number>(right.length + 1).fill(0));
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      lengths[i][j] = sameScalar(left[i], right[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    if (sameScalar(left[i], right[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}
