/** Line arithmetic on LF text: every offset helper the layout code needs, in one place. */

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line's `\n` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** The start of the next line, or the end of the text when this is the last line. */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Spaces at the start of the line that begins at `start`. */
export function indentAt(text: string, start: number): number {
  let index = start;
  while (text[index] === ' ') index++;
  return index - start;
}

/** Only spaces between the start of its line and `offset`: the node begins its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStart(text, offset), offset));
}

/**
 * Where the comment lines directly above a line begin. A comment written right above a key at the
 * key's own indentation describes that key, so it travels with it (copied on insert, removed on
 * prune); a blank line or another indentation ends the run.
 */
export function leadingCommentStart(text: string, start: number): number {
  const indent = indentAt(text, start);
  let first = start;
  while (first > 0) {
    const previous = lineStart(text, first - 1);
    const line = text.slice(previous, first - 1);
    if (!/^ *#/.test(line) || indentAt(text, previous) !== indent) break;
    first = previous;
  }
  return first;
}

/** The last offset before `end` that is not a line break or a space (for a node's last line). */
export function lastContentOffset(text: string, end: number): number {
  let index = end - 1;
  while (index > 0 && (text[index] === '\n' || text[index] === ' ' || text[index] === '\r')) index--;
  return Math.max(index, 0);
}

export function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}
