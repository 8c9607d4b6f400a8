/**
 * A fix is a replacement of a range of the original text, ESLint style. Edits are applied in
 * order of position; one that overlaps an edit already applied is skipped (its key stays as it
 * is for this pass, and the next pass plans it again on the new text).
 */
export interface TextEdit {
  range: [number, number];
  text: string;
  /** the key the edit is for, for reports */
  keyPath: string;
  /** overrides a value the target reaches through an alias or a merge key: planned last */
  override?: boolean;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((left, right) => left.edit.range[0] - right.edit.range[0] || left.edit.range[1] - right.edit.range[1] || left.index - right.index);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let output = '';
  let position = 0;
  let lastEnd = -1;
  for (const { edit } of ordered) {
    const [start, end] = edit.range;
    // Edits that only touch are fine (an insertion right before a removal); an overlap is not.
    if (start < lastEnd) {
      skipped.push(edit);
      continue;
    }
    output += text.slice(position, start) + edit.text;
    position = end;
    lastEnd = end;
    applied.push(edit);
  }
  return { text: output + text.slice(position), applied, skipped };
}
