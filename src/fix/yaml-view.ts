import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * The fixer's own reading of a file: the `yaml` AST with every node's range, aliases not
 * followed. The comparison reads values; the fixer needs to know where each value is written.
 */
export interface FixDoc {
  text: string;
  /** non-empty documents, as the comparison counts them */
  documents: Document[];
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

export function parseForFix(text: string): FixDoc | undefined {
  const parsed = parseAllDocuments(text, { merge: true, uniqueKeys: true, prettyErrors: false });
  if (!Array.isArray(parsed)) return { text, documents: [] };
  if (parsed.some((doc) => doc.errors.length > 0)) return undefined;
  // The same documents as the comparison counts: a bare `---` at the end of a stream is none.
  const isEmpty = (doc: Document) => doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source);
  return { text, documents: parsed.filter((doc) => !isEmpty(doc)) };
}

/** A map entry as the comparison sees it: its own pairs first, then those merged in by `<<`. */
export interface EntryView {
  key: string;
  pair: Pair;
  /** as written: may be an Alias, or null for `key:` */
  value: YamlNode | null;
  /** came from a merge key, so its text lives at the anchor */
  merged: boolean;
}

export function isMergePair(pair: Pair): boolean {
  const key = pair.key as YamlNode | null;
  return isScalar(key) && (key.tag === MERGE_TAG || typeof key.value === 'symbol');
}

export function keyText(pair: Pair): string {
  const key = pair.key as YamlNode | null;
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return String(key.value);
  return String(key);
}

export function resolveNode(node: YamlNode | null | undefined, doc: Document): YamlNode | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return (node.resolve(doc) as YamlNode | undefined) ?? null;
  return node;
}

export function entriesOf(map: YAMLMap, doc: Document, seen = new Set<YAMLMap>()): EntryView[] {
  const entries: EntryView[] = [];
  const present = new Set<string>();
  const merges: Pair[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isMergePair(pair)) {
      merges.push(pair);
      continue;
    }
    const key = keyText(pair);
    present.add(key);
    entries.push({ key, pair, value: (pair.value as YamlNode | null) ?? null, merged: false });
  }
  if (seen.has(map)) return entries;
  seen.add(map);
  for (const merge of merges) {
    const value = merge.value as YamlNode | null;
    const sources = isSeq(value) ? (value.items as YamlNode[]) : [value];
    for (const source of sources) {
      const resolved = resolveNode(source, doc);
      if (!isMap(resolved)) continue;
      for (const entry of entriesOf(resolved, doc, seen)) {
        if (present.has(entry.key)) continue;
        present.add(entry.key);
        entries.push({ ...entry, merged: true });
      }
    }
  }
  return entries;
}

/** The scalar fields of a mapping as text, as array identities compare them. */
export function fieldText(node: YamlNode | null, field: string, doc: Document): string | undefined {
  if (!isMap(node)) return undefined;
  const entry = entriesOf(node, doc).find((candidate) => candidate.key === field);
  const value = resolveNode(entry?.value, doc);
  if (!isScalar(value) || value.value === null || value.value === undefined) return undefined;
  return String(value.value);
}

export function kubernetesIdentity(doc: Document): string | undefined {
  const root = doc.contents as YamlNode | null;
  const kind = fieldText(root, 'kind', doc);
  const metadata = isMap(root) ? resolveNode(entriesOf(root, doc).find((entry) => entry.key === 'metadata')?.value, doc) : null;
  const name = fieldText(metadata, 'name', doc);
  return kind === undefined || name === undefined ? undefined : `${kind}/${name}`;
}

export type Collection = YAMLMap | YAMLSeq;

export function isBlockCollection(node: YamlNode | null): node is Collection {
  return (isMap(node) || isSeq(node)) && node.flow !== true;
}

export function isFlowCollection(node: YamlNode | null): boolean {
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

export function isScalarNode(node: YamlNode | null): node is Scalar {
  return isScalar(node);
}

/** Where a node's own text begins, counting an anchor or tag written before it on the same line. */
export function propsStart(text: string, node: YamlNode): number {
  const start = node.range?.[0] ?? 0;
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const props = /(?:[&!][^\s,[\]{}]*[ \t]+)+$/.exec(before);
  return props ? start - props[0].length : start;
}

/** Just past the last character of a node's value (its last line holds this offset - 1). */
export function valueEnd(text: string, node: YamlNode | null, fallback: number): number {
  if (node === null) return fallback;
  const end = node.range?.[1] ?? fallback;
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) return end;
  if (isBlockCollection(node)) {
    const items = node.items as Array<Pair | YamlNode>;
    const last = items[items.length - 1];
    if (last === undefined) return end;
    if (isPair(last)) {
      const value = last.value as YamlNode | null;
      return valueEnd(text, value, (last.key as YamlNode | null)?.range?.[1] ?? end);
    }
    return valueEnd(text, last as YamlNode, end);
  }
  return end;
}

/** Every anchor defined in a document, with where its node starts. */
export function anchorsOf(doc: Document): Array<{ name: string; node: YamlNode; offset: number }> {
  const anchors: Array<{ name: string; node: YamlNode; offset: number }> = [];
  const walk = (node: YamlNode | null | undefined) => {
    if (node === null || node === undefined || isAlias(node)) return;
    if (node.anchor) anchors.push({ name: node.anchor, node, offset: node.range?.[0] ?? 0 });
    if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key as YamlNode | null);
        walk(pair.value as YamlNode | null);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item as YamlNode);
    }
  };
  walk(doc.contents as YamlNode | null);
  return anchors;
}

/** Aliases in a subtree as written (not followed), in text order. */
export function aliasesIn(node: YamlNode | null | undefined, found: Alias[] = []): Alias[] {
  if (node === null || node === undefined) return found;
  if (isAlias(node)) found.push(node);
  else if (isMap(node)) {
    for (const pair of node.items) {
      aliasesIn(pair.key as YamlNode | null, found);
      aliasesIn(pair.value as YamlNode | null, found);
    }
  } else if (isSeq(node)) for (const item of node.items) aliasesIn(item as YamlNode, found);
  return found;
}

/** Anchors defined in a subtree as written. */
export function anchorNamesIn(node: YamlNode | null | undefined, found: string[] = []): string[] {
  if (node === null || node === undefined || isAlias(node)) return found;
  if (node.anchor) found.push(node.anchor);
  if (isMap(node)) {
    for (const pair of node.items) {
      anchorNamesIn(pair.key as YamlNode | null, found);
      anchorNamesIn(pair.value as YamlNode | null, found);
    }
  } else if (isSeq(node)) for (const item of node.items) anchorNamesIn(item as YamlNode, found);
  return found;
}
