import { describe, expect, it } from 'vitest';
import { chooseArrayIdentities } from '../../src/keys/identity.js';
import { AliasBudgetExceeded, checkAliasBudget, flattenDocuments, MAX_ALIAS_EXPANSION, sameLeafValue } from '../../src/keys/flatten.js';
import { parseConfigText } from '../../src/read/parse.js';
import type { TreeNode } from '../../src/read/tree.js';

function flatten(text: string) {
  const parsed = parseConfigText(text);
  expect(parsed.problems).toEqual([]);
  const flat = flattenDocuments(parsed.documents, chooseArrayIdentities([parsed.documents], {}));
  const values = Object.fromEntries([...flat.leaves].map(([keyPath, leaf]) => [keyPath, leaf.value]));
  return { parsed, flat, values };
}

/** Nine levels of nine aliases each: 9^9 nodes once expanded. */
function billionLaughs(open: string, close: string, item: (previous: string, index: number) => string): string {
  const lines = [`a: &a ${open}${Array.from({ length: 9 }, (_, index) => item('', index)).join(', ')}${close}`];
  const names = 'bcdefghij';
  [...names].forEach((name, level) => {
    const previous = level === 0 ? 'a' : names[level - 1];
    lines.push(`${name}: &${name} ${open}${Array.from({ length: 9 }, (_, index) => item(`*${previous}`, index)).join(', ')}${close}`);
  });
  return `${lines.join('\n')}\n`;
}

describe('flattenDocuments', () => {
  it('lists leaves under dotted key paths, with their offsets at the key', () => {
    const { parsed, flat, values } = flatten('server:\n  port: 8000\n  mode: release\n');
    expect(values).toEqual({ 'server.port': 8000, 'server.mode': 'release' });
    expect(parsed.position(flat.leaves.get('server.mode')?.offset ?? -1)).toEqual({ line: 3, column: 3 });
    expect([...flat.containers.keys()]).toEqual(['', 'server']);
  });

  it('resolves merge keys: explicit keys win, merged ones are marked shared', () => {
    const { flat, values } = flatten('defaults: &d {durable: true, prefetch: 10}\nqueue:\n  <<: *d\n  prefetch: 5\n');
    expect(values['queue.durable']).toBe(true);
    expect(values['queue.prefetch']).toBe(5);
    expect(flat.leaves.get('queue.durable')?.shared).toBe(true);
    expect(flat.leaves.get('queue.prefetch')?.shared).toBe(false);
  });

  it('resolves the explicit !!merge tag the same way', () => {
    const { values } = flatten('defaults: &d {durable: true}\nqueue:\n  !!merge <<: *d\n  name: q\n');
    expect(values).toMatchObject({ 'queue.durable': true, 'queue.name': 'q' });
  });

  it('merges a list of anchors, the first one listed winning', () => {
    const { values } = flatten('a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n');
    expect(values).toMatchObject({ 'c.x': 1, 'c.y': 2 });
  });

  it('follows aliases, and marks what they reach as shared', () => {
    const { flat, values } = flatten('base: &base {timeout: 10s}\nother: *base\n');
    expect(values['other.timeout']).toBe('10s');
    expect(flat.leaves.get('other.timeout')?.shared).toBe(true);
    expect(flat.leaves.get('base.timeout')?.shared).toBe(false);
  });

  it('keeps empty maps and sequences as leaves of their own', () => {
    const { values } = flatten('a: {}\nb: []\nc: ~\nd:\n');
    expect(values).toEqual({ a: { empty: 'map' }, b: { empty: 'seq' }, c: null, d: null });
  });

  it('reads a JSON file like a YAML one', () => {
    const { values } = flatten('{"plans": [{"id": "pro", "amount": 2900}], "on": true}');
    expect(values).toEqual({ 'plans[id=pro].id': 'pro', 'plans[id=pro].amount': 2900, on: true });
  });

  it('accepts a file with 300 aliases', () => {
    const text = `anchor: &shared {a: 1, b: 2, c: {d: 3}}\nitems:\n${Array.from({ length: 300 }, (_, index) => `  k${index}: *shared`).join('\n')}\n`;
    const { values } = flatten(text);
    expect(values['items.k299.c.d']).toBe(3);
    expect(Object.keys(values)).toHaveLength(3 + 300 * 3);
  });

  it.each([
    ['sequences', billionLaughs('[', ']', (previous) => previous || '"lol"')],
    ['mappings', billionLaughs('{', '}', (previous, index) => `k${index}: ${previous || '"lol"'}`)],
  ])('refuses a billion-laughs file made of %s, quickly', (_kind, text) => {
    // The reader refuses it first (test/reliability/read/limits.test.ts) ...
    const parsed = parseConfigText(text);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([`aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?)`]);
  });

  it('keeps the alias budget as a backstop for trees that reach it by another road', () => {
    // ... so the same shared tree is built here by hand: nine levels of nine shared copies.
    const lol: TreeNode = { kind: 'scalar', value: 'lol', start: 0, end: 3 };
    let level: TreeNode = { kind: 'seq', items: Array(9).fill(lol), start: 0, end: 0 };
    for (let depth = 0; depth < 8; depth++) level = { kind: 'seq', items: Array(9).fill({ ...level, aliased: true }), start: 0, end: 0 };
    expect(() => checkAliasBudget([level])).toThrow(AliasBudgetExceeded);
    expect(() => checkAliasBudget([level])).toThrow(`more than ${MAX_ALIAS_EXPANSION} nodes`);
  });
});

describe('sameLeafValue', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [{ empty: 'map' as const }, { empty: 'map' as const }, true],
    [{ empty: 'map' as const }, { empty: 'seq' as const }, false],
    [true, 'true', false],
  ])('%j vs %j → %s', (left, right, expected) => {
    expect(sameLeafValue(left, right)).toBe(expected);
  });
});
