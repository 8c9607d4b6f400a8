import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve.js';
import type { GitSnapshots, GuardMode } from '../git/snapshots.js';
import { UsageError } from '../errors.js';
import type { GuardOptions, LintResult } from '../lint.js';
import { VERSION } from '../version.js';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import { useColor, writeErr, writeOut, type CliIO } from './io.js';
import type { Workspace } from './workspace.js';
import type { FormatContext } from '../format/types.js';


/** Runs one command and returns its exit code. Throws UsageError for exit 2. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseCliArgs(argv);
  if (options.help) {
    writeOut(io, HELP);
    return 0;
  }
  if (options.version) {
    writeOut(io, `${VERSION}\n`);
    return 0;
  }
  if (options.command === 'init') {
    const { runInit } = await import('../init/init.js');
    return runInit(options, io);
  }
  const guardMode = lintGuardMode(options);
  let snapshots: GitSnapshots | undefined;
  try {
    // Guarded runs read files from git, and git needs the config's root to be found.
    const gitSource =
      guardMode &&
      (async (config: ResolvedConfig) => {
        const [{ openGitSnapshots }, { gitEnvFrom }] = await Promise.all([import('../git/snapshots.js'), import('../git/command.js')]);
        snapshots = await openGitSnapshots(config.root, guardMode, gitEnvFrom(io.env, io.cwd));
        return snapshots.current;
      });
    // The engine is loaded only past --help, --version and init: those answer in a bare Node start-up.
    const { openWorkspace } = await import('./workspace.js');
    const workspace = await openWorkspace(options.cwd, io.cwd, options.config, gitSource);
    if (snapshots?.note) writeErr(io, `promote-lint: ${snapshots.note}\n`);
    if (options.command === 'list-services') {
      const { listServices } = await import('./list-services.js');
      return listServices(workspace, options, io);
    }
    if (options.command === 'images') {
      const { imagesCommand } = await import('./images.js');
      return imagesCommand(workspace, options, io);
    }
    if (options.command === 'plan') {
      const { planCommand } = await import('./plan.js');
      return planCommand(workspace, options, io);
    }
    return await lintWorkspace(workspace, options, io, snapshots && guardOptions(snapshots, options, io));
  } finally {
    snapshots?.close();
  }
}

/** `--staged`, or `--base REF` on a lint run (for `plan`, --base names what it compares with). */
function lintGuardMode(options: CliOptions): GuardMode | undefined {
  if (options.command !== 'lint') return undefined;
  if (options.staged) return { kind: 'staged' };
  return options.base === undefined ? undefined : { kind: 'base', ref: options.base };
}

async function lintWorkspace(workspace: Workspace, options: CliOptions, io: CliIO, guard: GuardOptions | undefined): Promise<number> {
  const [{ selectServices, servicesForFiles }, { credentialOnlyFiles }] = await Promise.all([import('./workspace.js'), import('../compare/overlay.js')]);
  let services = selectServices(workspace.services, options.services);
  let handedOver: string[] | undefined;
  if (options.files.length > 0) {
    const narrowed = servicesForFiles({ ...workspace, services }, options.files);
    handedOver = options.files.map((file) => path.resolve(workspace.cwd, file));
    // A file of an overlay outside every service (kustomization.yaml) is still scanned for credentials.
    const scanOnly = credentialOnlyFiles(workspace.config, narrowed.skipped.map((file) => path.resolve(workspace.cwd, file)));
    const skipped = narrowed.skipped.length - scanOnly.length;
    if (skipped > 0) writeErr(io, `promote-lint: skipped ${skipped} file(s) that belong to no service\n`);
    if (scanOnly.length > 0) writeErr(io, `promote-lint: ${scanOnly.length} file(s) outside any service: scanned for credentials only\n`);
    // Still a full report (empty), so a JSON or SARIF consumer gets a document it can parse.
    if (narrowed.services.length === 0 && scanOnly.length === 0) writeErr(io, 'promote-lint: no service among the given files; nothing to check\n');
    services = narrowed.services;
  }
  if (options.fix) {
    const { runFix } = await import('../fix/run-fix.js');
    return runFix(workspace, services, options, io, services.length !== workspace.services.length);
  }
  // Loaded here, not at the top: --help, --version and the other commands never pay for the engine.
  const { lint } = await import('../lint.js');
  const result = await lint(workspace.config, {
    services,
    source: workspace.source,
    narrowed: services.length !== workspace.services.length,
    from: options.from,
    to: options.to,
    handedOver,
    guard,
  });
  await emit(result, options, io, workspace.cwd);
  return exitCode(result, options);
}

/** `--allow` patterns and PROMOTE_LINT_ALLOW=KEY,KEY together. */
function guardOptions(snapshots: GitSnapshots, options: CliOptions, io: CliIO): GuardOptions {
  const fromEnv = (io.env.PROMOTE_LINT_ALLOW ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  return { baseline: snapshots.baseline, baselineLabel: snapshots.baselineLabel, allow: [...options.allow, ...fromEnv] };
}

export function exitCode(result: LintResult, options: Pick<CliOptions, 'maxWarnings' | 'quiet'>): number {
  if (result.summary.errors > 0) return 1;
  if (!options.quiet && options.maxWarnings >= 0 && result.summary.warnings > options.maxWarnings) return 1;
  return 0;
}

async function emit(result: LintResult, options: CliOptions, io: CliIO, cwd: string): Promise<void> {
  const context: FormatContext = {
    color: options.output ? false : useColor(io, options.noColor),
    quiet: options.quiet,
    showExpected: options.showExpected,
    maxWarnings: options.maxWarnings,
  };
  const view = options.format === 'stylish' && (options.diffOnly || options.showExpected) ? 'matrix' : options.format;
  const formatter = await loadFormatter(view);
  const text = formatter(result, context);
  if (options.output) {
    const { redactSecrets } = await import('../report/mask.js');
    const { writeFileAtomic } = await import('../util/write-atomic.js');
    // A path the user gave that cannot be written is their error, not a bug; a killed run leaves no half report.
    await writeFileAtomic(path.resolve(cwd, options.output), redactSecrets(text)).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--output: cannot write ${options.output} (${error.code ?? error.message})`);
    });
    writeOut(io, `promote-lint: wrote ${options.output} (${result.summary.errors} errors, ${result.summary.warnings} warnings)\n`);
  } else {
    writeOut(io, text);
  }
}

/** Formatters are loaded only when used: start-up time matters in a commit hook. */
async function loadFormatter(name: string) {
  switch (name) {
    case 'json':
      return (await import('../format/json.js')).formatJson;
    case 'matrix':
      return (await import('../format/matrix.js')).formatMatrix;
    case 'sarif':
      return (await import('../format/sarif.js')).formatSarif;
    case 'github':
      return (await import('../format/github.js')).formatGithub;
    case 'gitlab':
      return (await import('../format/gitlab.js')).formatGitlab;
    default:
      return (await import('../format/stylish.js')).formatStylish;
  }
}
