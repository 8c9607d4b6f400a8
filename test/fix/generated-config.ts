import fc from 'fast-check';
import { readsBack } from '../../src/fix/scalar-text.js';

/**
 * Generated GitOps configs for the property tests: a business tree (maps, lists of scalars,
 * lists of objects with an `id`), a whitelisted `db.link` and whitelisted `priceId`s inside the
 * objects. Targets are the source with seeded mutations; every file is rendered in its own
 * style (indentation, list style, flow collections, quoting, comments, blank lines).
 */
export type Scalar = string | number | boolean | null;
export type Tree = Scalar | Tree[] | { [key: string]: Tree };

export const KEYS = ['alpha', 'beta', 'gamma', 'delta', 'mode', 'rate', 'gpt-4o', 'o3-mini', 'size', 'plans'];
const STRINGS = ['release', 'debug', 'a # b', 'key: value', 'true', '10', '', "it's", 'x, y', '*star', 'multi\nline', 'tmpl_v3', '2024-06-20', 'ünïcode'];

// 'release' comes up often on purpose: repeated strings are what anchors and aliases are made of.
export const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  fc.integer({ min: -5, max: 1000 }),
  fc.boolean(),
  fc.constantFrom(...STRINGS),
  { arbitrary: fc.constant('release'), weight: 2 },
  fc.constant(null),
);

const objectsArb = fc
  .uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), v: scalarArb, priced: fc.boolean() }), { selector: (item) => item.id, maxLength: 3 })
  .map((items): Tree[] => items.map(({ id, v, priced }): Tree => (priced ? { id, v, priceId: `price_test_${id}` } : { id, v })));

export const treeArb: fc.Arbitrary<{ [key: string]: Tree }> = fc.letrec<{ map: { [key: string]: Tree }; node: Tree }>((tie) => ({
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' }, scalarArb, scalarArb, tie('map'), fc.array(scalarArb, { maxLength: 4 }), objectsArb),
  map: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { selector: ([key]) => key, maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
})).map.map((business) => ({ ...business, db: { link: 'postgres://ci-db.internal/app', pool: 10 } }));

/** A seeded sequence of choices, so a mutation is reproducible and shrinkable. */
export class Tape {
  private position = 0;
  constructor(private readonly values: readonly number[]) {}
  next(): number {
    const value = this.values[this.position % this.values.length] ?? 0;
    this.position++;
    return value;
  }
}

/** The target: the source with keys changed, dropped and added; whitelisted values its own. */
export function mutate(tree: Tree, tape: Tape, env: string, path: string[] = []): Tree {
  if (Array.isArray(tree)) {
    if (tree.every((item) => item === null || typeof item !== 'object')) {
      const roll = tape.next();
      if (roll < 10) return [...tree, STRINGS[tape.next() % STRINGS.length]];
      if (roll < 20) return tree.slice(1);
      if (roll < 30 && tree.length > 0) return [STRINGS[tape.next() % STRINGS.length], ...tree.slice(1)];
      return tree;
    }
    const items = (tree as Array<{ [key: string]: Tree }>).flatMap((item) => {
      const roll = tape.next();
      if (roll < 10) return [];
      const copy: { [key: string]: Tree } = { ...item, v: roll < 30 ? STRINGS[tape.next() % STRINGS.length] : item.v };
      if ('priceId' in item) copy.priceId = `price_${env}_${String(item.id)}`;
      return [copy];
    });
    const ids = new Set(items.map((item) => item.id));
    if (tape.next() < 15 && !ids.has('e')) items.push({ id: 'e', v: env });
    return items;
  }
  if (tree !== null && typeof tree === 'object') {
    const result: { [key: string]: Tree } = {};
    for (const [key, value] of Object.entries(tree)) {
      const here = [...path, key];
      if (here.join('.') === 'db.link') {
        result[key] = `postgres://${env}-db.internal/app`;
        continue;
      }
      const roll = tape.next();
      if (roll < 8 && here.join('.') !== 'db') continue;
      result[key] = roll < 14 && !containsObjects(value) ? STRINGS[tape.next() % STRINGS.length] : mutate(value, tape, env, here);
    }
    if (tape.next() < 12) {
      const extra = KEYS.find((key) => !(key in result) && tape.next() < 50);
      if (extra) result[extra] = tape.next();
    }
    return result;
  }
  return tape.next() < 20 ? STRINGS[tape.next() % STRINGS.length] : tree;
}

function containsObjects(tree: Tree): boolean {
  if (Array.isArray(tree)) return tree.some((item) => item !== null && typeof item === 'object');
  if (tree !== null && typeof tree === 'object') return Object.values(tree).some(containsObjects);
  return false;
}

export interface Style {
  unit: number;
  seqIndent: number;
  tape: Tape;
  /** strings written once with an anchor, by value: later ones may be aliases to it */
  anchors?: Map<string, string>;
}

export const styleArb = fc.record({
  unit: fc.constantFrom(2, 4),
  flushLists: fc.boolean(),
  tape: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 16, maxLength: 16 }),
}).map(({ unit, flushLists, tape }): Style => ({ unit, seqIndent: flushLists ? 0 : unit, tape: new Tape(tape) }));

/** YAML text for a tree, in a style: the same data can look many ways. */
export function render(tree: { [key: string]: Tree }, style: Style): string {
  style.anchors = new Map();
  const lines: string[] = ['# generated config'];
  renderMap(tree, 0, style, lines, true);
  return `${lines.join('\n')}\n`;
}

function renderMap(map: { [key: string]: Tree }, column: number, style: Style, lines: string[], top = false): void {
  for (const [key, value] of Object.entries(map)) {
    const roll = style.tape.next();
    if (top && roll < 30) lines.push('');
    if (roll % 7 === 0) lines.push(`${' '.repeat(column)}# about ${key}`);
    const head = `${' '.repeat(column)}${key}:`;
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string' && value.includes('\n') && roll < 50) lines.push(`${head} |-`, ...value.split('\n').map((line) => `${' '.repeat(column + style.unit)}${line}`));
      else lines.push(`${head} ${scalar(value, style, 'block')}${roll % 5 === 0 ? '   # note' : ''}`);
    } else if (roll % 4 === 0 || isEmpty(value)) {
      lines.push(`${head} ${flow(value, style)}`);
    } else if (Array.isArray(value)) {
      lines.push(head);
      for (const item of value) renderItem(item, column + style.seqIndent, style, lines);
    } else {
      lines.push(head);
      renderMap(value, column + style.unit, style, lines);
    }
  }
}

function renderItem(item: Tree, dashColumn: number, style: Style, lines: string[]): void {
  const dash = `${' '.repeat(dashColumn)}- `;
  if (item === null || typeof item !== 'object') lines.push(`${dash}${scalar(item, style, 'block')}`);
  else if (Array.isArray(item) || isEmpty(item)) lines.push(`${dash}${flow(item, style)}`);
  else {
    const nested: string[] = [];
    renderMap(item, dashColumn + 2, style, nested);
    const first = nested.findIndex((line) => !line.trimStart().startsWith('#'));
    lines.push(...nested.slice(0, first), dash + nested[first].slice(dashColumn + 2), ...nested.slice(first + 1));
  }
}

function isEmpty(value: Tree): boolean {
  return Array.isArray(value) ? value.length === 0 : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

function flow(value: Tree, style: Style): string {
  if (value === null || typeof value !== 'object') return scalar(value, style, 'flow');
  if (Array.isArray(value)) return `[${value.map((item) => flow(item, style)).join(', ')}]`;
  return `{${Object.entries(value).map(([key, item]) => `${key}: ${flow(item, style)}`).join(', ')}}`;
}

/** A scalar in one of its spellings; a repeated string may be written as an alias to its first. */
function scalar(value: Scalar, style: Style, context: 'block' | 'flow'): string {
  if (typeof value !== 'string') return value === null ? (style.tape.next() < 50 ? 'null' : '~') : String(value);
  const anchor = style.anchors?.get(value);
  if (anchor && style.tape.next() < 50) return `*${anchor}`;
  if (!anchor && style.anchors && style.tape.next() < 25) {
    const name = `v${style.anchors.size}`;
    style.anchors.set(value, name);
    return `&${name} ${spelling(value, style, context)}`;
  }
  return spelling(value, style, context);
}

function spelling(value: string, style: Style, context: 'block' | 'flow'): string {
  const roll = style.tape.next();
  const single = `'${value.replaceAll("'", "''")}'`;
  if (roll < 40 && !value.includes('\n') && readsBack(value, context, value)) return value;
  if (roll < 70 && !value.includes('\n')) return single;
  return JSON.stringify(value);
}
