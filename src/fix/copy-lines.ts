import { isDeepStrictEqual } from 'node:util';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { collectCuts, overlapping, type CutContext } from './cuts.js';
import type { SourceSide } from './extract.js';
import { dashOffset, itemExtent, keyStart, pairExtent } from './layout.js';
import { columnOf } from './lines.js';
import { forbiddenCredentialCount, type CopyPolicy, type Omitted, type PathCursor } from './policy.js';
import { renderRegion, shapeOf, structuralDeltas } from './reindent.js';
import type { BlockStyle } from './render-fresh.js';
import { aliasesIn, anchorNamesIn, anchorsOf } from './yaml-view.js';

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
  const structural = structuralDeltas(text, input.targetStyle, rootNode, rootDelta);
  const remapped = renderRegion(text, region, cuts, (line) => structural.get(line));
  const shifted = renderRegion(text, region, cuts, () => rootDelta);
  if (shifted === undefined) return undefined;
  // A comment copied along must not carry a credential the target may not have.
  if (forbiddenCredentialCount(input.policy, shifted) > 0) return undefined;
  const shape = shapeOf(shifted);
  if (remapped !== undefined && remapped !== shifted && shape !== undefined && shapeOf(remapped) === shape) return remapped;
  return shifted;
}

/**
 * A whole region of the source (a new file, a new document of a stream) with what may not be
 * copied cut out, lines unmoved.
 */
export function copyRegion(context: Omit<CutContext, 'source'>, text: string, region: [number, number], roots: Array<{ doc: Document; node: YamlNode | null; cursor: PathCursor }>): string | undefined {
  const cuts: Array<[number, number]> = [];
  const complete = roots.every((root) => collectCuts({ ...context, source: { doc: root.doc, text } }, root.node, root.cursor, cuts) === 'kept');
  if (!complete || overlapping(cuts)) return undefined;
  return renderRegion(text, region, cuts, () => 0);
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

