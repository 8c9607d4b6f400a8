import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/read/parse.js';

describe('parseConfigText', () => {
  it('reports a duplicate key at the second occurrence', () => {
    const text = 'server:\n  port: 8000\n  mode: release\n  port: 9000\n';
    const parsed = parseConfigText(text);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].message).toMatch(/unique/i);
    expect(parsed.position(parsed.problems[0].offset)).toEqual({ line: 4, column: 3 });
    expect(parsed.documents).toEqual([]);
  });

  it('reports a syntax error with its line, and never throws', () => {
    const parsed = parseConfigText('a: 1\nb: [unclosed\nc: 3\n');
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.position(parsed.problems[0].offset).line).toBeGreaterThanOrEqual(2);
  });

  it('reports a JSON duplicate key too', () => {
    const parsed = parseConfigText('{\n  "a": 1,\n  "a": 2\n}\n');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.position(parsed.problems[0].offset).line).toBe(3);
  });

  it('keeps one message line, without the library’s "at line" suffix', () => {
    const parsed = parseConfigText('a: 1\na: 2\n');
    expect(parsed.problems[0].message).not.toContain('\n');
    expect(parsed.problems[0].message).not.toMatch(/at line \d+/);
  });

  it('reads every document of a multi-document stream, skipping empty ones', () => {
    const parsed = parseConfigText('---\nkind: A\n---\n# only a comment\n---\nkind: B\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents).toHaveLength(2);
  });

  it('reads a file of only comments as no document', () => {
    expect(parseConfigText('# nothing here\n')).toMatchObject({ documents: [], problems: [] });
    expect(parseConfigText('')).toMatchObject({ documents: [], problems: [] });
  });

  it('reads JSON', () => {
    const parsed = parseConfigText('{"a": {"b": [1, 2]}, "c": null}');
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents[0]).toMatchObject({ kind: 'map', entries: [{ key: 'a' }, { key: 'c' }] });
  });

  it('keeps YAML 1.2 scalars as written: yes/on are strings, 010 is a number', () => {
    const parsed = parseConfigText('a: yes\nb: on\nc: 010\nd: "010"\n');
    const values = parsed.documents[0].kind === 'map' ? parsed.documents[0].entries.map((entry) => entry.value) : [];
    expect(values.map((value) => (value.kind === 'scalar' ? value.value : undefined))).toEqual(['yes', 'on', 10, '010']);
  });

  it('refuses a merge key that does not refer to a mapping', () => {
    const parsed = parseConfigText('list: &l [1, 2]\nm:\n  <<: *l\n');
    expect(parsed.problems.map((problem) => problem.message)).toContain('a merge key (<<) must refer to a mapping');
    expect(parsed.position(parsed.problems[0].offset)).toEqual({ line: 3, column: 3 });
  });

  it('reports an alias to an undefined anchor where it is', () => {
    const parsed = parseConfigText('a: 1\nb: *nowhere\n');
    expect(parsed.problems.map((problem) => problem.message)).toEqual(['alias *nowhere refers to no anchor']);
    expect(parsed.position(parsed.problems[0].offset)).toEqual({ line: 2, column: 4 });
  });

  it('ignores a trailing --- (an empty last document)', () => {
    expect(parseConfigText('kind: A\n---\n').documents).toHaveLength(1);
    expect(parseConfigText('---\nkind: A\n---\n---\nkind: B\n---\n').documents).toHaveLength(2);
  });

  it('gives 1-based line and column for offsets', () => {
    const parsed = parseConfigText('a: 1\nbb: 2\n');
    expect(parsed.position(0)).toEqual({ line: 1, column: 1 });
    expect(parsed.position(5)).toEqual({ line: 2, column: 1 });
    expect(parsed.position(9)).toEqual({ line: 2, column: 5 });
  });
});
