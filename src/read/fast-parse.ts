import { parseFlow } from './fast-flow.js';
import { NOT_FAST, bail, isEmptyAt, resolvePlain, scanBlockPlain, scanDoubleQuoted, scanName, scanSingleQuoted } from './fast-scalar.js';
import { MAX_NESTING_DEPTH } from './limits.js';
import { lineIndex } from './line-index.js';
import type { MapEntry, ParsedFile, TreeNode } from './tree.js';

/**
 * The fast path of parse.ts for plain block YAML, the shape nearly every config file has: block
 * maps and sequences, one-line scalars and flow collections, comments, anchors, aliases and merge
 * keys. It returns exactly the tree the full parser (yaml) returns, offsets included, or
 * undefined for anything else (multi-line scalars, tags, several documents, tabs, anything yaml
 * would call an error), which parse.ts then reads with yaml. test/read/fast-parse.test.ts holds
 * the two to the same answers.
 */
export function parseFast(text: string): ParsedFile | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    const documents = new FastParser(text).parse();
    return { documents, problems: [], position: lineIndex(text) };
  } catch (error) {
    if (error === NOT_FAST) return undefined;
    throw error;
  }
}

/** Tabs, CR, other control characters, a BOM and Unicode line separators: the full parser's business. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/;
/** First characters of a map key that the fast path leaves to yaml (flow keys, properties, quotes handled apart). */
const NOT_KEY_START = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`']);
const NOT_VALUE_START = new Set([']', '}', ',', '&', '!', '|', '>', '%', '@', '`']);

/**
 * A recursive descent over lines. The only subtle part is `nodeEnd`, which decides a collection's
 * `end`: yaml hands a comment line more indented than the collection to the value before it, and
 * keeps a trailing run of comments in a collection when one of them is indented at least as far.
 */
class FastParser {
  /** the current content line: start of the line, its indentation, first character, line end; lineStart -1 at the end */
  private lineStart = -1;
  private indent = 0;
  private content = 0;
  private lineEnd = 0;
  /** the deepest indentation of a comment in the trailing run not yet given to a node; -1 for none */
  private runComment = -1;
  private runEnd = 0;
  private sawComment = false;
  /** where a `---` line stopped advance(), -1 when it did not */
  private markerAt = -1;
  /** anchor name → its node; undefined while the anchored node is still being read */
  private readonly anchors = new Map<string, TreeNode | undefined>();
  /** how many anchors were declared so far, and the count at each name's latest declaration */
  private declarations = 0;
  private readonly declaredAt = new Map<string, number>();
  // What the last call found besides its return value: kept in fields so the hot path allocates
  // only the tree. nodeEnd is yaml's `range[2]` of the node just read (a collection's `end` is its
  // last item's); keyColon and keyIsMerge describe the key just read; inlineEnd, the inline value's end.
  private nodeEnd = 0;
  private keyColon = 0;
  private keyIsMerge = false;
  private inlineEnd = 0;
  /** how many collections enclose the one being read */
  private depth = 0;

  constructor(private readonly text: string) {}

  /** Every document of the stream; `---` separates them, an empty one bails. */
  parse(): TreeNode[] {
    const documents: TreeNode[] = [];
    this.advance(0, -1);
    for (;;) {
      const afterMarker = this.markerAt !== -1;
      if (afterMarker) {
        const markerLineEnd = this.text.indexOf('\n', this.markerAt);
        this.markerAt = -1;
        if (markerLineEnd === -1) bail();
        this.advance(markerLineEnd + 1, -1);
      }
      if (this.lineStart === -1) {
        if (afterMarker || this.markerAt !== -1) bail();
        return documents;
      }
      // Anchors belong to their document: yaml leaves an alias to another document's anchor unresolved.
      this.anchors.clear();
      documents.push(this.isFlowStart(this.content) ? this.flowDocument() : this.blockNode(this.indent, this.content));
      if (this.lineStart !== -1) bail();
      if (this.markerAt === -1) return documents;
    }
  }

  /**
   * Moves to the next content line from `from`, over blank and comment lines. With
   * `attachIndent` ≥ 0, comment lines indented deeper than it (before any other comment) belong
   * to the value just read: returns where they end, else `from`.
   */
  private advance(from: number, attachIndent: number): number {
    const text = this.text;
    let nodeEnd = Math.min(from, text.length);
    let attachable = attachIndent >= 0;
    this.runComment = -1;
    this.sawComment = false;
    for (let lineStart = from; lineStart < text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      let content = lineStart;
      while (content < lineEnd && text.charCodeAt(content) === 32) content++;
      if (content < lineEnd && text.charCodeAt(content) === 35) {
        this.sawComment = true;
        if (attachable && content - lineStart > attachIndent) {
          nodeEnd = Math.min(lineEnd + 1, text.length);
        } else {
          attachable = false;
          this.runComment = Math.max(this.runComment, content - lineStart);
        }
      } else if (content < lineEnd) {
        if (content === lineStart && this.isMarkerLine(lineStart, lineEnd)) {
          this.lineStart = -1;
          this.markerAt = lineStart;
          this.runEnd = lineStart;
          return nodeEnd;
        }
        this.lineStart = lineStart;
        this.indent = content - lineStart;
        this.content = content;
        this.lineEnd = lineEnd;
        this.runEnd = content;
        return nodeEnd;
      }
      lineStart = lineEnd + 1;
    }
    this.lineStart = -1;
    this.runEnd = text.length;
    return nodeEnd;
  }

  /** `---` alone (or with a comment) separates documents; `...`, `--- value` and directives bail. */
  private isMarkerLine(lineStart: number, lineEnd: number): boolean {
    const text = this.text;
    const char = text[lineStart];
    if (char === '%') bail();
    if (char !== '-' && char !== '.') return false;
    const marker = text.slice(lineStart, lineStart + 3);
    if ((marker !== '---' && marker !== '...') || !isEmptyAt(text, lineStart + 3)) return false;
    const rest = skipSpaces(text, lineStart + 3, lineEnd);
    if (marker === '...' || (rest < lineEnd && (text[rest] !== '#' || rest === lineStart + 3))) bail();
    return true;
  }

  private isFlowStart(at: number): boolean {
    return this.text[at] === '[' || this.text[at] === '{';
  }

  /** A document that is one flow collection, over as many lines as it takes: a JSON file. */
  private flowDocument(): TreeNode {
    const text = this.text;
    const flow = parseFlow(text, this.content, text.length, this.resolveAlias);
    let lineEnd = text.indexOf('\n', flow.end);
    if (lineEnd === -1) lineEnd = text.length;
    const rest = skipSpaces(text, flow.end, lineEnd);
    if (rest < lineEnd && (text[rest] !== '#' || rest === flow.end)) bail();
    this.advance(lineEnd + 1, -1);
    return flow.node;
  }

  private blockNode(indent: number, at: number): TreeNode {
    return this.isDash(at) ? this.sequence(indent, at) : this.mapping(indent, at);
  }

  /** Entering a collection: deep nesting is the full parser's to refuse (read/limits.ts), not this recursion's. */
  private enter(): void {
    if (++this.depth >= MAX_NESTING_DEPTH) bail();
  }

  private isDash(at: number): boolean {
    return this.text.charCodeAt(at) === 45 && isEmptyAt(this.text, at + 1);
  }

  /** A collection ends: a trailing comment run indented at least as deep as it stays inside it. */
  private close(indent: number, valueEnd: number): number {
    if (indent === 0 || this.runComment < indent) return valueEnd;
    this.runComment = -1;
    return this.runEnd;
  }

  private mapping(indent: number, start: number): TreeNode {
    this.enter();
    const entries: MapEntry[] = [];
    // Duplicate keys are looked for in the entries themselves while a map is small (most are): a
    // Set per map was a hundred thousand short-lived hash tables in a large repository.
    let keys: Set<string> | undefined;
    let merge: { keyStart: number; value: TreeNode } | undefined;
    let valueEnd: number;
    for (let at = start; ; at = this.content) {
      const key = this.key(at);
      const isMerge = this.keyIsMerge;
      if (isMerge ? merge !== undefined : hasKey(entries, keys, key)) bail();
      const value = this.value(indent, this.keyColon + 1, true);
      valueEnd = this.nodeEnd;
      if (isMerge) merge = { keyStart: at, value };
      else {
        entries.push({ key, keyStart: at, value, merged: false });
        if (keys) keys.add(key);
        else if (entries.length > SMALL_MAP) keys = new Set(entries.map((entry) => entry.key));
      }
      if (this.lineStart === -1 || this.indent < indent) break;
      if (this.indent > indent || this.isDash(this.content)) bail();
    }
    if (merge) mergeInto(entries, keys ?? new Set(entries.map((entry) => entry.key)), merge);
    this.nodeEnd = this.close(indent, valueEnd);
    this.depth--;
    return { kind: 'map', entries, start, end: valueEnd };
  }

  private sequence(indent: number, start: number): TreeNode {
    this.enter();
    const items: TreeNode[] = [];
    let valueEnd: number;
    for (let at = start; ; at = this.content) {
      const afterDash = skipSpaces(this.text, at + 1, this.lineEnd);
      if (this.isDash(afterDash)) bail();
      // Comment lines before a `-` belong to its item: an empty item would then end after them.
      const commentBefore = items.length > 0 && this.runComment >= 0;
      const item = this.isKeyAt(afterDash) ? this.mapping(afterDash - this.lineStart, afterDash) : this.value(indent, at + 1, false);
      if (commentBefore && item.kind === 'scalar' && item.value === null && item.start === this.nodeEnd && item.end === this.nodeEnd) bail();
      items.push(item);
      valueEnd = this.nodeEnd;
      if (this.lineStart === -1 || this.indent < indent) break;
      if (this.indent > indent) bail();
      if (!this.isDash(this.content)) break;
    }
    this.nodeEnd = this.close(indent, valueEnd);
    this.depth--;
    return { kind: 'seq', items, start, end: valueEnd };
  }

  /** An implicit key at `at` (plain or quoted, `:` right after it), as its text; bails on any other key. */
  private key(at: number): string {
    const text = this.text;
    const first = text[at];
    if (first === '"' || first === "'") {
      const quoted = first === '"' ? scanDoubleQuoted(text, at, this.lineEnd) : scanSingleQuoted(text, at, this.lineEnd);
      if (text.charCodeAt(quoted.end) !== 58 || !isEmptyAt(text, quoted.end + 1)) bail();
      this.keyColon = quoted.end;
      this.keyIsMerge = false;
      return quoted.value;
    }
    if (NOT_KEY_START.has(first) || ((first === '-' || first === '?' || first === ':') && isEmptyAt(text, at + 1))) bail();
    const plain = scanBlockPlain(text, at, this.lineEnd);
    if (plain.colonAt === -1 || plain.end !== plain.colonAt || plain.end - at > 1000) bail();
    const source = text.slice(at, plain.end);
    this.keyColon = plain.colonAt;
    this.keyIsMerge = source === '<<';
    return String(resolvePlain(source));
  }

  private isKeyAt(at: number): boolean {
    const text = this.text;
    const first = text[at];
    if (at >= this.lineEnd) return false;
    if (first === '"' || first === "'") {
      const quoted = first === '"' ? scanDoubleQuoted(text, at, this.lineEnd) : scanSingleQuoted(text, at, this.lineEnd);
      return text.charCodeAt(quoted.end) === 58;
    }
    return !NOT_KEY_START.has(first) && scanBlockPlain(text, at, this.lineEnd).colonAt !== -1;
  }

  /**
   * The value after a key's `:` or a `-` at `from`: inline on this line, or a block on the lines
   * below (a map value may also be a sequence at the map's own indentation), or empty.
   */
  private value(parentIndent: number, from: number, inMap: boolean): TreeNode {
    const text = this.text;
    let at = skipSpaces(text, from, this.lineEnd);
    let anchor: string | undefined;
    if (text[at] === '&') {
      const name = scanName(text, at, false);
      anchor = name.name;
      this.anchors.set(anchor, undefined);
      this.declaredAt.set(anchor, ++this.declarations);
      at = skipSpaces(text, name.end, this.lineEnd);
    }
    const declared = this.declarations;
    if (at >= this.lineEnd || text[at] === '#') {
      const commentOnLine = at < this.lineEnd;
      this.advance(this.lineEnd + 1, -1);
      const nested = this.lineStart !== -1 && (this.indent > parentIndent || (inMap && this.indent === parentIndent && this.isDash(this.content)));
      if (nested) {
        const block = this.blockNode(this.indent, this.content);
        // The same name anchored again inside the block wins for later aliases, as in yaml.
        if (anchor !== undefined && !this.redeclaredSince(anchor, declared)) this.anchors.set(anchor, block);
        return block;
      }
      if (commentOnLine || this.sawComment || anchor !== undefined) bail();
      this.runComment = -1;
      this.nodeEnd = at;
      return { kind: 'scalar', value: null, start: at, end: at };
    }
    if (anchor !== undefined && text[at] === '*') bail();
    const inline = this.inlineValue(at);
    if (anchor !== undefined) this.anchors.set(anchor, inline);
    const rest = skipSpaces(text, this.inlineEnd, this.lineEnd);
    if (rest < this.lineEnd && (text[rest] !== '#' || rest === this.inlineEnd)) bail();
    this.nodeEnd = this.advance(this.lineEnd + 1, parentIndent);
    if (this.lineStart !== -1 && this.indent > parentIndent) bail();
    return inline;
  }

  private redeclaredSince(name: string, declaration: number): boolean {
    return (this.declaredAt.get(name) ?? 0) > declaration;
  }

  private inlineValue(at: number): TreeNode {
    const text = this.text;
    const first = text[at];
    if (first === '[' || first === '{') {
      const flow = parseFlow(text, at, this.lineEnd, this.resolveAlias, this.depth + 1);
      this.inlineEnd = flow.end;
      return flow.node;
    }
    if (first === '"' || first === "'") {
      const quoted = first === '"' ? scanDoubleQuoted(text, at, this.lineEnd) : scanSingleQuoted(text, at, this.lineEnd);
      this.inlineEnd = quoted.end;
      return { kind: 'scalar', value: quoted.value, start: at, end: quoted.end };
    }
    if (first === '*') {
      const alias = scanName(text, at, false);
      this.inlineEnd = alias.end;
      return { ...this.resolveAlias(alias.name), aliased: true };
    }
    if (NOT_VALUE_START.has(first) || ((first === '-' || first === '?' || first === ':') && isEmptyAt(text, at + 1))) bail();
    const plain = scanBlockPlain(text, at, this.lineEnd);
    if (plain.colonAt !== -1) bail();
    this.inlineEnd = plain.end;
    return { kind: 'scalar', value: resolvePlain(text.slice(at, plain.end)), start: at, end: plain.end };
  }

  private readonly resolveAlias = (name: string): TreeNode => this.anchors.get(name) ?? bail();
}

const SMALL_MAP = 16;

function hasKey(entries: readonly MapEntry[], keys: Set<string> | undefined, key: string): boolean {
  if (keys) return keys.has(key);
  for (const entry of entries) if (entry.key === key) return true;
  return false;
}

function skipSpaces(text: string, index: number, lineEnd: number): number {
  while (index < lineEnd && text.charCodeAt(index) === 32) index++;
  return index;
}

/** `<<: *base` or `<<: [*a, *b]`, as parse.ts merges: explicit keys win, then the first source listed. */
function mergeInto(entries: MapEntry[], keys: Set<string>, merge: { keyStart: number; value: TreeNode }): void {
  const sources = merge.value.kind === 'seq' && !merge.value.aliased ? merge.value.items : [merge.value];
  for (const source of sources) {
    if (source.kind !== 'map') bail();
    for (const entry of source.entries) {
      if (keys.has(entry.key)) continue;
      keys.add(entry.key);
      entries.push({ key: entry.key, keyStart: merge.keyStart, value: { ...entry.value, aliased: true }, merged: true });
    }
  }
}
