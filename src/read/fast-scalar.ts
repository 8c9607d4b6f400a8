import type { ScalarValue } from './tree.js';

/**
 * Thrown (never escapes fast-parse.ts) when text leaves the plain subset the fast path reads:
 * the full parser then reads the file. A shared object: bailing out must not cost a stack trace.
 */
export const NOT_FAST = Object.freeze({ notFast: true });

export function bail(): never {
  throw NOT_FAST;
}

// The YAML 1.2 core schema, as yaml's `core` tags test and resolve plain scalars, in their order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** First characters that can start a non-string plain scalar: digits, signs, `.`, `~`, n/N, t/T, f/F. */
const MAYBE_TYPED = new Set('-+.~0123456789nNtTfF');
const DIGITS = /^[0-9]{1,15}$/;

export function resolvePlain(source: string): ScalarValue {
  if (source.length === 0) return null;
  if (!MAYBE_TYPED.has(source[0])) return source;
  // The common cases first; short digit runs are exactly what parseInt(source, 10) gives.
  if (DIGITS.test(source)) return Number(source);
  if (source === 'true') return true;
  if (source === 'false') return false;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

/**
 * What the last scan found. The scans fill this one shared object rather than return a new one
 * per scalar (the fast path runs per key of every file); callers read it right after the call.
 */
export const scanned = { end: 0, colonAt: -1, value: '' };

const SPACE = 32;
const HASH = 35;
const COLON = 58;

/** A character that ends a token in yaml's lexer: end of text, space, newline (tabs and CR never reach here). */
export function isEmptyAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return Number.isNaN(code) || code === SPACE || code === 10;
}

/**
 * The end of a plain scalar in block context starting at `start` on a line ending at `lineEnd`:
 * before ` #` or `: `, trailing spaces excluded. `colonAt` receives where a `: ` stopped it (-1 if none).
 */
export function scanBlockPlain(text: string, start: number, lineEnd: number): typeof scanned {
  let end = start;
  let colonAt = -1;
  for (let index = start; index < lineEnd; index++) {
    const code = text.charCodeAt(index);
    if (code === SPACE) {
      if (text.charCodeAt(index + 1) === HASH) break;
    } else if (code === COLON && isEmptyAt(text, index + 1)) {
      colonAt = index;
      break;
    } else {
      end = index + 1;
    }
  }
  scanned.end = end;
  scanned.colonAt = colonAt;
  return scanned;
}

/** A single-line single-quoted scalar at `start` (the quote): its value and the offset past the closing quote. */
export function scanSingleQuoted(text: string, start: number, lineEnd: number): typeof scanned {
  let value = '';
  let from = start + 1;
  for (let index = from; index < lineEnd; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) bail();
    if (code !== 39) continue;
    if (text.charCodeAt(index + 1) === 39) {
      value += text.slice(from, index + 1);
      from = index + 2;
      index++;
      continue;
    }
    scanned.value = value + text.slice(from, index);
    scanned.end = index + 1;
    return scanned;
  }
  return bail();
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A single-line double-quoted scalar with JSON's escapes only (YAML's others send the file to the full parser). */
export function scanDoubleQuoted(text: string, start: number, lineEnd: number): typeof scanned {
  let value = '';
  let from = start + 1;
  for (let index = from; index < lineEnd; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      scanned.value = value + text.slice(from, index);
      scanned.end = index + 1;
      return scanned;
    }
    if (code === 10) bail();
    if (code !== 92) continue;
    value += text.slice(from, index);
    const escape = text[index + 1];
    if (escape === 'u') {
      const hex = text.slice(index + 2, index + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) bail();
      value += String.fromCharCode(parseInt(hex, 16));
      index += 5;
    } else {
      const decoded = JSON_ESCAPES[escape];
      if (decoded === undefined) bail();
      value += decoded;
      index += 1;
    }
    from = index + 1;
  }
  return bail();
}

const ANCHOR_NAME = /[A-Za-z0-9_-]/;
const FLOW_END = new Set([',', ']', '}']);

/**
 * The name after `&` or `*` at `start`, and the offset past it. It must end where yaml's lexer ends
 * it (a space, the line end, or in a flow collection a `,]}`), else bail.
 */
export function scanName(text: string, start: number, inFlow: boolean): { name: string; end: number } {
  let end = start + 1;
  while (end < text.length && ANCHOR_NAME.test(text[end])) end++;
  const endsName = isEmptyAt(text, end) || (inFlow && FLOW_END.has(text[end]));
  if (end === start + 1 || !endsName) bail();
  return { name: text.slice(start + 1, end), end };
}
