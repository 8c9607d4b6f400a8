import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/fix/edits.js';

describe('applyEdits (ESLint-style fixes on the original text)', () => {
  it('applies edits in order of position whatever order they come in', () => {
    const result = applyEdits('a: 1\nb: 2\n', [
      { range: [8, 9], text: '20', keyPath: 'b' },
      { range: [3, 4], text: '10', keyPath: 'a' },
    ]);
    expect(result.text).toBe('a: 10\nb: 20\n');
  });

  it('skips an edit that overlaps one already applied; touching edits both apply', () => {
    const result = applyEdits('abcdef', [
      { range: [1, 4], text: 'X', keyPath: 'first' },
      { range: [2, 3], text: 'Y', keyPath: 'inside' },
      { range: [4, 4], text: '+', keyPath: 'touching' },
    ]);
    expect(result.text).toBe('aX+ef');
    expect(result.skipped.map((edit) => edit.keyPath)).toEqual(['inside']);
  });

  it('keeps insertions at the same place in the order they were planned', () => {
    expect(applyEdits('ab', [{ range: [1, 1], text: '1', keyPath: 'x' }, { range: [1, 1], text: '2', keyPath: 'y' }]).text).toBe('a12b');
  });
});
