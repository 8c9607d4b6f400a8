import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { dashOffset, keyStart } from './layout.js';
import { columnOf, lineStart, startsLine } from './lines.js';
import type { BlockStyle } from './render-fresh.js';

/**
 * The column change of each line that starts an entry or an element, so nested levels follow the
 * target's indentation step. Other lines (comments, block scalars, flow continuations) move with
 * the entry they belong to.
 */
export function structuralDeltas(text: string, targetStyle: BlockStyle, root: Pair | YamlNode, rootDelta: number): Map<number, number> {
  const { unit, seqIndent } = targetStyle;
  const deltas = new Map<number, number>();
  const assignPair = (pair: Pair, column: number) => {
    const start = keyStart(pair);
    if (startsLine(text, start)) deltas.set(lineStart(text, start), column - columnOf(text, start));
    const value = pair.value as YamlNode | null;
    if (isMap(value) && value.flow !== true && value.items.length > 0) assignMap(value.items, column + unit);
    if (isSeq(value) && value.flow !== true && value.items.length > 0) assignSeq(value.items as YamlNode[], column + seqIndent);
  };
  const assignMap = (pairs: Pair[], column: number) => pairs.forEach((pair) => assignPair(pair, column));
  const assignSeq = (items: YamlNode[], dashColumn: number) => {
    for (const item of items) {
      const dash = dashOffset(text, item);
      if (dash === undefined) continue;
      if (startsLine(text, dash)) deltas.set(lineStart(text, dash), dashColumn - columnOf(text, dash));
      const first = isMap(item) || isSeq(item) ? (item.items[0] as Pair | YamlNode | undefined) : undefined;
      if (!first || (item as { flow?: boolean }).flow === true) continue;
      if (isMap(item) && isPair(first)) assignMap(item.items, dashColumn + columnOf(text, keyStart(first)) - columnOf(text, dash));
      if (isSeq(item) && !isPair(first)) {
        const innerDash = dashOffset(text, first);
        if (innerDash !== undefined) assignSeq(item.items as YamlNode[], dashColumn + columnOf(text, innerDash) - columnOf(text, dash));
      }
    }
  };
  if (isPair(root)) assignPair(root, columnOf(text, keyStart(root)) + rootDelta);
  else assignSeq([root], columnOf(text, dashOffset(text, root) ?? 0) + rootDelta);
  return deltas;
}

/** The region's text minus the cuts, each line moved by the delta of the entry it belongs to. */
export function renderRegion(text: string, region: [number, number], cuts: Array<[number, number]>, deltaOf: (lineStart: number) => number | undefined): string | undefined {
  const lineStarts: number[] = [];
  for (let offset = region[0]; offset < region[1]; offset = text.indexOf('\n', offset) + 1 || region[1]) lineStarts.push(offset);
  const deltas = lineStarts.map((start) => deltaOf(start));
  const isComment = (start: number) => /^ *#/.test(text.slice(start, text.indexOf('\n', start) + 1 || undefined));
  // Comment lines move with the entry below them; other unassigned lines with the entry above.
  for (let index = lineStarts.length - 1; index >= 0; index--) {
    if (deltas[index] === undefined && isComment(lineStarts[index])) deltas[index] = deltas[index + 1];
  }
  for (let index = 0; index < lineStarts.length; index++) {
    if (deltas[index] === undefined) deltas[index] = deltas[index - 1] ?? deltas.find((delta) => delta !== undefined) ?? 0;
  }
  const sortedCuts = [...cuts].sort((left, right) => left[0] - right[0]);
  const kept = (offset: number) => !sortedCuts.some(([start, end]) => offset >= start && offset < end);
  let output = '';
  for (let index = 0; index < lineStarts.length; index++) {
    const start = lineStarts[index];
    const end = lineStarts[index + 1] ?? region[1];
    let piece = '';
    for (let offset = start; offset < end; offset++) if (kept(offset)) piece += text[offset];
    if (piece === '') continue;
    if (!kept(start)) {
      output += piece;
      continue;
    }
    const delta = deltas[index] ?? 0;
    const indent = /^ */.exec(piece)?.[0].length ?? 0;
    const blank = /^\s*$/.test(piece);
    if (blank && indent === 0) output += piece;
    else if (delta >= 0) output += ' '.repeat(delta) + piece;
    else if (indent >= -delta) output += piece.slice(-delta);
    else if (blank) output += piece.slice(indent);
    else return undefined;
  }
  return output.endsWith('\n') ? output : `${output}\n`;
}

export function shapeOf(text: string): string | undefined {
  const doc = parseDocument(text, { merge: false, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const walk = (node: unknown): string => {
    if (node === null || node === undefined) return 'null';
    if (isMap(node)) return `{${node.items.map((pair) => `${walk(pair.key)}:${walk(pair.value)}`).join(',')}}`;
    if (isSeq(node)) return `[${node.items.map(walk).join(',')}]`;
    if (isAlias(node)) return `*${node.source}`;
    if (isScalar(node)) return `${typeof node.value}:${String(node.value)}:${node.anchor ?? ''}:${node.tag ?? ''}`;
    return '?';
  };
  return walk(doc.contents);
}
