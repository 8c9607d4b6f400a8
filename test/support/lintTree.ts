import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkspace, selectServices } from '../../src/cli/workspace.js';
import { lint, type LintResult } from '../../src/lint.js';
import type { Finding } from '../../src/report/finding.js';
import { tempDir, writeTree } from '../helpers.js';

/** The seed layout for one service: `{ ci: 'a: 1', prod: 'a: 2' }` → overlay files of service `api`. */
export function seedFiles(byEnv: Record<string, string | undefined>, service = 'api', file = 'config.yaml'): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [env, text] of Object.entries(byEnv)) {
    if (text !== undefined) files[`kubernetes/overlays/aws-${env}/configs/${service}/${file}`] = text;
  }
  return files;
}

/** A config for the seed layout with no whitelist unless given: rule tables stay free of default noise. */
export function seedConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    root: 'kubernetes',
    environments: [
      { name: 'ci', overlay: 'overlays/aws-ci', live: false },
      { name: 'staging', overlay: 'overlays/aws-staging', live: true },
      { name: 'prod', overlay: 'overlays/aws-prod', live: true, manualSync: true },
    ],
    whitelist: [],
    ...overrides,
  };
}

export interface TreeLint {
  root: string;
  result: LintResult;
  /** findings of one rule, in report order */
  of(ruleId: string): Finding[];
}

/** Writes a real tree (and `.promoterc.json` unless the config is null: zero-config), then lints it in-process. */
export async function lintTree(
  files: Record<string, string>,
  config: Record<string, unknown> | null = seedConfig(),
  options: LintRootOptions = {},
): Promise<TreeLint> {
  const root = writeTree(tempDir(), files);
  if (config) writeFileSync(path.join(root, '.promoterc.json'), JSON.stringify(config, null, 2));
  return lintRoot(root, options);
}

export interface LintRootOptions {
  services?: string[];
  from?: string;
  to?: string[];
}

/** Lints a directory that is already on disk, as the CLI would when started there. */
export async function lintRoot(root: string, options: LintRootOptions = {}): Promise<TreeLint> {
  const workspace = await openWorkspace(undefined, root, undefined);
  const services = selectServices(workspace.services, options.services ?? []);
  const result = await lint(workspace.config, {
    services,
    source: workspace.source,
    narrowed: services.length !== workspace.services.length,
    from: options.from,
    to: options.to,
  });
  return { root, result, of: (ruleId) => result.findings.filter((finding) => finding.ruleId === ruleId) };
}
