import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/util/unified-diff.js';
import { tempDir } from '../helpers.js';

const labels = { from: 'a/file.yaml', to: 'b/file.yaml' };

/** Applies a diff with the real `patch` program: the diff must turn `before` into `after`. */
function applyWithPatch(before: string, diff: string): string {
  const directory = tempDir('diff-');
  const file = path.join(directory, 'file.yaml');
  writeFileSync(file, before);
  execFileSync('patch', ['--silent', '--force', file], { input: diff });
  return readFileSync(file, 'utf8');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a: 1\n', 'a: 1\n', labels)).toBe('');
  });

  it('prints a changed line as - then + with three lines of context and a correct header', () => {
    const before = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9'].join('\n') + '\n';
    const after = before.replace('l5', 'L5');
    expect(unifiedDiff(before, after, labels)).toBe(['--- a/file.yaml', '+++ b/file.yaml', '@@ -2,7 +2,7 @@', ' l2', ' l3', ' l4', '-l5', '+L5', ' l6', ' l7', ' l8', ''].join('\n'));
  });

  it('marks a missing final newline as diff does', () => {
    expect(unifiedDiff('a\nb', 'a\nc', labels)).toBe(['--- a/file.yaml', '+++ b/file.yaml', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+c', '\\ No newline at end of file', ''].join('\n'));
  });

  it('produces diffs that `patch` applies to the exact new text (random line edits)', () => {
    const line = fc.constantFrom('a: 1', 'b: 2', '  c: x', '# note', '', 'd: [1, 2]', 'e: "q"');
    const text = fc.array(line, { maxLength: 30 }).map((lines) => (lines.length > 0 ? `${lines.join('\n')}\n` : ''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff(before, after, labels);
        if (before === after) return diff === '';
        return applyWithPatch(before, diff) === after;
      }),
      { numRuns: 60 },
    );
  });

  it('lets the caller rewrite a line for display (masking), by side and line index, marker kept', () => {
    const diff = unifiedDiff('k: secret\r\nz: 1', 'k: other\r\nz: 1', labels, 3, (side, index, line) => `${side}${index}:${line}`);
    expect(diff).toBe(['--- a/file.yaml', '+++ b/file.yaml', '@@ -1,2 +1,2 @@', '-before0:k: secret', '+after0:k: other', ' before1:z: 1', '\\ No newline at end of file', ''].join('\n'));
  });

  it('counts an insertion into an empty text from line 0 (a new file)', () => {
    expect(unifiedDiff('', 'a\n', { from: '/dev/null', to: 'b/new.yaml' })).toBe('--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1,1 @@\n+a\n');
  });
});
