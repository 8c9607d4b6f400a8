/**
 * A unified diff of two texts, line by line (Myers' O(ND) algorithm), with three lines of
 * context, as `diff -u` and `git diff` print it. Lines are compared with their line endings.
 */
export interface DiffOptions {
  fromName: string;
  toName: string;
  context?: number;
  /** rewrites a line for display (masking); `side` is the text the line comes from */
  display?: (side: 'before' | 'after', lineStart: number, line: string) => string;
}

interface Line {
  text: string;
  start: number;
  hasNewline: boolean;
}

type Op = { kind: ' ' | '-' | '+'; before?: number; after?: number };

export function unifiedDiff(before: string, after: string, options: DiffOptions): string {
  const left = splitLines(before);
  const right = splitLines(after);
  const ops = diffOps(left.map((line) => line.text + (line.hasNewline ? '\n' : '')), right.map((line) => line.text + (line.hasNewline ? '\n' : '')));
  if (ops.every((op) => op.kind === ' ')) return '';
  const context = options.context ?? 3;
  const show = (side: 'before' | 'after', line: Line) => {
    const text = line.text.replace(/\r$/, '');
    return options.display ? options.display(side, line.start, text) : text;
  };
  const output = [`--- ${options.fromName}`, `+++ ${options.toName}`];
  for (const [first, last] of hunkRanges(ops, context)) {
    const slice = ops.slice(first, last + 1);
    const beforeLines = slice.filter((op) => op.kind !== '+');
    const afterLines = slice.filter((op) => op.kind !== '-');
    const beforeStart = (beforeLines[0]?.before ?? precedingIndex(ops, first, 'before')) + (beforeLines.length > 0 ? 1 : 0);
    const afterStart = (afterLines[0]?.after ?? precedingIndex(ops, first, 'after')) + (afterLines.length > 0 ? 1 : 0);
    output.push(`@@ -${range(beforeStart, beforeLines.length)} +${range(afterStart, afterLines.length)} @@`);
    for (const op of slice) {
      const line = op.kind === '+' ? right[op.after!] : left[op.before!];
      output.push(`${op.kind}${show(op.kind === '+' ? 'after' : 'before', line)}`);
      if (!line.hasNewline) output.push('\\ No newline at end of file');
    }
  }
  return `${output.join('\n')}\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

function precedingIndex(ops: Op[], index: number, side: 'before' | 'after'): number {
  for (let position = index - 1; position >= 0; position--) {
    const value = ops[position][side];
    if (value !== undefined) return value + 1;
  }
  return 0;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ text: text.slice(start), start, hasNewline: false });
      break;
    }
    lines.push({ text: text.slice(start, newline), start, hasNewline: true });
    start = newline + 1;
  }
  return lines;
}

/** Changed operations with `context` lines around them, merged when they come close. */
function hunkRanges(ops: Op[], context: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    const first = Math.max(0, index - context);
    const last = Math.min(ops.length - 1, index + context);
    const previous = ranges[ranges.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else ranges.push([first, last]);
  });
  return ranges;
}

/** Myers' shortest edit script between two line lists. */
export function diffOps(left: readonly string[], right: readonly string[]): Op[] {
  const total = left.length + right.length;
  const offset = total + 1;
  let frontier = new Array<number>(2 * total + 3).fill(0);
  const trace: number[][] = [];
  search: for (let distance = 0; distance <= total; distance++) {
    trace.push(frontier.slice());
    const next = frontier.slice();
    for (let diagonal = -distance; diagonal <= distance; diagonal += 2) {
      let x = diagonal === -distance || (diagonal !== distance && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1]) ? frontier[offset + diagonal + 1] : frontier[offset + diagonal - 1] + 1;
      let y = x - diagonal;
      while (x < left.length && y < right.length && left[x] === right[y]) {
        x++;
        y++;
      }
      next[offset + diagonal] = x;
      if (x >= left.length && y >= right.length) {
        trace.push(next);
        break search;
      }
    }
    frontier = next;
  }
  const ops: Op[] = [];
  let x = left.length;
  let y = right.length;
  for (let distance = trace.length - 2; distance >= 0; distance--) {
    const previous = trace[distance];
    const diagonal = x - y;
    const down = diagonal === -distance || (diagonal !== distance && previous[offset + diagonal - 1] < previous[offset + diagonal + 1]);
    const previousDiagonal = down ? diagonal + 1 : diagonal - 1;
    const previousX = previous[offset + previousDiagonal];
    const previousY = previousX - previousDiagonal;
    while (x > previousX && y > previousY) ops.push({ kind: ' ', before: --x, after: --y });
    if (distance > 0) {
      if (down) ops.push({ kind: '+', after: --y });
      else ops.push({ kind: '-', before: --x });
    }
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', before: --x, after: --y });
  return ops.reverse();
}
