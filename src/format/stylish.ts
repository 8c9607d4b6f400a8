import type { Formatter } from './types.js';
import { checkedLine, findingBlocks, guardLines, summaryLines, visibleFindings } from './text.js';

/** The human report: findings by file, what was checked, the seed's summary line, the counts. */
export const formatStylish: Formatter = (result, context) => {
  const blocks = findingBlocks(visibleFindings(result.findings, context.quiet), context.color);
  const lines = blocks.length > 0 ? [...blocks, ''] : [];
  lines.push(...guardLines(result, context.color), checkedLine(result), ...summaryLines(result, context.color));
  return `${lines.join('\n')}\n`;
};
