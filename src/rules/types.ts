import type { Environment, ResolvedConfig } from '../config/resolve.js';
import type { ComparedFile, EnvFile } from '../compare/snapshot.js';
import type { Severity } from '../config/types.js';
import type { OverlayFile } from '../compare/overlay.js';
import type { OverlayImages } from '../images/read.js';
import type { KeyPattern } from '../keys/pattern.js';

export interface RuleMeta {
  id: string;
  description: string;
  /** what a person should do about it, for SARIF help and `--help` */
  help: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  fixable: boolean;
}

/** Where a finding points: a node in a file that was read, or a line of a file (the config). */
export type FindingPlace = { envFile: EnvFile; offset: number; endOffset?: number } | { file: string; line: number; column: number };

export interface Report {
  service: string;
  env: string;
  key: string;
  place: FindingPlace;
  message: string;
  fixable?: boolean;
}

export interface RuleContext {
  config: ResolvedConfig;
  files: readonly ComparedFile[];
  source: Environment;
  targets: readonly Environment[];
  /** the run was narrowed to some services: rules about the whole repository stay quiet */
  narrowed: boolean;
  /** each environment's kustomization `images:`; absent when the run does not look at images */
  images?: readonly OverlayImages[];
  report(report: Report): void;
  /** every YAML/JSON file of the overlays the run covers, service files included (read on first use) */
  overlayFiles(): Promise<readonly OverlayFile[]>;
  /** set in `--staged` / `--base` mode */
  guard?: Guard;
}

/** What whitelisted values of live environments are guarded against in `--staged` / `--base` mode. */
export interface Guard {
  /** `HEAD`, or the REF given to --base */
  baselineLabel: string;
  /** the same services, read from the baseline */
  baselineFiles: readonly ComparedFile[];
  /** `--allow` and PROMOTE_LINT_ALLOW patterns */
  allow: readonly KeyPattern[];
  /** a deliberate, allowed change: not a finding, but the output lists it */
  noteAllowed(report: Report, allowedBy: string): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void | Promise<void>;
}
