import type { LeafValue } from '../keys/flatten.js';

export type ExpectValue = string | number | boolean | null;

/** A whitelist entry's `expect` for one environment: a literal, or a `/regex/` for strings. */
export interface Expectation {
  /** as written in the config, for messages: `false`, `/^pk_live_/` */
  text: string;
  test(value: LeafValue): boolean;
}

const REGEX_TEXT = /^\/(.+)\/([dgimsuy]*)$/s;

/**
 * Compiles one expectation. A string that starts and ends with `/` is a regular expression
 * tested against the value's text; anything else must equal the YAML value exactly, so the
 * string "false" does not satisfy `false` (the application would read it differently).
 * Throws a SyntaxError for an invalid regular expression.
 */
export function compileExpectation(expected: ExpectValue): Expectation {
  const regexParts = typeof expected === 'string' ? REGEX_TEXT.exec(expected) : null;
  if (regexParts) {
    // g and y make test() stateful; a config check must give the same answer every time.
    const regex = new RegExp(regexParts[1], regexParts[2].replace(/[gy]/g, ''));
    return { text: expected as string, test: (value) => isScalar(value) && value !== null && regex.test(String(value)) };
  }
  return { text: JSON.stringify(expected), test: (value) => isScalar(value) && sameLiteral(value, expected) };
}

function isScalar(value: LeafValue): value is Exclude<LeafValue, { empty: 'map' | 'seq' }> {
  return typeof value !== 'object' || value === null;
}

function sameLiteral(value: Exclude<LeafValue, { empty: 'map' | 'seq' }>, expected: ExpectValue): boolean {
  if (typeof value === 'bigint' && typeof expected === 'number') return Number.isInteger(expected) && BigInt(expected) === value;
  return value === expected;
}
