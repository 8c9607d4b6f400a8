import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from '../lint.js';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import { useColor, writeErr, writeOut, type CliIO } from './io.js';
import { openWorkspace, selectServices, servicesForFiles } from './workspace.js';
import type { FormatContext } from '../format/types.js';

export const VERSION = '0.1.0';

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
  const workspace = await openWorkspace(options.cwd, io.cwd, options.config);
  if (options.command === 'list-services') {
    const { listServices } = await import('./list-services.js');
    return listServices(workspace, options, io);
  }
  let services = selectServices(workspace.services, options.services);
  if (options.files.length > 0) {
    const narrowed = servicesForFiles({ ...workspace, services }, options.files);
    if (narrowed.skipped.length > 0) writeErr(io, `promote-lint: skipped ${narrowed.skipped.length} file(s) that belong to no service\n`);
    if (narrowed.services.length === 0) {
      writeOut(io, 'promote-lint: no service among the given files; nothing to check\n');
      return 0;
    }
    services = narrowed.services;
  }
  // Loaded here, not at the top: --help, --version and list-services never pay for the engine.
  const { lint } = await import('../lint.js');
  const result = await lint(workspace.config, {
    services,
    source: workspace.source,
    narrowed: services.length !== workspace.services.length,
    from: options.from,
    to: options.to,
  });
  await emit(result, options, io, workspace.cwd);
  return exitCode(result, options);
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
    await writeFile(path.resolve(cwd, options.output), redactSecrets(text));
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
    default:
      return (await import('../format/stylish.js')).formatStylish;
  }
}
