import { classifyKey, type KeyStatus } from '../compare/summary.js';
import { displayValue } from '../report/mask.js';
import { checkedLine, findingBlocks, guardLines, paint, summaryLines, visibleFindings } from './text.js';
import type { Formatter } from './types.js';

const MARKS: Record<Exclude<KeyStatus, 'same'>, string> = { different: '≠', expected: '~', missing: '?' };
/** drift and missing-key are what the matrix shows; every other finding is listed under it. */
const SHOWN_AS_ROWS = new Set(['drift', 'missing-key']);

/**
 * The seed script's `--diff-only` view: per service, every key that differs or is partially
 * missing, one column per environment. Whitelisted rows (masked) appear with `--show-expected`.
 */
export const formatMatrix: Formatter = (result, context) => {
  const lines: string[] = [];
  for (const file of result.files) {
    const comparable = (env: string) => file.byEnv.get(env)?.flat !== undefined;
    const rows = file.keys
      .map((key) => ({ key, status: classifyKey(key, result.envNames, comparable) }))
      .filter(({ status }) => status === 'different' || status === 'missing' || (status === 'expected' && context.showExpected));
    if (rows.length === 0) continue;
    const table = rows.map(({ key, status }) => [
      `${MARKS[status as keyof typeof MARKS]} ${key.keyPath}`,
      ...result.envNames.map((env) => clip(displayValue(key.leaves.get(env)?.value, key.whitelistEntry !== undefined))),
    ]);
    const header = ['  key', ...result.envNames];
    // Values are clipped; key paths are not, so their column is as wide as the longest one.
    const widths = header.map((cell, column) => Math.max(cell.length, ...table.map((row) => row[column].length)));
    const render = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd();
    lines.push(paint(context.color, 'bold', `${file.service.name}  ${file.fileId}`), paint(context.color, 'dim', render(header)));
    table.forEach((row, index) => {
      const style = rows[index].status === 'different' ? 'red' : rows[index].status === 'missing' ? 'yellow' : 'blue';
      lines.push(paint(context.color, style, render(row)));
    });
    lines.push('');
  }
  if (lines.length === 0) lines.push('no differences outside the whitelist', '');
  const others = findingBlocks(visibleFindings(result.findings, context.quiet).filter((finding) => !SHOWN_AS_ROWS.has(finding.ruleId)), context.color);
  if (others.length > 0) lines.push(...others, '');
  lines.push(`legend: ${MARKS.different} different  ${MARKS.missing} partially missing  ${MARKS.expected} whitelisted (expected)`);
  lines.push(...guardLines(result, context.color), checkedLine(result), ...summaryLines(result, context.color));
  return `${lines.join('\n')}\n`;
};

function clip(cell: string): string {
  return cell.length > 40 ? `${cell.slice(0, 39)}…` : cell;
}
