import { bail, resolvePlain, scanDoubleQuoted, scanName, scanSingleQuoted } from './fast-scalar.js';
import { MAX_NESTING_DEPTH } from './limits.js';
import type { MapEntry, TreeNode } from './tree.js';

/** How the fast path resolves `*name`: the finished node of the latest `&name`, or bail. */
export type ResolveAlias = (name: string) => TreeNode;

const FLOW_INDICATOR = new Set([',', '[', ']', '{', '}']);
/** Characters that cannot start a plain scalar in a flow collection (or need the full parser). */
const NOT_PLAIN_START = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/**
 * A flow collection (`[a, b]`, `{durable: true}`) between `start` and `lineEnd`, as yaml composes
 * it: on one line inside block YAML, or spanning lines when it is a whole document (JSON). `? `,
 * empty entries, pairs in a sequence, trailing commas, comments, multi-line scalars, anchors and
 * tags inside bail to the full parser.
 */
export function parseFlow(text: string, start: number, lineEnd: number, resolveAlias: ResolveAlias, depth = 1): { node: TreeNode; end: number } {
  // Deep nesting is the full parser's to refuse (read/limits.ts): recursing here could exhaust the stack.
  if (depth >= MAX_NESTING_DEPTH) bail();
  const isMap = text[start] === '{';
  const close = isMap ? '}' : ']';
  const entries: MapEntry[] = [];
  const items: TreeNode[] = [];
  const keys = new Set<string>();
  let index = skipSpaces(text, start + 1, lineEnd);
  if (text[index] === close) return { node: collection(isMap, entries, items, start, index + 1), end: index + 1 };
  for (;;) {
    if (isMap) {
      const key = flowItem(text, index, lineEnd, resolveAlias, true, depth);
      if (key.node.kind !== 'scalar' || key.node.value === '<<' || text[key.end] !== ':') bail();
      const quotedKey = text[index] === '"' || text[index] === "'";
      if (!quotedKey && text[key.end + 1] !== ' ') bail();
      const keyText = String(key.node.value);
      if (keys.has(keyText)) bail();
      keys.add(keyText);
      const valueStart = skipSpaces(text, key.end + 1, lineEnd);
      const value = flowItem(text, valueStart, lineEnd, resolveAlias, false, depth);
      entries.push({ key: keyText, keyStart: index, value: value.node, merged: false });
      index = skipSpaces(text, value.end, lineEnd);
    } else {
      const item = flowItem(text, index, lineEnd, resolveAlias, false, depth);
      items.push(item.node);
      index = skipSpaces(text, item.end, lineEnd);
    }
    if (text[index] === close) return { node: collection(isMap, entries, items, start, index + 1), end: index + 1 };
    if (text[index] !== ',') bail();
    index = skipSpaces(text, index + 1, lineEnd);
    if (text[index] === close || text[index] === ',') bail();
  }
}

function collection(isMap: boolean, entries: MapEntry[], items: TreeNode[], start: number, end: number): TreeNode {
  return isMap ? { kind: 'map', entries, start, end } : { kind: 'seq', items, start, end };
}

/** Spaces, and line breaks where the collection may span lines (never before `lineEnd` otherwise). */
function skipSpaces(text: string, index: number, lineEnd: number): number {
  for (let code = text.charCodeAt(index); index < lineEnd && (code === 32 || code === 10); code = text.charCodeAt(++index));
  return index;
}

/** One item of a flow collection: a nested collection, a quoted or plain scalar, or an alias. */
function flowItem(text: string, start: number, lineEnd: number, resolveAlias: ResolveAlias, isKey: boolean, depth: number): { node: TreeNode; end: number } {
  const first = text[start];
  if (start >= lineEnd) bail();
  if (first === '[' || first === '{') {
    if (isKey) bail();
    return parseFlow(text, start, lineEnd, resolveAlias, depth + 1);
  }
  if (first === '"' || first === "'") {
    const quoted = first === '"' ? scanDoubleQuoted(text, start, lineEnd) : scanSingleQuoted(text, start, lineEnd);
    return { node: { kind: 'scalar', value: quoted.value, start, end: quoted.end }, end: quoted.end };
  }
  if (first === '*') {
    if (isKey) bail();
    const alias = scanName(text, start, true);
    return { node: { ...resolveAlias(alias.name), aliased: true }, end: alias.end };
  }
  if (NOT_PLAIN_START.has(first) || ((first === '-' || first === '?' || first === ':') && !isPlainSafe(text[start + 1]))) bail();
  const end = scanFlowPlain(text, start, lineEnd);
  return { node: { kind: 'scalar', value: resolvePlain(text.slice(start, end)), start, end }, end };
}

function isPlainSafe(char: string | undefined): boolean {
  return char !== undefined && char !== ' ' && char !== '\n' && !FLOW_INDICATOR.has(char);
}

/**
 * yaml's lexer in a flow collection: a plain scalar stops at `,[]{}`, at `:` before a space or
 * one of those, and at ` #` (a comment: bail). One that goes on after a line break is folded: bail.
 */
function scanFlowPlain(text: string, start: number, lineEnd: number): number {
  let end = start;
  let lineBreak = false;
  for (let index = start; index < lineEnd; index++) {
    const char = text[index];
    if (char === ' ' || char === '\n') {
      if (text[index + 1] === '#') bail();
      lineBreak ||= char === '\n';
      continue;
    }
    if (FLOW_INDICATOR.has(char)) return end;
    if (char === ':') {
      const next = text[index + 1];
      if (next === undefined || next === ' ' || next === '\n' || FLOW_INDICATOR.has(next)) return end;
    }
    if (lineBreak) bail();
    end = index + 1;
  }
  return bail();
}
