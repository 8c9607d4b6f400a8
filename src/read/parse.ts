import { LineCounter, isAlias, isMap, isScalar, isSeq, isPair } from './yaml-lazy.js';
import type { Alias, Document, Node as YamlNode, Pair } from 'yaml';
import { aliasTargets } from './anchors.js';
import { binaryProblem, firstProblems, scalarDocumentProblems, unparsedFile } from './content.js';
import { parseFast } from './fast-parse.js';
import { aliasExpansionProblem, composeDocuments } from './limits.js';
import type { MapEntry, MapNode, ParsedFile, ParseProblem, ScalarValue, TreeNode } from './tree.js';

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * Parses YAML or JSON text (JSON is YAML 1.2) into the tree the comparison reads. Never throws:
 * everything wrong with the text comes back as `problems` with an offset.
 */
export function parseConfigText(text: string): ParsedFile {
  const binary = binaryProblem(text);
  if (binary) return unparsedFile(text, [binary]);
  // Plain block YAML (most config files) takes a fast path that gives the same tree; see fast-parse.ts.
  return refuseUnusable(parseFast(text) ?? parseWithYaml(text));
}

/** What neither parser calls an error but the comparison cannot use: bare values, alias bombs. */
function refuseUnusable(parsed: ParsedFile): ParsedFile {
  const found = [...parsed.problems, ...scalarDocumentProblems(parsed.documents)];
  const bomb = found.length === 0 ? aliasExpansionProblem(parsed.documents) : undefined;
  const refused = bomb ? [bomb] : found;
  // A file with problems is compared and fixed nowhere: it offers no documents to try.
  return { ...parsed, documents: refused.length === 0 ? parsed.documents : [], problems: firstProblems(refused) };
}

/** The reference reading of a file, with yaml: every construct, every error (nesting checked before composing). */
export function parseWithYaml(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const problems: ParseProblem[] = [];
  const documents: TreeNode[] = [];
  const composed = composeDocuments(text, lineCounter, { merge: true, uniqueKeys: false });
  if (composed.tooDeep) return unparsedFile(text, [composed.tooDeep]);
  for (const doc of composed.documents) {
    for (const error of doc.errors) problems.push({ message: firstLine(error.message), offset: error.pos[0] });
    if (doc.errors.length > 0) continue;
    // `---` with nothing after it (common at the end of Kubernetes streams) is no document at all.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source)) continue;
    const converter = new Converter(doc, problems);
    const tree = converter.convert(doc.contents as YamlNode);
    if (tree) documents.push(tree);
  }
  return {
    documents,
    problems,
    position(offset) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Converts one document, following aliases once per anchor so shared subtrees stay shared. */
class Converter {
  private readonly converted = new Map<YamlNode, TreeNode>();
  private readonly inProgress = new Set<YamlNode>();
  /** built on the first alias: most files have none */
  private aliasTargets?: Map<Alias, YamlNode>;

  constructor(
    private readonly doc: Document,
    private readonly problems: ParseProblem[],
  ) {}

  convert(node: YamlNode | null | undefined, offsetForNull = 0): TreeNode | undefined {
    if (node === null || node === undefined) {
      return { kind: 'scalar', value: null, start: offsetForNull, end: offsetForNull };
    }
    if (isAlias(node)) {
      this.aliasTargets ??= aliasTargets(this.doc);
      const target = this.aliasTargets.get(node);
      if (!target) {
        this.problems.push({ message: `alias *${node.source} refers to no anchor`, offset: node.range?.[0] ?? 0 });
        return undefined;
      }
      const resolved = this.convert(target);
      return resolved ? { ...resolved, aliased: true } : undefined;
    }
    const done = this.converted.get(node);
    if (done) return done;
    if (this.inProgress.has(node)) {
      this.problems.push({ message: 'an alias refers to its own anchor (a cycle)', offset: node.range?.[0] ?? 0 });
      return undefined;
    }
    this.inProgress.add(node);
    const tree = this.convertFresh(node);
    this.inProgress.delete(node);
    if (tree) this.converted.set(node, tree);
    return tree;
  }

  private convertFresh(node: YamlNode): TreeNode | undefined {
    const [start, end] = node.range ?? [0, 0];
    if (isScalar(node)) {
      const value = node.value;
      const scalar = typeof value === 'symbol' || value === undefined ? String(node.source ?? '') : value;
      return { kind: 'scalar', value: scalar as ScalarValue, start, end };
    }
    if (isSeq(node)) {
      const items: TreeNode[] = [];
      for (const item of node.items) {
        const converted = this.convert(item as YamlNode, start);
        if (converted) items.push(converted);
      }
      return { kind: 'seq', items, start, end };
    }
    if (isMap(node)) return this.convertMap(node.items as Pair[], start, end);
    return undefined;
  }

  private convertMap(pairs: Pair[], start: number, end: number): MapNode {
    const entries: MapEntry[] = [];
    const mergeSources: Array<{ keyStart: number; value: YamlNode }> = [];
    const keys = new Set<string>();
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyStart = keyNode?.range?.[0] ?? start;
      if (isScalar(keyNode) && (keyNode.tag === MERGE_TAG || typeof keyNode.value === 'symbol')) {
        mergeSources.push({ keyStart, value: pair.value as YamlNode });
        continue;
      }
      const key = this.keyText(keyNode);
      if (key === undefined) {
        this.problems.push({ message: 'a mapping or a list used as a key: key paths need plain keys', offset: keyStart });
        continue;
      }
      // Checked here, not by the composer's uniqueKeys, which compares every key with every other (quadratic).
      if (keys.has(key)) this.problems.push({ message: `duplicate key ${JSON.stringify(key)}: keys in a mapping must be unique`, offset: keyStart });
      keys.add(key);
      const value = this.convert(pair.value as YamlNode | null, keyNode?.range?.[2] ?? keyStart);
      if (value) entries.push({ key, keyStart, value, merged: false });
    }
    // Explicit keys win over merged ones; among merge sources the first one listed wins.
    const present = new Set(entries.map((entry) => entry.key));
    for (const source of mergeSources) {
      const sourceNodes = isSeq(source.value) ? (source.value.items as YamlNode[]) : [source.value];
      for (const sourceNode of sourceNodes) {
        const merged = this.convert(sourceNode);
        if (!merged || merged.kind !== 'map') {
          this.problems.push({ message: 'a merge key (<<) must refer to a mapping', offset: source.keyStart });
          continue;
        }
        for (const entry of merged.entries) {
          if (present.has(entry.key)) continue;
          present.add(entry.key);
          entries.push({ key: entry.key, keyStart: source.keyStart, value: { ...entry.value, aliased: true }, merged: true });
        }
      }
    }
    return { kind: 'map', entries, start, end };
  }

  /**
   * A key as text: a scalar, or an alias of one. A collection key has no text to put in a key
   * path (and stringifying it would expand its aliases and merges, which can throw).
   */
  private keyText(keyNode: YamlNode | null): string | undefined {
    const resolved = isAlias(keyNode) ? (this.aliasTargets ??= aliasTargets(this.doc)).get(keyNode) : keyNode;
    if (resolved === null) return '';
    return isScalar(resolved) ? String(resolved.value) : undefined;
  }
}
