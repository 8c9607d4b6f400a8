import { isMap, isSeq, parseDocument, type Scalar } from 'yaml';

/** Where a scalar is written: after `key: ` or `- ` in block style, or inside `[...]` / `{...}`. */
export type ScalarContext = 'block' | 'flow';

export type ScalarValue = string | number | boolean | null | bigint;

export interface ScalarSource {
  value: ScalarValue;
  /** the source's own spelling, when it has one (keeps `"quoted"` as it was written) */
  raw?: string;
  type?: Scalar.Type;
}

/**
 * The text for a scalar value that reads back as exactly that value (type included) in its
 * context. Candidates in order of preference: the target's quoting style, the source's own
 * spelling, plain, double-quoted. Every candidate is checked by parsing it, so a `#`, a `: `, a
 * leading `*` or a string like "true" never changes meaning.
 */
export function scalarText(source: ScalarSource, context: ScalarContext, targetType?: Scalar.Type, options: { json?: boolean; tag?: string } = {}): string | undefined {
  const candidates: string[] = [];
  const { value } = source;
  if (options.json) {
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
    candidates.push(typeof value === 'bigint' ? String(value) : JSON.stringify(value));
  } else {
    if (typeof value === 'string') {
      if (targetType === 'QUOTE_SINGLE') candidates.push(singleQuoted(value));
      if (targetType === 'QUOTE_DOUBLE') candidates.push(JSON.stringify(value));
      if (targetType === 'PLAIN') candidates.push(value);
    }
    if (source.raw !== undefined && !source.raw.includes('\n')) candidates.push(source.raw);
    if (typeof value === 'string') candidates.push(value, singleQuoted(value), JSON.stringify(value));
    else if (value === null) candidates.push('null');
    else candidates.push(String(value));
  }
  const prefix = options.tag ? `${options.tag} ` : '';
  return candidates.find((candidate) => !candidate.includes('\n') && readsBack(prefix + candidate, context, value));
}

function singleQuoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function readsBack(text: string, context: ScalarContext, expected: ScalarValue): boolean {
  const probe = context === 'block' ? `k: ${text}\n` : `[${text}]\n`;
  const doc = parseDocument(probe, { prettyErrors: false });
  if (doc.errors.length > 0) return false;
  const contents = doc.contents;
  let node: unknown;
  if (context === 'block') node = isMap(contents) && contents.items.length === 1 ? contents.items[0].value : undefined;
  else node = isSeq(contents) && contents.items.length === 1 ? contents.items[0] : undefined;
  if (!node || typeof node !== 'object' || !('value' in node) || isMap(node) || isSeq(node)) return false;
  return sameScalar((node as Scalar).value as ScalarValue, expected);
}

export function sameScalar(left: ScalarValue, right: ScalarValue): boolean {
  return Object.is(left, right) || (typeof left === 'number' && typeof right === 'number' && left === right);
}

/** A map key that reads back as `key`: the source's spelling, plain, or quoted. */
export function keyTextFor(key: string, context: ScalarContext, options: { raw?: string; json?: boolean; preferQuote?: Scalar.Type } = {}): string {
  if (options.json) return JSON.stringify(key);
  const candidates = [
    ...(options.preferQuote === 'QUOTE_DOUBLE' ? [JSON.stringify(key)] : options.preferQuote === 'QUOTE_SINGLE' ? [singleQuoted(key)] : []),
    ...(options.raw !== undefined ? [options.raw] : []),
    key,
    singleQuoted(key),
  ];
  const fits = (candidate: string) => {
    if (candidate.includes('\n')) return false;
    const probe = context === 'block' ? `${candidate}: 1\n` : `{${candidate}: 1}\n`;
    const doc = parseDocument(probe, { prettyErrors: false });
    if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return false;
    const keyNode = doc.contents.items[0].key as Scalar | null;
    return keyNode !== null && typeof keyNode === 'object' && 'value' in keyNode && String(keyNode.value) === key && typeof keyNode.value !== 'symbol';
  };
  return candidates.find(fits) ?? JSON.stringify(key);
}
