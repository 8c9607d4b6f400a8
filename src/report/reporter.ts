import type { ResolvedConfig } from '../config/resolve.js';
import type { Severity } from '../config/types.js';
import type { FindingPlace, Report, Rule } from '../rules/types.js';
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
      const { file, start, end } = locate(report.place);
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

/** A place becomes a repository-relative file and 1-based line:column here, and nowhere else. */
export function locate(place: FindingPlace): { file: string; start: { line: number; column: number }; end: { line: number; column: number } } {
  if (!('envFile' in place)) return { file: place.file, start: { line: place.line, column: place.column }, end: { line: place.line, column: place.column } };
  const parsed = place.envFile.parsed;
  if (!parsed) return { file: place.envFile.repoPath, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return {
    file: place.envFile.repoPath,
    start: parsed.position(place.offset),
    end: parsed.position(Math.max(place.offset, place.endOffset ?? place.offset)),
  };
}
