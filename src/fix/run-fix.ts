import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Environment, ResolvedConfig } from '../config/resolve.js';
import { readSnapshot } from '../compare/snapshot.js';
import { UsageError } from '../errors.js';
import { lint, type LintResult } from '../lint.js';
import type { Service } from '../read/discover.js';
import { isInside } from '../read/source.js';
import type { CliOptions } from '../cli/args.js';
import { useColor, writeOut, type CliIO } from '../cli/io.js';
import type { FormatContext } from '../format/types.js';
import type { Workspace } from '../cli/workspace.js';
import { unifiedDiff } from '../util/unified-diff.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { maskingDisplay } from './diff-mask.js';
import { fixComparedFile, type TargetOutcome } from './fix-file.js';
import { commitMessage, deploySteps } from './next-steps.js';
import { overlaySource } from './overlay-source.js';
import { formatFixJson, formatFixText, type FixReport } from './report.js';

/**
 * `promote-lint --fix [--dry-run] [--prune]`: fixes every service file along the config promotion
 * path, writes the changed files atomically (or prints their diffs), checks again, and reports.
 * Exit 1 when errors remain that the fix cannot fix.
 */
export async function runFix(workspace: Workspace, services: Service[], options: CliOptions, io: CliIO, narrowed: boolean): Promise<number> {
  const { config } = workspace;
  const { source, targets } = promotionPath(config, options.from, options.to);
  const files = await readSnapshot(config, services, workspace.source);
  const outcomes = files.flatMap((file) => fixComparedFile(config, file, source, targets, { prune: options.prune }));
  const changed = outcomes.filter((outcome) => outcome.changed);
  const written: string[] = [];
  const failures: FixReport['failures'] = [];
  if (!options.dryRun) {
    for (const outcome of changed) {
      try {
        await writeTarget(config, outcome);
        written.push(outcome.repoPath);
      } catch (error) {
        failures.push({ repoPath: outcome.repoPath, message: (error as Error).message });
      }
    }
  }
  const landed = changed.filter((outcome) => options.dryRun || written.includes(outcome.repoPath));
  const after = await lint(config, { services, source: overlaySource(workspace.source, new Map(landed.map((outcome) => [outcome.absolutePath, outcome.after]))), narrowed, from: options.from, to: options.to });
  const diffs = new Map(options.dryRun ? changed.map((outcome) => [outcome.repoPath, diffOf(config, outcome)]) : []);
  const report: FixReport = {
    source,
    targets,
    outcomes,
    dryRun: options.dryRun,
    written,
    failures,
    after,
    commitMessage: commitMessage(source, targets, outcomes, config.whitelist),
    steps: deploySteps(targets, landed),
    diffs,
  };
  const context = { color: options.output ? false : useColor(io, options.noColor), quiet: options.quiet, showExpected: false, maxWarnings: options.maxWarnings };
  const text = await renderReport(report, options, context);
  if (options.output) {
    const { redactSecrets } = await import('../report/mask.js');
    await fs.writeFile(path.resolve(workspace.cwd, options.output), redactSecrets(text));
    writeOut(io, `promote-lint: wrote ${options.output} (${after.summary.errors} errors, ${after.summary.warnings} warnings)\n`);
  } else writeOut(io, text);
  return failures.length > 0 ? 1 : remainingExitCode(after, options);
}

/**
 * Human output tells the whole story; JSON adds a `fix` section to the usual document; the CI
 * formats (SARIF, GitHub, GitLab) carry what is left after the fix, as a lint run would.
 */
async function renderReport(report: FixReport, options: CliOptions, context: FormatContext): Promise<string> {
  switch (options.format) {
    case 'json':
      return formatFixJson(report, context);
    case 'sarif':
      return (await import('../format/sarif.js')).formatSarif(report.after, context);
    case 'github':
      return (await import('../format/github.js')).formatGithub(report.after, context);
    case 'gitlab':
      return (await import('../format/gitlab.js')).formatGitlab(report.after, context);
    default:
      return [...report.diffs.values()].join('') + (report.diffs.size > 0 ? '\n' : '') + formatFixText(report, context);
  }
}

function remainingExitCode(result: LintResult, options: Pick<CliOptions, 'maxWarnings' | 'quiet'>): number {
  if (result.summary.errors > 0) return 1;
  if (!options.quiet && options.maxWarnings >= 0 && result.summary.warnings > options.maxWarnings) return 1;
  return 0;
}

function promotionPath(config: ResolvedConfig, from: string | undefined, to: string[] | undefined): { source: Environment; targets: Environment[] } {
  const environment = (name: string) => {
    const found = config.environments.find((env) => env.name === name);
    if (!found) throw new UsageError(`unknown environment "${name}" (known: ${config.environments.map((env) => env.name).join(', ')})`);
    return found;
  };
  const source = environment(from ?? config.configPromotion.from);
  const targets = (to ?? config.configPromotion.to).map(environment).filter((env) => env.name !== source.name);
  if (targets.length === 0) throw new UsageError('no target environment to fix');
  return { source, targets };
}

/** The diff of one fixed file, whitelisted values in its context lines masked. */
function diffOf(config: ResolvedConfig, outcome: TargetOutcome): string {
  const labels = { from: outcome.created ? '/dev/null' : `a/${outcome.repoPath}`, to: `b/${outcome.repoPath}` };
  return unifiedDiff(outcome.before, outcome.after, labels, 3, maskingDisplay(config, outcome.before, outcome.after));
}

/**
 * Writes one fixed file, refusing anything outside the configured root (a link included) and a
 * file that changed on disk since it was read (someone else is editing it).
 */
async function writeTarget(config: ResolvedConfig, outcome: TargetOutcome): Promise<void> {
  const realRoot = await fs.realpath(config.root);
  if (!isInside(config.root, outcome.absolutePath)) throw new Error('outside the configured root; not written');
  let destination = outcome.absolutePath;
  if (outcome.created) {
    let existing = path.dirname(destination);
    while (!(await exists(existing))) existing = path.dirname(existing);
    if (!isInside(realRoot, await fs.realpath(existing))) throw new Error('its directory leads outside the configured root; not written');
    await fs.mkdir(path.dirname(destination), { recursive: true });
    if (!isInside(realRoot, await fs.realpath(path.dirname(destination)))) throw new Error('its directory leads outside the configured root; not written');
    if (await exists(destination)) throw new Error('appeared on disk while promote-lint ran; not overwritten');
  } else {
    destination = await fs.realpath(destination);
    if (!isInside(realRoot, destination)) throw new Error('is a link to a place outside the configured root; not written');
    if ((await fs.readFile(destination, 'utf8')) !== outcome.before) throw new Error('changed on disk while promote-lint ran; not overwritten');
  }
  await writeFileAtomic(destination, outcome.after);
}

async function exists(filePath: string): Promise<boolean> {
  return fs.stat(filePath).then(
    () => true,
    () => false,
  );
}
