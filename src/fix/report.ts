import type { Environment } from '../config/resolve.js';
import { formatJson } from '../format/json.js';
import { checkedLine, findingBlocks, paint, summaryLines, visibleFindings } from '../format/text.js';
import type { FormatContext } from '../format/types.js';
import type { LintResult } from '../lint.js';
import type { TargetOutcome } from './fix-file.js';

/** Everything a --fix run did, for the report: pure data, formatted below. */
export interface FixReport {
  source: Environment;
  targets: Environment[];
  outcomes: TargetOutcome[];
  dryRun: boolean;
  written: string[];
  failures: Array<{ repoPath: string; message: string }>;
  /** the check run again on the fixed files (in memory for --dry-run) */
  after: LintResult;
  commitMessage: string;
  steps: string[];
  diffs: Map<string, string>;
}

/** The human report: per file and environment what was synced, kept, left; then what to do next. */
export function formatFixText(report: FixReport, context: FormatContext): string {
  const { color } = context;
  const lines = [paint(color, 'bold', `promote-lint --fix${report.dryRun ? ' --dry-run' : ''}: ${report.source.name} → ${report.targets.map((env) => env.name).join(', ')}`), ''];
  const width = Math.max(...report.targets.map((env) => env.name.length));
  const byFile = new Map<string, TargetOutcome[]>();
  for (const outcome of report.outcomes) byFile.set(`${outcome.service}  ${outcome.fileId}`, [...(byFile.get(`${outcome.service}  ${outcome.fileId}`) ?? []), outcome]);
  for (const [title, outcomes] of byFile) {
    lines.push(paint(color, 'underline', title));
    for (const outcome of outcomes) {
      const head = `  ${outcome.env.name.padEnd(width)}  `;
      const more = ' '.repeat(head.length);
      if (outcome.skipped) lines.push(`${head}${paint(color, 'yellow', `skipped: ${outcome.skipped}`)}`);
      else if (outcome.changed && outcome.created) lines.push(`${head}created from the source`);
      else if (outcome.changed) {
        if (outcome.synced.length > 0 || outcome.removed.length === 0) lines.push(`${head}synced: ${outcome.synced.join(', ')}`);
        if (outcome.removed.length > 0) lines.push(`${outcome.synced.length > 0 ? more : head}removed: ${outcome.removed.join(', ')}`);
      } else lines.push(`${head}already in sync`);
      const notCopied = outcome.omitted.filter((omitted) => omitted.reason === 'whitelisted').map((omitted) => omitted.keyPath);
      if (notCopied.length > 0) lines.push(`${more}not copied (whitelisted, fill in by hand): ${notCopied.join(', ')}`);
      if (outcome.kept.length > 0) lines.push(`${more}whitelisted, kept as they are: ${outcome.kept.join(', ')}`);
      for (const omitted of outcome.omitted.filter((entry) => entry.reason === 'credential')) lines.push(`${more}${paint(color, 'red', `not copied: ${omitted.keyPath} — ${omitted.detail}`)}`);
      for (const blocked of outcome.blocked) lines.push(`${more}${paint(color, 'yellow', `left for a person: ${blocked.keyPath || outcome.fileId} — ${blocked.reason}`)}`);
    }
  }
  lines.push('');
  const changed = report.outcomes.filter((outcome) => outcome.changed);
  if (report.dryRun) lines.push(changed.length > 0 ? `dry run: ${plural(changed.length, 'file')} would change; nothing written` : 'dry run: nothing would change');
  else if (report.written.length > 0) lines.push(`wrote ${plural(report.written.length, 'file')}: ${report.written.join(', ')}`);
  else lines.push('nothing written: the targets already match the source');
  for (const failure of report.failures) lines.push(paint(color, 'red', `could not write ${failure.repoPath}: ${failure.message}`));
  const remaining = findingBlocks(visibleFindings(report.after.findings, context.quiet), color);
  if (remaining.length > 0) lines.push('', paint(color, 'bold', 'left after the fix:'), ...remaining);
  if (changed.length > 0) {
    lines.push('', paint(color, 'bold', 'suggested commit message:'), ...report.commitMessage.split('\n').map((line) => (line ? `  ${line}` : '')));
    lines.push('', paint(color, 'bold', 'next steps (printed only; promote-lint never runs them):'), ...report.steps.map((step) => (step ? `  ${step}` : '')));
  }
  lines.push('', checkedLine(report.after), ...summaryLines(report.after, color));
  return `${lines.join('\n')}\n`;
}

/** The JSON report: the usual `{ summary, findings }` of the re-check, plus a `fix` section. */
export function formatFixJson(report: FixReport, context: FormatContext): string {
  const base = JSON.parse(formatJson(report.after, context)) as Record<string, unknown>;
  const fix = {
    dryRun: report.dryRun,
    from: report.source.name,
    to: report.targets.map((env) => env.name),
    files: report.outcomes.map((outcome) => ({
      service: outcome.service,
      file: outcome.repoPath,
      env: outcome.env.name,
      changed: outcome.changed,
      created: outcome.created,
      skipped: outcome.skipped ?? null,
      synced: outcome.synced,
      removed: outcome.removed,
      kept: outcome.kept,
      notCopied: outcome.omitted,
      leftForAPerson: outcome.blocked,
      ...(report.dryRun && report.diffs.has(outcome.repoPath) ? { diff: report.diffs.get(outcome.repoPath) } : {}),
    })),
    written: report.written,
    failures: report.failures,
    commitMessage: report.commitMessage,
    nextSteps: report.steps,
  };
  return `${JSON.stringify({ ...base, fix }, null, 2)}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
