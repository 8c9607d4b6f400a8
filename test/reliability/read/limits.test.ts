import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH } from '../../../src/read/limits.js';
import { parseConfigText } from '../../../src/read/parse.js';

function problemsOf(text: string) {
  const parsed = parseConfigText(text);
  return parsed.problems.map((problem) => ({ message: problem.message, ...parsed.position(problem.offset) }));
}

describe('nesting depth', () => {
  const flow = (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

  it('accepts exactly the limit and refuses one level more', () => {
    // `a:` is level 1 of the document's mapping, so the flow sequences may go one level less deep.
    expect(problemsOf(flow(MAX_NESTING_DEPTH - 1))).toEqual([]);
    expect(problemsOf(flow(MAX_NESTING_DEPTH))).toEqual([{ message: `nested more than ${MAX_NESTING_DEPTH} levels deep`, line: 1, column: MAX_NESTING_DEPTH + 3 }]);
  });

  it('counts block nesting by indentation as well as flow nesting', () => {
    const block = (depth: number) => `${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')} 1\n`;
    expect(problemsOf(block(MAX_NESTING_DEPTH - 1))).toEqual([]);
    expect(problemsOf(block(MAX_NESTING_DEPTH + 1))[0]?.message).toMatch(/nested more than/);
  });

  it('refuses with the streaming lexer alone when a token tree would not fit in memory', () => {
    expect(problemsOf(`x: 1\ny: ${'{a: ['.repeat(400_000)}`)).toEqual([{ message: `nested more than ${MAX_NESTING_DEPTH} levels deep`, line: 2, column: expect.any(Number) }]);
  });

  it('keeps a large JSON file with thousands of brackets (shallow) readable', () => {
    const json = JSON.stringify({ items: Array.from({ length: 6000 }, (_, index) => ({ id: `i${index}`, tags: [index] })) });
    const parsed = parseConfigText(json);
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents[0]).toMatchObject({ kind: 'map' });
  });
});

describe('alias expansion', () => {
  /** `count` aliases of an anchor whose value has `size` nodes. */
  const fanOut = (size: number, count: number) =>
    `base: &base [${Array.from({ length: size - 1 }, (_, index) => index).join(', ')}]\nuses:\n${'  - *base\n'.repeat(count)}`;

  it('accepts expansion up to the limit and refuses one node more, at the alias that crosses it', () => {
    expect(problemsOf(fanOut(1000, MAX_ALIAS_EXPANSION / 1000))).toEqual([]);
    const over = problemsOf(`${fanOut(1000, MAX_ALIAS_EXPANSION / 1000)}extra: *base\n`);
    expect(over).toEqual([{ message: `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?)`, line: 103, column: 1 }]);
  });

  it('counts merge keys as expansion', () => {
    // each level merges the previous one and aliases it three times: about three times bigger per level
    const lines = ['l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}'];
    for (let level = 1; level < 10; level++) lines.push(`l${level}: &l${level} {<<: [*l${level - 1}], x: *l${level - 1}, y: *l${level - 1}, z: *l${level - 1}}`);
    expect(problemsOf(`${lines.join('\n')}\n`)[0]?.message).toMatch(/alias bomb/);
  });

  it('resolves an alias to the latest anchor of that name before it', () => {
    const parsed = parseConfigText('first: &x 1\nsecond: &x 2\nthird: *x\n');
    const third = parsed.documents[0]?.kind === 'map' ? parsed.documents[0].entries[2].value : undefined;
    expect(third).toMatchObject({ kind: 'scalar', value: 2, aliased: true });
  });
});
