import { describe, expect, it } from 'vitest';
import { keyTextFor, readsBack, scalarText } from '../../src/fix/scalar-text.js';

describe('scalarText: a value written so that it reads back exactly', () => {
  it('keeps the target quoting style', () => {
    expect(scalarText({ value: 'tmpl_v3', raw: 'tmpl_v3', type: 'PLAIN' }, 'block', 'QUOTE_SINGLE')).toBe("'tmpl_v3'");
    expect(scalarText({ value: 'tmpl_v3', raw: "'tmpl_v3'", type: 'QUOTE_SINGLE' }, 'block', 'QUOTE_DOUBLE')).toBe('"tmpl_v3"');
    expect(scalarText({ value: 'tmpl_v3', raw: '"tmpl_v3"', type: 'QUOTE_DOUBLE' }, 'block', 'PLAIN')).toBe('tmpl_v3');
  });

  it('escapes a single quote inside a single-quoted value', () => {
    expect(scalarText({ value: "it's", type: 'QUOTE_DOUBLE' }, 'block', 'QUOTE_SINGLE')).toBe("'it''s'");
  });

  it('leaves plain style when a plain value would change meaning', () => {
    expect(scalarText({ value: 'a # b' }, 'block', 'PLAIN')).toBe("'a # b'");
    expect(scalarText({ value: 'key: value' }, 'block', 'PLAIN')).toBe("'key: value'");
    expect(scalarText({ value: 'true' }, 'block', 'PLAIN')).toBe("'true'");
    expect(scalarText({ value: '*star' }, 'block', 'PLAIN')).toBe("'*star'");
    expect(scalarText({ value: '' }, 'block', 'PLAIN')).toBe("''");
    expect(scalarText({ value: 'a, b' }, 'flow', 'PLAIN')).toBe("'a, b'");
  });

  it('keeps the type of numbers, booleans and null (never quotes them into strings)', () => {
    expect(scalarText({ value: 16, raw: '16' }, 'block', 'QUOTE_DOUBLE')).toBe('16');
    expect(scalarText({ value: false, raw: 'false' }, 'block', 'QUOTE_SINGLE')).toBe('false');
    expect(scalarText({ value: null }, 'block', 'PLAIN')).toBe('null');
    expect(scalarText({ value: 1.5, raw: '1.50' }, 'block', 'PLAIN')).toBe('1.50');
  });

  it('writes a string that looks like a number as a string', () => {
    expect(scalarText({ value: '2024-06-20', raw: '"2024-06-20"', type: 'QUOTE_DOUBLE' }, 'block', 'PLAIN')).toBe('2024-06-20');
    expect(scalarText({ value: '10', raw: '"10"', type: 'QUOTE_DOUBLE' }, 'block', 'PLAIN')).toBe('"10"');
    expect(scalarText({ value: '10' }, 'block', 'PLAIN')).toBe("'10'");
  });

  it('writes a multi-line string on one line, escaped', () => {
    expect(scalarText({ value: 'a\nb', raw: '|\n  a\n  b', type: 'BLOCK_LITERAL' }, 'block', 'PLAIN')).toBe('"a\\nb"');
  });

  it('writes JSON in a JSON file', () => {
    expect(scalarText({ value: 'x', raw: 'x', type: 'PLAIN' }, 'flow', 'PLAIN', { json: true })).toBe('"x"');
    expect(scalarText({ value: Number.NaN }, 'flow', 'PLAIN', { json: true })).toBeUndefined();
  });

  it('checks candidates by parsing them', () => {
    expect(readsBack('yes', 'block', 'yes')).toBe(true);
    expect(readsBack('[a]', 'block', '[a]')).toBe(false);
  });
});

describe('keyTextFor', () => {
  it('quotes a key only when it must', () => {
    expect(keyTextFor('gpt-4o', 'block')).toBe('gpt-4o');
    expect(keyTextFor('a: b', 'block')).toBe("'a: b'");
    expect(keyTextFor('x', 'flow', { json: true })).toBe('"x"');
  });
});
