import { isAlias, isMap, isSeq } from 'yaml';
import type { Document, Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';
import type { ItemSelector, KeySegment } from '../keys/keyPath.js';
import { entriesOf, fieldText, kubernetesIdentity, resolveNode, type EntryView, type FixDoc } from './yaml-view.js';

/**
 * One step of the walk from a document's root to a key: a map entry, an array element or a
 * document of a stream. `written` is the node where the step lands as the text has it (an Alias
 * stays an Alias); `node` is what it means.
 */
export interface Step {
  kind: 'entry' | 'item' | 'document';
  doc: Document;
  /** the collection the step reads from, resolved; undefined for a document step */
  container?: YAMLMap | YAMLSeq;
  entry?: EntryView;
  itemIndex?: number;
  written: YamlNode | null;
  node: YamlNode | null;
  /** the step leaves this place's own text: a merged entry, or a value written as an alias */
  crossesShare: boolean;
  segments: KeySegment[];
}

/**
 * Follows a key path (as the comparison names it) through the fixer's AST. Returns every step,
 * or undefined when the path does not exist in this file.
 */
export function locate(fix: FixDoc, segments: readonly KeySegment[], isStream: boolean): Step[] | undefined {
  const steps: Step[] = [];
  let doc: Document | undefined;
  let selectorsOfFirst: ItemSelector[] = [];
  let segmentIndex = 0;
  if (isStream) {
    const [first] = segments;
    if (!first || first.name !== '' || first.items.length === 0) return undefined;
    const index = fix.documents.findIndex((candidate, position) => documentMatches(candidate, position, first.items[0]));
    doc = fix.documents[index];
    if (!doc) return undefined;
    const docSegments = [{ name: '', items: [first.items[0]] }];
    steps.push({ kind: 'document', doc, written: doc.contents as YamlNode, node: doc.contents as YamlNode, crossesShare: false, segments: docSegments });
    selectorsOfFirst = first.items.slice(1);
    segmentIndex = 1;
  } else {
    doc = fix.documents[0];
    if (!doc) return undefined;
    const [first] = segments;
    if (first && first.name === '' && first.items.length > 0 && isSeq(doc.contents)) {
      selectorsOfFirst = first.items;
      segmentIndex = 1;
    }
  }
  let current: YamlNode | null = doc.contents as YamlNode | null;
  let path: KeySegment[] = steps.length > 0 ? steps[0].segments : [];
  for (const selector of selectorsOfFirst) {
    const step = itemStep(doc, current, selector, path);
    if (!step) return undefined;
    steps.push(step);
    ({ node: current, segments: path } = step);
  }
  for (const segment of segments.slice(segmentIndex)) {
    if (!isMap(current)) return undefined;
    const entry = entriesOf(current, doc).find((candidate) => candidate.key === segment.name);
    if (!entry) return undefined;
    path = [...path, { name: segment.name, items: [] }];
    const node = resolveNode(entry.value, doc);
    steps.push({ kind: 'entry', doc, container: current, entry, written: entry.value, node, crossesShare: entry.merged || isAlias(entry.value), segments: path });
    current = node;
    for (const selector of segment.items) {
      const step = itemStep(doc, current, selector, path);
      if (!step) return undefined;
      steps.push(step);
      ({ node: current, segments: path } = step);
    }
  }
  return steps;
}

function itemStep(doc: Document, container: YamlNode | null, selector: ItemSelector, path: KeySegment[]): Step | undefined {
  if (!isSeq(container)) return undefined;
  const items = container.items as YamlNode[];
  const index = items.findIndex((item, position) => itemMatches(doc, item, position, selector));
  if (index === -1) return undefined;
  const written = items[index] ?? null;
  const last = path[path.length - 1];
  const segments = last ? [...path.slice(0, -1), { name: last.name, items: [...last.items, selector] }] : [{ name: '', items: [selector] }];
  return { kind: 'item', doc, container, itemIndex: index, written, node: resolveNode(written, doc), crossesShare: isAlias(written), segments };
}

export function itemMatches(doc: Document, item: YamlNode | null, position: number, selector: ItemSelector): boolean {
  if (selector.field === undefined) return position === selector.value;
  const value = fieldText(resolveNode(item, doc), selector.field, doc);
  return value === undefined ? position === selector.value : value === String(selector.value);
}

function documentMatches(doc: Document, position: number, selector: ItemSelector): boolean {
  // Documents are named by kind/name only when every document of every environment has one.
  if (typeof selector.value === 'number') return position === selector.value;
  return kubernetesIdentity(doc) === selector.value;
}

/** The first step at which the path stops being this file's own text, if any. */
export function shareBoundary(steps: readonly Step[]): number {
  return steps.findIndex((step) => step.crossesShare);
}
