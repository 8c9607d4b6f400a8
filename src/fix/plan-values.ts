import { isScalar } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';
import { copyLines } from './copy-lines.js';
import { extractPlain, scalarSource, type Plain } from './extract.js';
import { dashOffset, itemExtent, keyStart, pairExtent, type Extent } from './layout.js';
import { columnOf, indentAt, lastContentOffset, lineEnd, lineStart } from './lines.js';
import type { Step } from './locate.js';
import { block, insertionText, sourceSideOf, type PlanContext } from './plan-context.js';
import { detachSharers, pushReplacing } from './plan-detach.js';
import { cursorFor, keyPathOf, type Omitted } from './policy.js';
import { blockItemLines, blockPairLines, flowText, RenderError } from './render-fresh.js';
import { scalarText, type ScalarValue } from './scalar-text.js';
import { aliasesIn, anchorNamesIn, isBlockCollection, isFlowCollection, propsStart, resolveNode, valueEnd } from './yaml-view.js';

const BLOCK_SCALAR = new Set(['BLOCK_LITERAL', 'BLOCK_FOLDED']);

/**
 * Replaces one scalar in place: the target's quoting style when the value allows it, the anchor
 * or tag in front kept, a trailing comment kept in its column.
 */
export function replaceScalar(context: PlanContext, written: Scalar, sourceNode: YamlNode | null, inFlow: boolean, keyPath: string, override = false): void {
  if (!detachSharers(context, written, (isScalar(sourceNode) ? sourceNode.value : null) as ScalarValue, keyPath)) return;
  const text = context.target.text;
  const [start, end] = written.range ?? [0, 0];
  const tag = /!\S*/.exec(text.slice(propsStart(text, written), start))?.[0];
  const isBlockScalar = BLOCK_SCALAR.has(written.type ?? '');
  let replacement: string | undefined;
  if (isBlockScalar && isScalar(sourceNode) && BLOCK_SCALAR.has(sourceNode.type ?? '') && !tag) replacement = reindentedBlockScalar(context, sourceNode, written);
  replacement ??= scalarText(scalarSource(sourceNode, context.source.text), inFlow || context.json ? 'flow' : 'block', written.type, { json: context.json, tag });
  if (replacement === undefined) return block(context, keyPath, 'the source value cannot be written in this place so that it reads back the same');
  if (isBlockScalar && text[end - 1] === '\n' && !replacement.endsWith('\n')) replacement += '\n';
  if (start === end) {
    context.edits.push({ range: [start, end], text: text[start - 1] === ' ' ? replacement : ` ${replacement}`, keyPath, override });
    return;
  }
  // Keep a trailing comment where it was: widen or narrow the gap before `#` by the length change.
  const gap = isBlockScalar || replacement.includes('\n') ? undefined : /^( +)#/.exec(text.slice(end, lineEnd(text, end)));
  if (gap) {
    const width = Math.max(1, gap[1].length - (replacement.length - (end - start)));
    context.edits.push({ range: [start, end + gap[1].length], text: replacement + ' '.repeat(width), keyPath, override });
    return;
  }
  context.edits.push({ range: [start, end], text: replacement, keyPath, override });
}

/** A block scalar copied from the source, its body moved to the target's indentation. */
function reindentedBlockScalar(context: PlanContext, sourceNode: Scalar, written: Scalar): string | undefined {
  const source = context.source.text;
  const [start, end] = sourceNode.range ?? [0, 0];
  const delta = indentAt(context.target.text, lineStart(context.target.text, written.range?.[0] ?? 0)) - indentAt(source, lineStart(source, start));
  const lines = source.slice(start, end).split('\n');
  const moved = lines.map((line, index) => {
    if (index === 0 || line.trim() === '') return line;
    if (delta >= 0) return ' '.repeat(delta) + line;
    return /^ */.exec(line)![0].length >= -delta ? line.slice(-delta) : undefined;
  });
  return moved.includes(undefined) ? undefined : moved.join('\n');
}

/**
 * Replaces a whole value (a scalar becoming a mapping, an alias overridden locally, ...). In a
 * block mapping the entry's lines are rewritten (its comments above stay); elsewhere the value is
 * written in flow style where it stands.
 */
export function replaceValue(context: PlanContext, targetStep: Step, sourceStep: Step, override = false): void {
  const keyPath = keyPathOf(cursorFor(targetStep.segments, context.isStream));
  const cursor = cursorFor(sourceStep.segments, context.isStream);
  const side = sourceSideOf(context, sourceStep.doc);
  const plain = extractPlain(sourceStep.written, side, cursor, context.policy, context.omitted);
  if (!plain) return block(context, keyPath, 'nothing of the source value may be copied here (whitelisted or a credential)');
  const text = context.target.text;
  const container = targetStep.container;
  if (!container || !targetStep.written) return block(context, keyPath, 'a whole document is not replaced');
  const inFlow = isFlowCollection(container) || context.json;
  const written = targetStep.written;
  // A value on the key's own line, replaced by a scalar or a flow collection, is rewritten where it
  // stands (its trailing comment stays); a block collection on either side rewrites the lines.
  const rewriteLines = isBlockCollection(written) || isBlockCollection(resolveNode(sourceStep.written, sourceStep.doc));
  try {
    if (!inFlow && rewriteLines && targetStep.kind === 'entry' && targetStep.entry) {
      const extent = pairExtent(text, targetStep.entry.pair);
      if (extent) return replaceLines(context, extent, keyPath, override, blockEntryText(context, targetStep.entry.pair, sourceStep, plain, extent));
    }
    if (!inFlow && rewriteLines && targetStep.kind === 'item') {
      const extent = itemExtent(text, written);
      if (extent) return replaceLines(context, extent, keyPath, override, blockItemText(context, written, sourceStep, plain, extent));
    }
    const pretty = context.json && spansLines(text, container) ? { column: indentAt(text, lineStart(text, propsStart(text, written))), unit: context.target.style.unit } : undefined;
    const flow = (!context.json && verbatimFlow(context, sourceStep)) || flowText(plain, { json: context.json, pretty });
    if (isBlockCollection(written)) {
      // `- key:` followed by a block collection: the value moves up behind the colon.
      const from = targetStep.kind === 'entry' ? colonEnd(text, targetStep.entry?.pair) : (dashOffset(text, written) ?? propsStart(text, written) - 1) + 1;
      pushReplacing(context, { range: [from, lastContentOffset(text, valueEnd(text, written, written.range?.[1] ?? from)) + 1], text: ` ${flow}`, keyPath, override });
      return;
    }
    const [start, end] = [propsStart(text, written), written.range?.[1] ?? 0];
    // An anchor stays (its aliases follow the new value); a tag goes, it named the old kind.
    const anchored = written.anchor ? `&${written.anchor} ${flow}` : flow;
    const spaced = start === end && text[start - 1] !== ' ' ? ` ${anchored}` : anchored;
    // A block scalar's text ends with its line break, which the new value needs too.
    const lineBreak = isScalar(written) && BLOCK_SCALAR.has(written.type ?? '') && text[end - 1] === '\n' ? '\n' : '';
    pushReplacing(context, { range: [start, end], text: spaced + lineBreak, keyPath, override }, written);
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    block(context, keyPath, error.message);
  }
}

/** The source's own one-line text of a flow value, when it can be copied as it is written. */
function verbatimFlow(context: PlanContext, sourceStep: Step): string | undefined {
  const written = sourceStep.written;
  if (!isFlowCollection(written) || !written?.range || aliasesIn(written).length > 0 || anchorNamesIn(written).length > 0) return undefined;
  const raw = context.source.text.slice(written.range[0], written.range[1]);
  if (raw.includes('\n')) return undefined;
  const probe: Omitted[] = [];
  extractPlain(written, sourceSideOf(context, sourceStep.doc), cursorFor(sourceStep.segments, context.isStream), context.policy, probe);
  return probe.length === 0 ? raw : undefined;
}

function replaceLines(context: PlanContext, extent: Extent, keyPath: string, override: boolean, lines: string): void {
  pushReplacing(context, { range: [extent.lineStart, extent.end], text: insertionText(context.target.text, extent.end, lines), keyPath, override });
}

function blockEntryText(context: PlanContext, targetPair: Pair, sourceStep: Step, plain: Plain, extent: Extent): string {
  const text = context.target.text;
  const column = columnOf(text, keyStart(targetPair));
  const sourcePair = sourceStep.entry && !sourceStep.entry.merged && sourceStep.container && !isFlowCollection(sourceStep.container) ? sourceStep.entry.pair : undefined;
  const copied = sourcePair
    ? copyLines({
        source: sourceSideOf(context, sourceStep.doc),
        root: { kind: 'pair', pair: sourcePair },
        cursor: cursorFor(sourceStep.segments, context.isStream),
        policy: context.policy,
        omitted: [],
        targetColumn: column,
        sourceStyle: context.source.style,
        targetStyle: context.target.style,
        withLeadingComments: false,
        target: { doc: targetDocOf(context, extent.lineStart), insertAt: extent.lineStart },
      })
    : undefined;
  const keyRaw = text.slice(keyStart(targetPair), (targetPair.key as YamlNode | null)?.range?.[1] ?? keyStart(targetPair));
  return copied ?? `${blockPairLines(sourceStep.entry?.key ?? '', keyRaw, plain, column, context.target.style).join('\n')}\n`;
}

function blockItemText(context: PlanContext, written: YamlNode, sourceStep: Step, plain: Plain, extent: Extent): string {
  const dashColumn = columnOf(context.target.text, dashOffset(context.target.text, written) ?? extent.lineStart);
  const sourceItem = sourceStep.written && sourceStep.container && !isFlowCollection(sourceStep.container) ? sourceStep.written : undefined;
  const copied = sourceItem
    ? copyLines({
        source: sourceSideOf(context, sourceStep.doc),
        root: { kind: 'item', item: sourceItem },
        cursor: cursorFor(sourceStep.segments, context.isStream),
        policy: context.policy,
        omitted: [],
        targetColumn: dashColumn,
        sourceStyle: context.source.style,
        targetStyle: context.target.style,
        withLeadingComments: false,
        target: { doc: targetDocOf(context, extent.lineStart), insertAt: extent.lineStart },
      })
    : undefined;
  return copied ?? `${blockItemLines(plain, dashColumn, context.target.style).join('\n')}\n`;
}

export function targetDocOf(context: PlanContext, offset: number) {
  const documents = context.target.fix.documents;
  return documents.find((doc) => (doc.range?.[0] ?? 0) <= offset && offset <= (doc.range?.[2] ?? 0)) ?? documents[0];
}

function colonEnd(text: string, pair: Pair | undefined): number {
  let index = (pair?.key as YamlNode | null)?.range?.[1] ?? 0;
  while (text[index] === ' ') index++;
  return text[index] === ':' ? index + 1 : index;
}

function spansLines(text: string, node: YamlNode): boolean {
  const [start, end] = node.range ?? [0, 0];
  return text.slice(start, end).includes('\n');
}
