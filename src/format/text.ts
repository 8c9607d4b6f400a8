import { styleText } from 'node:util';
import type { LintResult } from '../lint.js';
import type { Finding } from '../report/finding.js';

type Style = Parameters<typeof styleText>[0];

export function paint(enabled: boolean, style: Style, text: string): string {
  return enabled ? styleText(style, text) : text;
}

/** What the run looked at, so a clean run never passes silently. */
export function checkedLine(result: LintResult): string {
  // Every environment's copy is read (parse errors anywhere count), and a file two entries share is one file.
  const envFiles = result.files.flatMap((file) => [...file.byEnv.values()]);
  const fileCount = new Set(envFiles.filter((envFile) => envFile.exists).map((envFile) => envFile.absolutePath)).size;
  const envCount = new Set([...result.envNames, ...envFiles.map((envFile) => envFile.env.name)]).size;
  const [source, ...targets] = result.envNames;
  const services = result.services.length;
  return `checked ${services} service${services === 1 ? '' : 's'} × ${envCount} environments (${fileCount} files), ${source} → ${targets.join(', ')}`;
}

/** The seed's summary line, then the counts. */
export function summaryLines(result: LintResult, color: boolean): string[] {
  const { different, expected, missing, errors, warnings } = result.summary;
  const lines = [`different: ${different} | whitelisted (expected): ${expected} | partially missing: ${missing}`];
  const problems = errors + warnings;
  const counts = `${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  if (problems === 0) lines.push(paint(color, 'green', '✔ no problems'));
  else lines.push(paint(color, errors > 0 ? 'red' : 'yellow', `✖ ${counts}`));
  return lines;
}

export function visibleFindings(findings: readonly Finding[], quiet: boolean): Finding[] {
  return quiet ? findings.filter((finding) => finding.severity === 'error') : [...findings];
}

/** Findings grouped by file, ESLint style: `  line:col  severity  message  rule-id`. */
export function findingBlocks(findings: readonly Finding[], color: boolean): string[] {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = finding.file;
      lines.push(paint(color, 'underline', finding.file));
    }
    const position = `${finding.line}:${finding.column}`.padEnd(8);
    const severity = finding.severity === 'error' ? paint(color, 'red', 'error  ') : paint(color, 'yellow', 'warning');
    lines.push(`  ${position} ${severity}  ${finding.message}  ${paint(color, 'dim', finding.ruleId)}`);
  }
  return lines;
}

/**
 * In `--staged` / `--base` mode: what the whitelisted values were guarded against, and every
 * change that `--allow` let through, so a deliberate change is visible in the commit's output.
 */
export function guardLines(result: LintResult, color: boolean): string[] {
  if (!result.guard) return [];
  const { baselineLabel, allowed } = result.guard;
  const lines = allowed.map((change) => `  ${change.file}:${change.line}:${change.column}  ${change.message}  ${paint(color, 'dim', `(allowed: ${change.allowedBy})`)}`);
  const head = `whitelisted values of live environments guarded against ${baselineLabel}`;
  if (allowed.length === 0) return [head];
  return [`${head}; ${allowed.length} allowed change${allowed.length === 1 ? '' : 's'}:`, ...lines];
}
