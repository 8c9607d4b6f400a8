import { parseFast } from '../read/fast-parse.js';
import type { TreeNode } from '../read/tree.js';

/**
 * A config file's data without loading yaml (~15–40 ms of every start): the fast parser's tree
 * as plain values, exactly what yaml's `parseDocument(text).toJS()` gives for the same text.
 * Undefined when the fast parser declines the text, or where yaml's plain data would differ
 * (`<<`, an ordinary key to the config loader; aliases, which toJS counts; a null key;
 * `__proto__`): the caller then asks yaml.
 */
export function readPlainConfig(text: string): { value: unknown } | undefined {
  if (text.includes('<<')) return undefined;
  const parsed = parseFast(text);
  if (!parsed || parsed.documents.length > 1) return undefined;
  const [document] = parsed.documents;
  if (document === undefined) return { value: null };
  try {
    return { value: toPlain(document) };
  } catch (error) {
    if (error === DIFFERS) return undefined;
    throw error;
  }
}

const DIFFERS = Symbol('differs from yaml');

function toPlain(node: TreeNode): unknown {
  if (node.aliased) throw DIFFERS;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const object: Record<string, unknown> = {};
  for (const entry of node.entries) {
    if (entry.key === 'null' || entry.key === '__proto__') throw DIFFERS;
    object[entry.key] = toPlain(entry.value);
  }
  return object;
}
