import { isMap, isPair, isSeq } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { columnOf, indentAt, lastContentOffset, leadingCommentStart, lineStart, nextLineStart, startsLine } from './lines.js';
import type { BlockStyle } from './render-fresh.js';
import { isBlockCollection, propsStart, valueEnd, type FixDoc } from './yaml-view.js';

/** Where a block entry's or element's lines are: its comments above, its first line, the line after its last. */
export interface Extent {
  /** start of the comment lines directly above it */
  start: number;
  /** start of its own first line */
  lineStart: number;
  /** start of the line after its last line (or the end of the text) */
  end: number;
}

export function keyStart(pair: Pair): number {
  return (pair.key as YamlNode | null)?.range?.[0] ?? 0;
}

/** End of an entry's value, for a pair with or without a value. */
export function pairValueEnd(text: string, pair: Pair): number {
  const key = pair.key as YamlNode | null;
  const keyEnd = key?.range?.[1] ?? 0;
  const value = pair.value as YamlNode | null;
  if (value === null || value === undefined) return keyEnd;
  const [start, end] = value.range ?? [keyEnd, keyEnd];
  return start === end ? Math.max(keyEnd, end) : valueEnd(text, value, end);
}

/** A block-map entry whose key begins its line; undefined for `- key:` or flow entries. */
export function pairExtent(text: string, pair: Pair): Extent | undefined {
  const start = keyStart(pair);
  if (!startsLine(text, start)) return undefined;
  const first = lineStart(text, start);
  return { start: leadingCommentStart(text, first), lineStart: first, end: nextLineStart(text, lastContentOffset(text, pairValueEnd(text, pair))) };
}

/** The `-` of a block-sequence element, or undefined. */
export function dashOffset(text: string, item: YamlNode): number | undefined {
  let index = propsStart(text, item) - 1;
  while (index >= 0 && text[index] === ' ') index--;
  return text[index] === '-' ? index : undefined;
}

export function itemExtent(text: string, item: YamlNode): Extent | undefined {
  const dash = dashOffset(text, item);
  if (dash === undefined || !startsLine(text, dash)) return undefined;
  const first = lineStart(text, dash);
  const end = Math.max(item.range?.[1] ?? dash, dash + 1);
  return { start: leadingCommentStart(text, first), lineStart: first, end: nextLineStart(text, lastContentOffset(text, valueEnd(text, item, end))) };
}

/** Where an entry is written inside a flow collection (or any collection), for comma arithmetic. */
export function flowSpan(text: string, item: Pair | YamlNode): [number, number] {
  if (isPair(item)) return [keyStart(item), pairValueEnd(text, item)];
  return [propsStart(text, item), item.range?.[1] ?? 0];
}

/**
 * The target's indentation habits, by majority: how far a nested mapping is indented under its
 * key, and how far a sequence's `-` is indented under its key (0 for `key:\n- item`).
 */
export function detectStyle(fix: FixDoc): BlockStyle | undefined {
  const units = new Map<number, number>();
  const seqIndents = new Map<number, number>();
  const count = (tally: Map<number, number>, value: number) => tally.set(value, (tally.get(value) ?? 0) + 1);
  const walk = (node: YamlNode | null) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const value = pair.value as YamlNode | null;
        if (isBlockCollection(node) && isBlockCollection(value) && startsLine(fix.text, keyStart(pair))) {
          const keyColumn = columnOf(fix.text, keyStart(pair));
          const first = value.items[0] as Pair | YamlNode | undefined;
          if (isMap(value) && isPair(first)) count(units, columnOf(fix.text, keyStart(first)) - keyColumn);
          if (isSeq(value) && first && !isPair(first)) {
            const dash = dashOffset(fix.text, first);
            if (dash !== undefined) count(seqIndents, columnOf(fix.text, dash) - keyColumn);
          }
        }
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item as YamlNode);
    }
  };
  for (const doc of fix.documents) walk(doc.contents as YamlNode | null);
  const unit = majority(units, (value) => value > 0);
  if (unit === undefined) return undefined;
  return { unit, seqIndent: majority(seqIndents, (value) => value >= 0) ?? unit };
}

function majority(tally: Map<number, number>, allowed: (value: number) => boolean): number | undefined {
  let best: number | undefined;
  for (const [value, count] of tally) {
    if (!allowed(value)) continue;
    if (best === undefined || count > (tally.get(best) ?? 0)) best = value;
  }
  return best;
}

/** The indentation step of a multi-line flow collection (a pretty-printed JSON file). */
export function detectFlowUnit(fix: FixDoc): number | undefined {
  const text = fix.text;
  const walk = (node: YamlNode | null): number | undefined => {
    if (!isMap(node) && !isSeq(node)) return undefined;
    const first = node.items[0] as Pair | YamlNode | undefined;
    if (node.flow === true && first) {
      const itemStart = isPair(first) ? keyStart(first) : (first.range?.[0] ?? 0);
      const open = node.range?.[0] ?? 0;
      if (lineStart(text, itemStart) !== lineStart(text, open)) {
        const step = columnOf(text, itemStart) - indentAt(text, lineStart(text, open));
        if (step > 0) return step;
      }
    }
    for (const item of node.items as Array<Pair | YamlNode>) {
      const found = walk(isPair(item) ? (item.value as YamlNode | null) : item);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const doc of fix.documents) {
    const found = walk(doc.contents as YamlNode | null);
    if (found !== undefined) return found;
  }
  return undefined;
}
