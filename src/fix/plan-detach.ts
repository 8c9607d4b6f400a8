import { isAlias, isMap, isPair, isScalar } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';
import { sameLeafValue } from '../keys/flatten.js';
import type { TextEdit } from './edits.js';
import { keyStart, pairExtent, pairValueEnd } from './layout.js';
import { columnOf, lastContentOffset, nextLineStart } from './lines.js';
import { locate, shareBoundary } from './locate.js';
import { block, insertionText, type PlanContext } from './plan-context.js';
import { whitelistEntryOf } from './policy.js';
import type { ScalarValue } from './scalar-text.js';
import { aliasesIn, anchorsOf, isFlowCollection, isMergePair } from './yaml-view.js';

/**
 * Before a value is changed where it is written, every other key that shares it through an
 * alias or a merge key, and must keep its value (it is in sync already, or only the target has
 * it), gets its own copy of the current value: the alias is replaced by the value,
 * or an explicit key is written next to the `<<`. So the anchor's own key is synced without
 * changing anything else. Returns false (and reports why) when a sharer cannot be given its own
 * copy: a whitelisted key, whose bytes never change, or one shared through a whole mapping.
 */
export function detachSharers(context: PlanContext, anchored: Scalar, newValue: ScalarValue, keyPath: string): boolean {
  const [start, end] = anchored.range ?? [0, 0];
  const text = context.target.text;
  const literal = text.slice(start, end);
  for (const leaf of context.target.flat.leaves.values()) {
    if (!leaf.shared || leaf.node.kind !== 'scalar' || leaf.node.start !== start || leaf.node.end !== end) continue;
    if (whitelistEntryOf(context.policy, leaf.segments)) {
      block(context, keyPath, `its anchor is shared with the whitelisted ${leaf.keyPath}, which must keep its value: left as it is`);
      return false;
    }
    const sourceLeaf = context.source.flat.leaves.get(leaf.keyPath);
    // Synced by this very edit, or drifting anyway (its own override follows): nothing to keep.
    if (sourceLeaf && (sameLeafValue(sourceLeaf.value, newValue) || !sameLeafValue(sourceLeaf.value, leaf.value))) continue;
    const steps = locate(context.target.fix, leaf.segments, context.isStream);
    const boundary = steps ? shareBoundary(steps) : -1;
    const step = steps?.[boundary];
    if (!steps || !step || boundary !== steps.length - 1) {
      block(context, keyPath, `its anchor is shared with ${leaf.keyPath} through a whole mapping: left as it is`);
      return false;
    }
    if (isAlias(step.written)) {
      context.edits.push({ range: [step.written.range?.[0] ?? 0, step.written.range?.[1] ?? 0], text: literal, keyPath: leaf.keyPath });
    } else if (step.entry?.merged && isMap(step.container)) {
      explicitKey(context, step.container.items.filter(isPair), step.entry.pair, literal, leaf.keyPath, isFlowCollection(step.container));
    } else return false;
  }
  return true;
}

/** Writes `key: value` into the mapping that merges the key, after its last entry. */
function explicitKey(context: PlanContext, pairs: Pair[], mergedPair: Pair, literal: string, keyPath: string, inFlow: boolean): void {
  const text = context.target.text;
  const key = mergedPair.key as YamlNode | null;
  const keyText = text.slice(key?.range?.[0] ?? 0, key?.range?.[1] ?? 0);
  const last = pairs[pairs.length - 1];
  if (inFlow || context.json) {
    const offset = pairValueEnd(text, last);
    context.edits.push({ range: [offset, offset], text: `, ${keyText}: ${literal}`, keyPath });
    return;
  }
  const reference = pairs.find((pair) => !isMergePair(pair)) ?? last;
  const offset = pairExtent(text, last)?.end ?? nextLineStart(text, lastContentOffset(text, pairValueEnd(text, last)));
  context.edits.push({ range: [offset, offset], text: insertionText(text, offset, `${' '.repeat(columnOf(text, keyStart(reference)))}${keyText}: ${literal}\n`), keyPath });
}

/**
 * An edit that removes text may remove an anchor that aliases elsewhere still use. Each such
 * alias first gets the anchored value written out in its place, so the file keeps meaning what it
 * meant. An anchored mapping or list used elsewhere, or a value shared with a whitelisted key,
 * cannot be handled this way: the edit is refused (false) and reported.
 */
export function detachAnchorsIn(context: PlanContext, range: [number, number], keyPath: string, keep?: YamlNode): boolean {
  const text = context.target.text;
  const inside = (offset: number) => offset >= range[0] && offset < range[1];
  for (const doc of context.target.fix.documents) {
    const aliases = aliasesIn(doc.contents as YamlNode | null);
    for (const anchor of anchorsOf(doc)) {
      if (anchor.node === keep || !inside(anchor.offset)) continue;
      const users = aliases.filter((alias) => !inside(alias.range?.[0] ?? 0) && alias.resolve(doc) === anchor.node);
      if (users.length === 0) continue;
      if (!isScalar(anchor.node)) {
        block(context, keyPath, `it holds the anchor &${anchor.name}, which other keys use: left as it is`);
        return false;
      }
      const [start, end] = anchor.node.range ?? [0, 0];
      const sharedWithWhitelisted = [...context.target.flat.leaves.values()].find((leaf) => leaf.shared && leaf.node.start === start && whitelistEntryOf(context.policy, leaf.segments));
      if (sharedWithWhitelisted) {
        block(context, keyPath, `it holds the anchor &${anchor.name}, shared with the whitelisted ${sharedWithWhitelisted.keyPath}: left as it is`);
        return false;
      }
      for (const alias of users) context.edits.push({ range: [alias.range?.[0] ?? 0, alias.range?.[1] ?? 0], text: text.slice(start, end), keyPath });
    }
  }
  return true;
}

/** Plans an edit that replaces or removes text, after detaching the aliases of anchors inside it. */
export function pushReplacing(context: PlanContext, edit: TextEdit, keep?: YamlNode): void {
  if (detachAnchorsIn(context, edit.range, edit.keyPath, keep)) context.edits.push(edit);
}
