import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { extractPlain, type SourceSide } from './extract.js';
import { itemExtent, keyStart, pairExtent, type Extent } from './layout.js';
import { startsLine } from './lines.js';
import { childCursor, forbiddenCredential, itemCursor, keyPathOf, whitelistEntryOf, type CopyPolicy, type Omitted, type PathCursor } from './policy.js';
import { entriesOf, fieldText, isMergePair, keyText, resolveNode } from './yaml-view.js';

export interface CutContext {
  source: SourceSide;
  policy: CopyPolicy;
  /** what was left out, for the report */
  omitted: Omitted[];
}

/**
 * Ranges to cut out of the copy. 'empty' means everything in the node is cut (its parent then
 * cuts the whole entry); 'fail' means a cut cannot be made by removing whole lines.
 */
export type CutResult = 'kept' | 'empty' | 'fail';

export function collectCuts(input: CutContext, written: YamlNode | null, cursor: PathCursor, cuts: Array<[number, number]>): CutResult {
  const { source, policy } = input;
  if (written === null) return 'kept';
  if (isScalar(written)) {
    const reason = forbiddenCredential(policy, written.value);
    if (!reason) return 'kept';
    input.omitted.push({ keyPath: keyPathOf(cursor), reason: 'credential', detail: reason });
    return 'empty';
  }
  if (isAlias(written) || written.flow === true) {
    const probe: Omitted[] = [];
    const plain = extractPlain(written, source, cursor, policy, probe);
    if (probe.length === 0) return 'kept';
    if (plain !== undefined) return 'fail';
    input.omitted.push(...probe);
    return 'empty';
  }
  const cutWhole = (extent: [number, number] | undefined) => {
    if (extent) cuts.push(extent);
    return extent !== undefined;
  };
  if (isMap(written)) {
    const pairs = written.items.filter((pair) => !isMergePair(pair));
    let kept = written.items.length - pairs.length;
    for (const [index, pair] of pairs.entries()) {
      const child = childCursor(cursor, keyText(pair));
      const whitelistEntry = whitelistEntryOf(policy, child.segments);
      const childCuts: Array<[number, number]> = [];
      const result: CutResult = whitelistEntry ? 'empty' : collectCuts(input, (pair.value as YamlNode | null) ?? null, child, childCuts);
      if (whitelistEntry) input.omitted.push({ keyPath: keyPathOf(child), reason: 'whitelisted', detail: whitelistEntry.reason, entryKey: whitelistEntry.key });
      if (result === 'fail') return 'fail';
      if (result === 'empty') {
        if (!cutWhole(pairCut(source.text, pair, pairs[index + 1]))) return 'fail';
        continue;
      }
      kept++;
      cuts.push(...childCuts);
    }
    const merged = entriesOf(written, source.doc).filter((entry) => entry.merged);
    const leavesOut = (entry: (typeof merged)[number]) => {
      const at = childCursor(cursor, entry.key);
      const probe: Omitted[] = [];
      extractPlain(entry.value, source, at, policy, probe);
      return probe.length > 0 || whitelistEntryOf(policy, at.segments) !== undefined;
    };
    if (merged.some(leavesOut)) return 'fail';
    return kept > 0 ? 'kept' : 'empty';
  }
  if (isSeq(written)) {
    const items = written.items as YamlNode[];
    let kept = 0;
    for (const [index, item] of items.entries()) {
      const resolved = resolveNode(item, source.doc);
      const child = itemCursor(cursor, policy, index, (field) => fieldText(resolved, field, source.doc));
      const whitelistEntry = whitelistEntryOf(policy, child.segments);
      const childCuts: Array<[number, number]> = [];
      const result: CutResult = whitelistEntry ? 'empty' : collectCuts(input, item, child, childCuts);
      if (whitelistEntry) input.omitted.push({ keyPath: keyPathOf(child), reason: 'whitelisted', detail: whitelistEntry.reason, entryKey: whitelistEntry.key });
      if (result === 'fail') return 'fail';
      if (result === 'empty') {
        const extent = itemExtent(source.text, item);
        if (!cutWhole(extent ? [extent.start, extent.end] : undefined)) return 'fail';
        continue;
      }
      kept++;
      cuts.push(...childCuts);
    }
    return kept > 0 || items.length === 0 ? 'kept' : 'empty';
  }
  return 'fail';
}

export function overlapping(cuts: Array<[number, number]>): boolean {
  const sorted = [...cuts].sort((left, right) => left[0] - right[0]);
  return sorted.some((cut, index) => index > 0 && cut[0] < sorted[index - 1][1]);
}

/** A whole-line cut; for the first key after `- ` the next key moves up onto the dash line. */
function pairCut(text: string, pair: Pair, next: Pair | undefined): [number, number] | undefined {
  const extent: Extent | undefined = pairExtent(text, pair);
  if (extent) return [extent.start, extent.end];
  if (!next || !startsLine(text, keyStart(next))) return undefined;
  return [keyStart(pair), keyStart(next)];
}

