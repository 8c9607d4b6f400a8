/**
 * Random config-like YAML for the fast-path equivalence test: block maps and sequences at odd
 * indentations, comments and blank lines everywhere (their placement decides collection ends),
 * anchors, aliases, merge keys, flow collections, quoted and typed-looking scalars, several
 * documents, and now and then a deliberate mistake. Deterministic per seed.
 */
export function randomYaml(seed: number): string {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const chance = (probability: number) => rand() < probability;
  const lines: string[] = [];
  const anchors: string[] = [];
  const mapAnchors: string[] = [];

  const trivia = (indent: number) => {
    while (chance(0.25)) {
      if (chance(0.4)) lines.push(chance(0.2) ? ' '.repeat(Math.floor(rand() * 6)) : '');
      else lines.push(`${' '.repeat(Math.max(0, indent + Math.floor(rand() * 7) - 3))}# ${pick(['note', 'x: y', '- item', ''])}`);
    }
  };
  const lineComment = () => (chance(0.15) ? `${pick([' ', '   '])}# ${pick(['why', 'a: b', ''])}` : '');
  const scalar = (): string => {
    if (anchors.length > 0 && chance(0.08)) return `*${pick(anchors)}`;
    return pick(SCALARS);
  };
  const flow = (depth: number): string => {
    if (chance(0.5)) {
      const items = Array.from({ length: Math.floor(rand() * 4) }, () => (depth < 2 && chance(0.2) ? flow(depth + 1) : pick(FLOW_SCALARS)));
      return `[${items.join(pick([', ', ',', ' , ']))}]`;
    }
    const keys = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(FLOW_KEYS)))];
    return `{${keys.map((key) => `${key}${pick([': ', ':  '])}${depth < 2 && chance(0.2) ? flow(depth + 1) : pick(FLOW_SCALARS)}`).join(', ')}}`;
  };
  const anchor = (forMap: boolean) => {
    if (!chance(0.12)) return '';
    const name = `a${Math.floor(rand() * 5)}`;
    anchors.push(name);
    if (forMap) mapAnchors.push(name);
    return `&${name} `;
  };

  /** Writes `prefix` + a value: inline on the line, or a nested block below it. */
  const value = (prefix: string, indent: number, depth: number, inMap: boolean) => {
    const roll = rand();
    if (depth < 4 && roll < 0.3) {
      const props = anchor(true);
      lines.push(`${prefix}${props.trimEnd()}${lineComment()}`);
      trivia(indent);
      const childIndent = indent + pick([1, 2, 2, 2, 4]);
      if (chance(0.6)) mapping(childIndent, depth + 1);
      else sequence(inMap && chance(0.4) ? indent : childIndent, depth + 1);
    } else if (roll < 0.4) {
      lines.push(`${prefix}${anchor(false)}${flow(0)}${lineComment()}`);
    } else if (roll < 0.45) {
      lines.push(`${prefix}${lineComment()}`.replace(/ +$/, chance(0.5) ? '' : ' '));
    } else {
      const props = anchor(false);
      const text = scalar();
      lines.push(`${prefix}${text.startsWith('*') ? '' : props}${text}${lineComment()}`);
    }
    trivia(indent);
  };
  const mapping = (indent: number, depth: number, firstPrefix?: string) => {
    const count = 1 + Math.floor(rand() * 4);
    const used = new Set<string>();
    for (let index = 0; index < count; index++) {
      let key = pick(KEYS);
      if (used.has(key) && !chance(0.05)) continue;
      used.add(key);
      if (key === '<<') {
        if (mapAnchors.length === 0) continue;
        const sources = chance(0.3) ? `[*${pick(mapAnchors)}, *${pick(mapAnchors)}]` : `*${pick(mapAnchors)}`;
        lines.push(`${index === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent)}<<: ${sources}${lineComment()}`);
        trivia(indent);
        continue;
      }
      if (chance(0.02)) key = `${key} `;
      const prefix = index === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      value(`${prefix}${key}:${pick([' ', ' ', '  '])}`, indent, depth, true);
    }
  };
  const sequence = (indent: number, depth: number) => {
    const count = 1 + Math.floor(rand() * 4);
    for (let index = 0; index < count; index++) {
      const dash = `${' '.repeat(indent)}-${pick([' ', ' ', '   '])}`;
      if (depth < 4 && chance(0.35)) mapping(dash.length, depth + 1, dash);
      else value(dash, indent, depth, false);
    }
  };

  const documents = chance(0.15) ? 2 + Math.floor(rand() * 2) : 1;
  for (let document = 0; document < documents; document++) {
    trivia(0);
    if (document > 0 || chance(0.2)) lines.push(chance(0.8) ? '---' : '--- # start');
    trivia(0);
    if (chance(0.8)) mapping(chance(0.05) ? 2 : 0, 0);
    else sequence(0, 0);
  }
  let text = lines.join('\n') + (chance(0.8) ? '\n' : '');
  if (chance(0.1)) {
    // A deliberate mistake: the fast path must bail out or agree with yaml.
    const at = Math.floor(rand() * text.length);
    text = text.slice(0, at) + pick([':', ' ', '\n', '-', '#', '"', "'", '[', '&x ', '*a0']) + text.slice(at + (chance(0.5) ? 1 : 0));
  }
  return text;
}

const KEYS = ['a', 'b', 'name', 'id', 'x-y', 'a.b', '1', '01', 'true', 'null', '~', '0x1F', '"q"', "'s'", '"a b"', 'http://h', 'k#1', '<<', '-k', 'é'];
const SCALARS = [
  'plain', 'two words', '1', '-2', '+3', '0', '-0', '1.5', '.5', '1e3', '1.0', '0x1F', '0o17', '017', '.inf', '-.Inf', '.nan',
  'true', 'False', 'TRUE', 'yes', 'null', 'Null', '~', 'a#b', 'x:y', 'http://a:80/p', '"dq"', '"esc \\" \\\\ \\n \\u00e9"', "'sq'",
  "'it''s'", '""', "''", '"#not comment"', '-a', '?x', ':x', '[]', '{}', '1_000', '12:30', 'price_live_FAKE', 'é ü',
];
const FLOW_SCALARS = ['a', 'b c', '1', 'true', 'null', '"q"', "'s'", 'http://x', '-1', '.5', '~'];
const FLOW_KEYS = ['a', 'b', 'x-y', '"q"', "'s'", '1'];

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random JSON documents, as JSON.stringify writes them at several indentations (JSON is YAML 1.2). */
export function randomJson(seed: number): string {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const value = (depth: number): unknown => {
    const roll = rand();
    if (depth < 4 && roll < 0.25) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
    if (depth < 4 && roll < 0.55) {
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 5) }, () => [pick(JSON_KEYS), value(depth + 1)]));
    }
    return pick(JSON_SCALARS);
  };
  const root = rand() < 0.8 ? Object.fromEntries(Array.from({ length: 1 + Math.floor(rand() * 5) }, () => [pick(JSON_KEYS), value(1)])) : [value(1)];
  return JSON.stringify(root, null, pick([0, 1, 2, 4])) + pick(['\n', '', '\n\n']);
}

const JSON_KEYS = ['a', 'b c', 'x.y', 'é', 'a#b', 'k: v', '', '1', 'true', '<<', 'quote"d', 'back\\slash'];
const JSON_SCALARS: unknown[] = [0, -1, 1.5, 1e21, -0.001, Number('12345678901234567890'), true, false, null, '', 'text', 'a, b', 'x: y', '#hash', 'tab\there', 'line\nbreak', 'é ü', '\u2028', '[not] {a}'];
