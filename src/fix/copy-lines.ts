import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { extractPlain, type SourceSide } from './extract.js';
import { dashOffset, itemExtent, keyStart, pairExtent, type Extent } from './layout.js';
import { columnOf, lineStart, startsLine } from './lines.js';
import { childCursor, forbiddenCredential, itemCursor, keyPathOf, whitelistEntryOf, type CopyPolicy, type Omitted, type PathCursor } from './policy.js';
import type { BlockStyle } from './render-fresh.js';
import { aliasesIn, anchorNamesIn, anchorsOf, entriesOf, fieldText, isMergePair, keyText, resolveNode } from './yaml-view.js';

export interface CopyInput {
  source: SourceSide;
  root: { kind: 'pair'; pair: Pair } | { kind: 'item'; item: YamlNode };
  cursor: PathCursor;
  policy: CopyPolicy;
  omitted: Omitted[];
  /** the column of the key (or the `-`) in the target */
  targetColumn: number;
  sourceStyle: BlockStyle;
  targetStyle: BlockStyle;
  withLeadingComments: boolean;
  target: { doc: Document; insertAt: number };
  /** told when only an alias stood in the way (its anchor differs in the target, for now) */
  onAliasMismatch?: () => void;
}

/**
 * Copies a block entry (or element) from the source as its lines are written, comments
 * included, as a person copying it by hand would: re-indented to the target's column and
 * indentation step, with whitelisted keys and forbidden credentials cut out. Returns undefined when
 * that cannot be done faithfully (a cut inside a flow collection or behind an alias, an alias
 * whose anchor means something else in the target): the caller renders the value afresh.
 */
export function copyLines(input: CopyInput): string | undefined {
  const { text } = input.source;
  const rootNode = input.root.kind === 'pair' ? input.root.pair : input.root.item;
  const extent = input.root.kind === 'pair' ? pairExtent(text, input.root.pair) : itemExtent(text, input.root.item);
  if (!extent) return undefined;
  const value = input.root.kind === 'pair' ? ((input.root.pair.value as YamlNode | null) ?? null) : input.root.item;
  const cuts: Array<[number, number]> = [];
  if (collectCuts(input, value, input.cursor, cuts) !== 'kept' || overlapping(cuts)) return undefined;
  if (!aliasesStayTrue(input, value)) {
    input.onAliasMismatch?.();
    return undefined;
  }
  const region: [number, number] = [input.withLeadingComments ? extent.start : extent.lineStart, extent.end];
  const rootLine = input.root.kind === 'pair' ? keyStart(input.root.pair) : (dashOffset(text, input.root.item) ?? extent.lineStart);
  const rootDelta = input.targetColumn - columnOf(text, rootLine);
  const structural = structuralDeltas(input, rootNode, rootDelta);
  const remapped = render(text, region, cuts, (line) => structural.get(line));
  const shifted = render(text, region, cuts, () => rootDelta);
  if (shifted === undefined) return undefined;
  const shape = shapeOf(shifted);
  if (remapped !== undefined && remapped !== shifted && shape !== undefined && shapeOf(remapped) === shape) return remapped;
  return shifted;
}

/**
 * A whole region of the source (a new file, a new document of a stream) with what may not be
 * copied cut out, lines unmoved.
 */
export function copyRegion(context: Pick<CopyInput, 'policy' | 'omitted'>, text: string, region: [number, number], roots: Array<{ doc: Document; node: YamlNode | null; cursor: PathCursor }>): string | undefined {
  const cuts: Array<[number, number]> = [];
  const complete = roots.every((root) => collectCuts({ ...context, source: { doc: root.doc, text } }, root.node, root.cursor, cuts) === 'kept');
  if (!complete || overlapping(cuts)) return undefined;
  return render(text, region, cuts, () => 0);
}

/**
 * Ranges to cut out of the copy. 'empty' means everything in the node is cut (its parent then
 * cuts the whole entry); 'fail' means a cut cannot be made by removing whole lines.
 */
type CutResult = 'kept' | 'empty' | 'fail';

type CutContext = Pick<CopyInput, 'source' | 'policy' | 'omitted'>;

function collectCuts(input: CutContext, written: YamlNode | null, cursor: PathCursor, cuts: Array<[number, number]>): CutResult {
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

function overlapping(cuts: Array<[number, number]>): boolean {
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

/**
 * An alias in the copy must mean in the target what it meant in the source: its anchor, as the
 * target resolves it at the insertion point, holds the same value. An anchor defined in the copy
 * must not exist in the target already (it would re-point the target's later aliases).
 */
function aliasesStayTrue(input: CopyInput, written: YamlNode | null): boolean {
  const targetAnchors = anchorsOf(input.target.doc);
  const defined = anchorNamesIn(written);
  if (defined.some((name) => targetAnchors.some((anchor) => anchor.name === name))) return false;
  for (const alias of aliasesIn(written)) {
    if (defined.includes(alias.source)) continue;
    const sourceNode = alias.resolve(input.source.doc) as YamlNode | undefined;
    const targetAnchor = targetAnchors.filter((anchor) => anchor.name === alias.source && anchor.offset < input.target.insertAt).pop();
    if (!sourceNode || !targetAnchor) return false;
    try {
      if (!isDeepStrictEqual(sourceNode.toJS(input.source.doc), targetAnchor.node.toJS(input.target.doc))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * The column change of each line that starts an entry or an element, so nested levels follow the
 * target's indentation step. Other lines (comments, block scalars, flow continuations) move with
 * the entry they belong to.
 */
function structuralDeltas(input: CopyInput, root: Pair | YamlNode, rootDelta: number): Map<number, number> {
  const { text } = input.source;
  const { unit, seqIndent } = input.targetStyle;
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
function render(text: string, region: [number, number], cuts: Array<[number, number]>, deltaOf: (lineStart: number) => number | undefined): string | undefined {
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

function shapeOf(text: string): string | undefined {
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
