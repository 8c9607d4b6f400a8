import { describe, expect, it } from 'vitest';
import { diffOps, unifiedDiff } from '../../src/fix/diff.js';

const lines = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}\n`).join('');

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', { fromName: 'a/x', toName: 'b/x' })).toBe('');
  });

  it('prints a hunk with three lines of context, as diff -u does', () => {
    const before = lines(10);
    const after = before.replace('line 5\n', 'line five\n');
    expect(unifiedDiff(before, after, { fromName: 'a/f.yaml', toName: 'b/f.yaml' })).toBe(
      ['--- a/f.yaml', '+++ b/f.yaml', '@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', ' line 8', ''].join('\n'),
    );
  });

  it('keeps distant changes in separate hunks and joins close ones', () => {
    const before = lines(20);
    const after = before.replace('line 2\n', 'two\n').replace('line 18\n', 'eighteen\n');
    const diff = unifiedDiff(before, after, { fromName: 'a', toName: 'b' });
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    const close = unifiedDiff(before, before.replace('line 5\n', 'five\n').replace('line 9\n', 'nine\n'), { fromName: 'a', toName: 'b' });
    expect(close.match(/^@@ .* @@$/gm)).toEqual(['@@ -2,11 +2,11 @@']);
  });

  it('counts an insertion into an empty text from line 0', () => {
    expect(unifiedDiff('', 'a\n', { fromName: '/dev/null', toName: 'b/new.yaml' })).toBe('--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1 @@\n+a\n');
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('a\nb', 'a\nc', { fromName: 'a', toName: 'b' })).toBe('--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('shows CRLF lines without the carriage return, and lets the caller mask a line', () => {
    const diff = unifiedDiff('k: secret\r\n', 'k: other\r\n', { fromName: 'a', toName: 'b', display: (side, start, line) => `${side}@${start}:${line}` });
    expect(diff).toContain('-before@0:k: secret\n+after@0:k: other\n');
  });

  it('finds a shortest edit script', () => {
    const left = 'a b c a b b a'.split(' ');
    const right = 'c b a b a c'.split(' ');
    const ops = diffOps(left, right);
    expect(ops.filter((op) => op.kind !== ' ')).toHaveLength(5);
    expect(ops.filter((op) => op.kind !== '+').map((op) => left[op.before!])).toEqual(left);
    expect(ops.filter((op) => op.kind !== '-').map((op) => right[op.after!])).toEqual(right);
  });
});
