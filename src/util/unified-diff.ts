/**
 * A unified diff (`diff -u` / `git diff` style) of two texts, '' when they are equal. Lines are
 * matched by a longest-common-subsequence after trimming the common head and tail, which keeps
 * it cheap for the usual case of a few changed lines in a config file.
 */
export function unifiedDiff(before: string, after: string, labels: { from: string; to: string }, context = 3, display?: LineDisplay): string {
  if (before === after) return '';
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const operations = diffLines(oldLines, newLines);
  const hunks = groupHunks(operations, context);
  const out = [`--- ${labels.from}`, `+++ ${labels.to}`];
  for (const hunk of hunks) {
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const oldStart = (hunk.find((op) => op.kind !== '+')?.oldIndex ?? firstOldIndex(hunk)) + (oldCount > 0 ? 1 : 0);
    const newStart = (hunk.find((op) => op.kind !== '-')?.newIndex ?? firstNewIndex(hunk)) + (newCount > 0 ? 1 : 0);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) out.push(`${op.kind}${displayed(op, display)}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Rewrites a line for display (masking a secret in it): `side` is the text it comes from and
 * `lineIndex` its 0-based line there. The line has no terminator and no trailing `\r`.
 */
export type LineDisplay = (side: 'before' | 'after', lineIndex: number, line: string) => string;

const NO_NEWLINE = '\n\\ No newline at end of file';

function displayed(op: Operation, display: LineDisplay | undefined): string {
  if (!display) return op.text;
  const marked = op.text.endsWith(NO_NEWLINE);
  const line = marked ? op.text.slice(0, -NO_NEWLINE.length) : op.text;
  const shown = op.kind === '+' ? display('after', op.newIndex, line) : display('before', op.oldIndex, line);
  return marked ? shown + NO_NEWLINE : shown;
}

interface Operation {
  kind: ' ' | '-' | '+';
  text: string;
  /** index in the old lines (for ' ' and '-'), or where the old side stands (for '+') */
  oldIndex: number;
  newIndex: number;
}

/** Lines without their terminators; a missing final newline is marked as `diff` does. */
function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

function diffLines(oldLines: string[], newLines: string[]): Operation[] {
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  const oldMiddle = oldLines.slice(head, oldLines.length - tail);
  const newMiddle = newLines.slice(head, newLines.length - tail);
  // lengths[i][j]: LCS length of oldMiddle[i..] and newMiddle[j..]
  const width = newMiddle.length + 1;
  const lengths = new Uint32Array((oldMiddle.length + 1) * width);
  for (let i = oldMiddle.length - 1; i >= 0; i--) {
    for (let j = newMiddle.length - 1; j >= 0; j--) {
      lengths[i * width + j] = oldMiddle[i] === newMiddle[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const operations: Operation[] = [];
  for (let index = 0; index < head; index++) operations.push({ kind: ' ', text: oldLines[index], oldIndex: index, newIndex: index });
  let i = 0;
  let j = 0;
  while (i < oldMiddle.length || j < newMiddle.length) {
    if (i < oldMiddle.length && j < newMiddle.length && oldMiddle[i] === newMiddle[j]) {
      operations.push({ kind: ' ', text: oldMiddle[i], oldIndex: head + i++, newIndex: head + j++ });
    } else if (i < oldMiddle.length && (j === newMiddle.length || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) {
      // Removals before additions on a tie, as `diff -u` prints a changed line.
      operations.push({ kind: '-', text: oldMiddle[i], oldIndex: head + i++, newIndex: head + j });
    } else {
      operations.push({ kind: '+', text: newMiddle[j], oldIndex: head + i, newIndex: head + j++ });
    }
  }
  for (let index = 0; index < tail; index++) {
    operations.push({ kind: ' ', text: oldLines[oldLines.length - tail + index], oldIndex: oldLines.length - tail + index, newIndex: newLines.length - tail + index });
  }
  return operations;
}

/** Changed lines with `context` unchanged lines around them; hunks closer than 2×context merge. */
function groupHunks(operations: Operation[], context: number): Operation[][] {
  const changed = operations.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const hunks: Operation[][] = [];
  let start = -1;
  let end = -1;
  for (const index of changed) {
    if (start >= 0 && index - context <= end + context) {
      end = index;
      continue;
    }
    if (start >= 0) hunks.push(operations.slice(Math.max(0, start - context), Math.min(operations.length, end + context + 1)));
    start = end = index;
  }
  if (start >= 0) hunks.push(operations.slice(Math.max(0, start - context), Math.min(operations.length, end + context + 1)));
  return hunks;
}

function firstOldIndex(hunk: Operation[]): number {
  return hunk[0]?.oldIndex ?? 0;
}

function firstNewIndex(hunk: Operation[]): number {
  return hunk[0]?.newIndex ?? 0;
}
