import { isPair } from 'yaml';
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { formatKeyPath, type ItemSelector, type KeySegment } from '../keys/keyPath.js';
import { copyLines, copyRegion, type CopyInput } from './copy-lines.js';
import { extractPlain, type Plain } from './extract.js';
import { dashOffset, itemExtent, keyStart, pairExtent, pairValueEnd } from './layout.js';
import { columnOf, lastContentOffset, leadingCommentStart, lineStart, nextLineStart, startsLine } from './lines.js';
import { itemMatches } from './locate.js';
import { block, insertionText, sourceSideOf, type PlanContext } from './plan-context.js';
import { childCursor, cursorFor, itemCursor, keyPathOf, type PathCursor } from './policy.js';
import { blockItemLines, blockPairLines, flowText, RenderError } from './render-fresh.js';
import { flowInsert, flowOptions, groupByNeighbour, type Placement } from './placement.js';
import { keyTextFor } from './scalar-text.js';
import { entriesOf, fieldText, isFlowCollection, isMergePair, keyText, resolveNode } from './yaml-view.js';

export interface Parent<T> {
  node: T;
  doc: Document;
}

/**
 * Inserts the keys a target mapping lacks, in the source's order: each new key goes after the
 * nearest key that precedes it in the source and exists in the target (or before the nearest
 * following one), so the target reads in the same order as the source.
 */
export function insertIntoMap(context: PlanContext, target: Parent<YAMLMap>, source: Parent<YAMLMap>, parentSegments: KeySegment[], keys: readonly string[], override = false): void {
  const sourceEntries = entriesOf(source.node, source.doc);
  const ownPairs = target.node.items.filter((pair) => isPair(pair) && !isMergePair(pair));
  const position = new Map(ownPairs.map((pair, index) => [keyText(pair), index]));
  const parentCursor = cursorFor(parentSegments, context.isStream);
  const groups = groupByNeighbour(sourceEntries.map((entry) => entry.key), new Set(keys), (key) => position.get(key));
  for (const { placement, members } of groups) {
    const entries = members.map((key) => sourceEntries.find((entry) => entry.key === key)!);
    const keyPath = keyPathOf(childCursor(parentCursor, entries[0].key));
    const planned = context.edits.length;
    try {
      if (isFlowCollection(target.node) || context.json) {
        const parts = entries.map((entry) => {
          const plain = plainOf(context, source.doc, entry.value, childCursor(parentCursor, entry.key));
          if (!plain) return undefined;
          // A new key is quoted like its siblings (`"key"` in a JSON-like flow mapping).
          const siblingKey = ownPairs[0]?.key as Scalar | undefined;
          const keyTextInFlow = keyTextFor(entry.key, 'flow', { json: context.json, preferQuote: siblingKey?.type });
          return `${keyTextInFlow}: ${flowText(plain, flowOptions(context, target.node, ownPairs))}`;
        });
        flowInsert(context, target.node, ownPairs, placement, parts.filter((part): part is string => part !== undefined), keyPath, override);
        continue;
      }
      blockMapInsert(context, target, source, ownPairs, placement, entries, parentCursor, keyPath, override);
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      block(context, keyPath, error.message);
    } finally {
      coverAll(context, planned, members.map((key) => keyPathOf(childCursor(parentCursor, key))));
    }
  }
}

/** The edits planned since `from` insert all these keys at once. */
function coverAll(context: PlanContext, from: number, keyPaths: string[]): void {
  if (keyPaths.length > 1) for (const edit of context.edits.slice(from)) edit.covers = keyPaths;
}

function blockMapInsert(context: PlanContext, target: Parent<YAMLMap>, source: Parent<YAMLMap>, ownPairs: Pair[], placement: Placement, entries: ReturnType<typeof entriesOf>, parentCursor: PathCursor, keyPath: string, override: boolean): void {
  const text = context.target.text;
  const allPairs = target.node.items.filter(isPair);
  const reference = ownPairs[0] ?? allPairs[0];
  if (!reference) return block(context, keyPath, 'no place to insert into');
  const column = columnOf(text, keyStart(reference));
  let offset: number;
  if (placement.where === 'before' && startsLine(text, keyStart(ownPairs[placement.index]))) {
    offset = leadingCommentStart(text, lineStart(text, keyStart(ownPairs[placement.index])));
  } else {
    // After a key (or after the first key of a `- key:` element, which nothing can precede).
    const after = placement.where === 'end' ? allPairs[allPairs.length - 1] : ownPairs[placement.index];
    offset = pairExtent(text, after)?.end ?? nextLineStart(text, lastContentOffset(text, pairValueEnd(text, after)));
  }
  const sourceIsBlock = !isFlowCollection(source.node);
  let inserted = '';
  // When an alias in the copy points at an anchor the target has not synced yet, the copy waits a
  // pass (the anchor's own fix comes first) instead of being expanded into plain values.
  let waitForAnchor = false;
  for (const entry of entries) {
    const cursor = childCursor(parentCursor, entry.key);
    const copied =
      sourceIsBlock && !entry.merged
        ? copyLines(copyInput(context, source.doc, target.doc, { kind: 'pair', pair: entry.pair }, cursor, column, offset, () => (waitForAnchor = true)))
        : undefined;
    if (copied !== undefined) {
      // A section the source sets apart with a blank line arrives set apart the same way.
      const sourceStart = pairExtent(context.source.text, entry.pair)?.start ?? 0;
      const blankAbove = placement.where !== 'before' && inserted === '' && sourceStart > 0 && blankLineAbove(context.source.text, sourceStart) && offset > 0 && !blankLineAbove(text, offset);
      inserted += (blankAbove ? '\n' : '') + copied;
      continue;
    }
    const plain = plainOf(context, source.doc, entry.value, cursor);
    if (plain) inserted += `${blockPairLines(entry.key, undefined, plain, column, context.target.style).join('\n')}\n`;
  }
  if (inserted !== '') context.edits.push({ range: [offset, offset], text: insertionText(text, offset, inserted), keyPath, override: override || waitForAnchor });
}

/** Inserts the elements of an array of objects that the target lacks, matched by identity. */
export function insertIntoSeq(context: PlanContext, target: Parent<YAMLSeq>, source: Parent<YAMLSeq>, arraySegments: KeySegment[], missing: readonly ItemSelector[]): void {
  const arrayCursor = cursorFor(arraySegments, context.isStream);
  const sourceItems = source.node.items as YamlNode[];
  const targetItems = target.node.items as YamlNode[];
  const cursors = sourceItems.map((item, index) => itemCursor(arrayCursor, context.policy, index, (field) => fieldText(resolveNode(item, source.doc), field, source.doc)));
  const selectorOf = (cursor: PathCursor) => cursor.segments[cursor.segments.length - 1].items.at(-1)!;
  const wanted = new Set(missing.map((selector) => JSON.stringify(selector)));
  const names = cursors.map((cursor) => JSON.stringify(selectorOf(cursor)));
  const matchIndex = (name: string) => {
    const index = names.indexOf(name);
    const found = targetItems.findIndex((item, position) => itemMatches(target.doc, item, position, selectorOf(cursors[index])));
    return found === -1 ? undefined : found;
  };
  for (const { placement, members } of groupByNeighbour(names, wanted, matchIndex)) {
    const indexes = members.map((name) => names.indexOf(name));
    const keyPath = formatKeyPath(cursors[indexes[0]].segments);
    const planned = context.edits.length;
    try {
      insertItems(context, target, source, indexes.map((index) => ({ item: sourceItems[index], cursor: cursors[index] })), placement, keyPath);
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      block(context, keyPath, error.message);
    } finally {
      coverAll(context, planned, indexes.map((index) => formatKeyPath(cursors[index].segments)));
    }
  }
}

export function insertItems(context: PlanContext, target: Parent<YAMLSeq>, source: Parent<YAMLSeq>, items: Array<{ item: YamlNode; cursor: PathCursor }>, placement: Placement, keyPath: string): void {
  const text = context.target.text;
  const targetItems = target.node.items as YamlNode[];
  if (isFlowCollection(target.node) || context.json) {
    const parts = items.map(({ item, cursor }) => plainOf(context, source.doc, item, cursor)).filter((plain): plain is Plain => plain !== undefined);
    flowInsert(context, target.node, targetItems, placement, parts.map((plain) => flowText(plain, flowOptions(context, target.node, targetItems))), keyPath, false);
    return;
  }
  const firstDash = targetItems[0] ? dashOffset(text, targetItems[0]) : undefined;
  if (firstDash === undefined || !startsLine(text, firstDash)) return block(context, keyPath, 'the list is not written one element per line');
  const dashColumn = columnOf(text, firstDash);
  let offset: number;
  if (placement.where === 'before') offset = itemExtent(text, targetItems[placement.index])?.start ?? lineStart(text, firstDash);
  else {
    const after = targetItems[placement.where === 'end' ? targetItems.length - 1 : placement.index];
    const extent = itemExtent(text, after);
    if (!extent) return block(context, keyPath, 'the list is not written one element per line');
    offset = extent.end;
  }
  let inserted = '';
  let waitForAnchor = false;
  for (const { item, cursor } of items) {
    const copied = !isFlowCollection(source.node)
      ? copyLines(copyInput(context, source.doc, target.doc, { kind: 'item', item }, cursor, dashColumn, offset, () => (waitForAnchor = true)))
      : undefined;
    if (copied !== undefined) {
      inserted += copied;
      continue;
    }
    const plain = plainOf(context, source.doc, item, cursor);
    if (plain) inserted += `${blockItemLines(plain, dashColumn, context.target.style).join('\n')}\n`;
  }
  if (inserted !== '') context.edits.push({ range: [offset, offset], text: insertionText(text, offset, inserted), keyPath, override: waitForAnchor });
}

/** What a block copy of a source pair or list item into the target at `insertAt` needs: one place for map and list inserts alike. */
function copyInput(
  context: PlanContext,
  sourceDoc: Document,
  targetDoc: Document,
  root: CopyInput['root'],
  cursor: PathCursor,
  targetColumn: number,
  insertAt: number,
  onAliasMismatch: () => void,
): CopyInput {
  return {
    source: sourceSideOf(context, sourceDoc),
    root,
    cursor,
    policy: context.policy,
    omitted: context.omitted,
    targetColumn,
    sourceStyle: context.source.style,
    targetStyle: context.target.style,
    withLeadingComments: true,
    target: { doc: targetDoc, insertAt },
    onAliasMismatch,
  };
}

function blankLineAbove(text: string, lineStartOffset: number): boolean {
  return /^\s*$/.test(text.slice(lineStart(text, lineStartOffset - 1), lineStartOffset - 1));
}

/** A new document of a stream, appended at the end of the file. */
export function insertDocument(context: PlanContext, sourceDoc: Document, segments: KeySegment[]): void {
  const keyPath = formatKeyPath(segments);
  const root = sourceDoc.contents as YamlNode | null;
  const text = context.source.text;
  if (!root?.range) return;
  const start = leadingCommentStart(text, lineStart(text, root.range[0]));
  const region: [number, number] = [start, nextLineStart(text, lastContentOffset(text, root.range[1]))];
  const copied = copyRegion({ policy: context.policy, omitted: context.omitted }, text, region, [{ doc: sourceDoc, node: root, cursor: cursorFor(segments, true) }]);
  if (copied === undefined) return block(context, keyPath, 'the new document cannot be copied without its whitelisted keys');
  const target = context.target.text;
  const separator = target === '' || target.endsWith('\n') ? '' : '\n';
  context.edits.push({ range: [target.length, target.length], text: `${separator}---\n${copied}`, keyPath });
}

function plainOf(context: PlanContext, doc: Document, written: YamlNode | null, cursor: PathCursor): Plain | undefined {
  return extractPlain(written, sourceSideOf(context, doc), cursor, context.policy, context.omitted);
}
