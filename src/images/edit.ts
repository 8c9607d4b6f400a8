import { parse } from 'yaml';

/** A replacement of `text.slice(start, end)`, ESLint style: ranges on the original text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits from the end backwards, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((left, right) => right.start - left.start);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error(`overlapping edits at offset ${edit.start}`);
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}

/**
 * A string value written in the target's quoting style: `"…"` stays double-quoted, `'…'` single,
 * and a plain scalar stays plain unless plain would read back as something else (`1.10` is a
 * number, `true` a boolean), in which case it is double-quoted.
 */
export function renderScalar(value: string, styleOf: string): string {
  if (styleOf.startsWith('"')) return JSON.stringify(value);
  if (styleOf.startsWith("'")) return `'${value.replaceAll("'", "''")}'`;
  return readsBackAsPlain(value) ? value : JSON.stringify(value);
}

function readsBackAsPlain(value: string): boolean {
  if (!/^[A-Za-z0-9_@][\w@.:+/-]*$/.test(value)) return false;
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line's newline (or the end of the text on a last line without one). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The key starts its own line (only spaces before it): it is not the `- name:` of a list item or inside a flow map. */
export function keyOwnsLine(text: string, keyStart: number): boolean {
  return /^ *$/.test(text.slice(lineStartOf(text, keyStart), keyStart));
}

/** Nothing but spaces and an optional comment after the value on its line. */
export function valueEndsLine(text: string, valueEnd: number): boolean {
  const rest = text.slice(valueEnd, nextLineStart(text, valueEnd));
  return /^[ \t]*(#.*)?\r?\n?$/.test(rest);
}

/** The line ending the file uses, so an inserted line matches its neighbours. */
export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
