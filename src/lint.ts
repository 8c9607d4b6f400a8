import type { ResolvedConfig } from './config/resolve.js';
import { readSnapshot, type ComparedFile } from './compare/snapshot.js';
import { summarize } from './compare/summary.js';
import { UsageError } from './errors.js';
import { readOverlayImages } from './images/read.js';
import type { Service } from './read/discover.js';
import type { FileSource } from './read/source.js';
import { compareFindings, type Finding, type Summary } from './report/finding.js';
import { createReporter } from './report/reporter.js';
import { RULES } from './rules/index.js';

export interface LintResult {
  findings: Finding[];
  summary: Summary;
  files: ComparedFile[];
  services: Service[];
  /** source first, then the targets */
  envNames: string[];
}

export interface LintOptions {
  services: Service[];
  source: FileSource;
  narrowed: boolean;
  from?: string;
  to?: string[];
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
  for (const rule of RULES) {
    await rule.check({ config, files, source, targets, narrowed: options.narrowed, images, report: reporterFor(rule) });
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
  };
}
