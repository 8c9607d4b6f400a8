import { visibleFindings } from './text.js';
import type { Formatter } from './types.js';

/**
 * `{ summary, findings }` with the public field names of the spec, one object per run; in
 * `--staged` / `--base` mode also `allowed`, the whitelisted changes `--allow` let through.
 * `--quiet` keeps errors only.
 */
export const formatJson: Formatter = (result, context) => {
  const findings = visibleFindings(result.findings, context.quiet).map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    service: finding.service,
    env: finding.env,
    key: finding.key,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    message: finding.message,
    fixable: finding.fixable,
  }));
  const allowed = result.guard?.allowed;
  return `${JSON.stringify({ summary: result.summary, findings, ...(allowed && { allowed }) }, null, 2)}\n`;
};
