import type { ResolvedConfig } from './config/resolve.js';
import { overlayFileReader } from './compare/overlay.js';
import { readSnapshot, type ComparedFile } from './compare/snapshot.js';
import { summarize } from './compare/summary.js';
import { UsageError } from './errors.js';
import { readOverlayImages } from './images/read.js';
import type { Service } from './read/discover.js';
import type { FileSource } from './read/source.js';
import { compileKeyPattern } from './keys/pattern.js';
import { compareFindings, type AllowedChange, type Finding, type Summary } from './report/finding.js';
import { createReporter, locate } from './report/reporter.js';
import { redactSecrets } from './report/mask.js';
import { RULES } from './rules/index.js';
import type { Guard } from './rules/types.js';

export interface LintResult {
  findings: Finding[];
  summary: Summary;
  files: ComparedFile[];
  services: Service[];
  /** source first, then the targets */
  envNames: string[];
  /** `--staged` / `--base` mode: what whitelisted values were guarded against, and the allowed changes */
  guard?: { baselineLabel: string; allowed: AllowedChange[] };
}

export interface GuardOptions {
  /** the baseline's files: HEAD for --staged, the REF for --base */
  baseline: FileSource;
  baselineLabel: string;
  /** key patterns whose changes are deliberate (`--allow`, PROMOTE_LINT_ALLOW) */
  allow: readonly string[];
}

export interface LintOptions {
  services: Service[];
  source: FileSource;
  narrowed: boolean;
  from?: string;
  to?: string[];
  /** absolute paths handed over on the command line: a narrowed run still scans them for credentials */
  handedOver?: readonly string[];
  guard?: GuardOptions;
}

/** Reads the services, runs every rule and returns sorted findings with the seed's summary counts. */
export async function lint(config: ResolvedConfig, options: LintOptions): Promise<LintResult> {
  const environment = (name: string) => {
    const found = config.environments.find((env) => env.name === name);
    if (!found) throw new UsageError(`unknown environment "${name}" (known: ${config.environments.map((env) => env.name).join(', ')})`);
    return found;
  };
  const source = environment(options.from ?? config.configPromotion.from);
  const targets = (options.to ?? config.configPromotion.to).map(environment).filter((env) => env.name !== source.name);
  if (targets.length === 0) throw new UsageError('no target environment to compare with');
  const files = await readSnapshot(config, options.services, options.source);
  // Images belong to the whole repository: a run narrowed to some services leaves them out.
  const images = options.narrowed ? undefined : await readOverlayImages(config, options.source);
  const findings: Finding[] = [];
  const reporterFor = createReporter(config, findings);
  const overlayFiles = overlayFileReader(config, files, options.source, { narrowed: options.narrowed, handedOver: options.handedOver });
  const allowed: AllowedChange[] = [];
  const guard = options.guard && (await openGuard(config, options.services, options.guard, allowed));
  for (const rule of RULES) {
    await rule.check({ config, files, source, targets, narrowed: options.narrowed, images, report: reporterFor(rule), overlayFiles, guard });
  }
  findings.sort(compareFindings);
  const envNames = [source.name, ...targets.map((env) => env.name)];
  const counts = summarize(files, envNames);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    findings,
    summary: { ...counts, errors, warnings: findings.length - errors },
    files,
    services: options.services,
    envNames,
    guard: options.guard && { baselineLabel: options.guard.baselineLabel, allowed },
  };
}

/** Reads the baseline of the same services; nothing is read when whitelist-changed is off. */
async function openGuard(config: ResolvedConfig, services: Service[], options: GuardOptions, allowed: AllowedChange[]): Promise<Guard | undefined> {
  if (config.rules['whitelist-changed'] === 'off') return undefined;
  return {
    baselineLabel: options.baselineLabel,
    baselineFiles: await readSnapshot(config, services, options.baseline),
    allow: options.allow.map(compileKeyPattern),
    noteAllowed(report, allowedBy) {
      const { file, start } = locate(report.place);
      const { service, env, key } = report;
      allowed.push({ service, env, key, file, line: start.line, column: start.column, message: redactSecrets(report.message), allowedBy });
    },
  };
}
