import type { ResolvedConfig } from '../config/resolve.js';
import type { Severity } from '../config/types.js';
import type { Report, Rule } from '../rules/types.js';
import type { Finding } from './finding.js';
import { redactSecrets } from './mask.js';

/**
 * The single road from a rule to a Finding: severity comes from the config (never the rule),
 * offsets become line:column here, a fix is refused from a rule that did not declare itself
 * fixable, and the message is redacted once more in case a rule forgot.
 */
export function createReporter(config: ResolvedConfig, findings: Finding[]) {
  return (rule: Rule) => {
    const severity: Severity = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    return (report: Report) => {
      if (severity === 'off') return;
      const place = report.place;
      let file: string;
      let start: { line: number; column: number };
      let end: { line: number; column: number };
      if ('envFile' in place) {
        file = place.envFile.repoPath;
        const parsed = place.envFile.parsed;
        if (parsed) {
          start = parsed.position(place.offset);
          end = parsed.position(Math.max(place.offset, place.endOffset ?? place.offset));
        } else start = end = { line: 1, column: 1 };
      } else {
        file = place.file;
        start = end = { line: place.line, column: place.column };
      }
      findings.push({
        ruleId: rule.meta.id,
        severity: severity === 'error' ? 'error' : 'warning',
        service: report.service,
        env: report.env,
        key: report.key,
        file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        message: redactSecrets(report.message),
        fixable: rule.meta.fixable && report.fixable === true,
      });
    };
  };
}
