/**
 * Offset → 1-based line and column, with exactly the answers of yaml's LineCounter (which the
 * full parser uses), but built lazily: most files never need a position because they have no
 * finding.
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
    }
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lineStarts[middle] < offset) low = middle + 1;
      else high = middle;
    }
    if (lineStarts[low] === offset) return { line: low + 1, column: 1 };
    if (low === 0) return { line: 0, column: offset };
    return { line: low, column: offset - lineStarts[low - 1] + 1 };
  };
}
