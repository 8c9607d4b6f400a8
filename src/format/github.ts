import type { Finding } from '../report/finding.js';
import { formatStylish } from './stylish.js';
import { visibleFindings } from './text.js';
import type { Formatter } from './types.js';

/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding, shown on
 * the pull request's diff. GitHub displays only 10 errors and 10 warnings per step, so the
 * normal report follows, complete, in the log.
 */
export const formatGithub: Formatter = (result, context) => {
  const annotations = visibleFindings(result.findings, context.quiet).map(annotation);
  return `${annotations.map((line) => `${line}\n`).join('')}${formatStylish(result, context)}`;
};

export function annotation(finding: Finding): string {
  const properties: Array<[string, string | number]> = [];
  if (finding.file) properties.push(['file', finding.file]);
  if (finding.line > 0) {
    properties.push(['line', finding.line], ['col', finding.column]);
    const hasRange = finding.endLine > finding.line || (finding.endLine === finding.line && finding.endColumn > finding.column);
    if (hasRange) properties.push(['endLine', finding.endLine], ['endColumn', finding.endColumn]);
  }
  properties.push(['title', `promote-lint ${finding.ruleId}${finding.env ? ` (${finding.env})` : ''}`]);
  const command = finding.severity === 'error' ? 'error' : 'warning';
  const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${command} ${rendered}::${escapeData(finding.message)}`;
}

/** The toolkit's rules (@actions/core): the message may not break the line or start an escape. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Properties are separated by `,` and end at `::`, so those two are escaped as well. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
