import { describe, expect, it } from 'vitest';
import { applyEdits, renderScalar } from '../../src/images/edit.js';

describe('renderScalar', () => {
  it('keeps the target quoting style', () => {
    expect(renderScalar('v2', '"v1"')).toBe('"v2"');
    expect(renderScalar("it's", "'v1'")).toBe("'it''s'");
    expect(renderScalar('v2.0.1', 'v1')).toBe('v2.0.1');
    expect(renderScalar('sha256:abc', 'sha256:def')).toBe('sha256:abc');
  });

  it('quotes a plain value that would read back as another type or text', () => {
    for (const value of ['1.10', '42', 'true', 'null', '~', '0x1F', '1e3', 'a #b', 'a: b', '', '-', '*ref']) {
      expect(renderScalar(value, 'v1')).toBe(JSON.stringify(value));
    }
  });
});

describe('applyEdits', () => {
  it('applies edits on the original offsets regardless of order and refuses overlaps', () => {
    expect(applyEdits('abcdef', [{ start: 0, end: 1, text: 'X' }, { start: 4, end: 6, text: 'YZW' }])).toBe('XbcdYZW');
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow(/overlapping/);
  });
});
