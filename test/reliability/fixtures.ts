import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir, writeTree } from '../helpers.js';

export const ENVS = ['ci', 'staging', 'prod'] as const;
export type EnvName = (typeof ENVS)[number];

/** Where a service file lives in the seed's zero-config layout. */
export function servicePath(env: EnvName, service: string, file = 'config.yaml'): string {
  return `kubernetes/overlays/aws-${env}/configs/${service}/${file}`;
}

/** How a finding names a file: outside a git work tree, relative to the zero-config root `kubernetes/`. */
export function findingPath(env: EnvName, service: string, file = 'config.yaml'): string {
  return `overlays/aws-${env}/configs/${service}/${file}`;
}

/** A zero-config GitOps tree in a temp dir: `{ service: { ci: text, staging: text, prod: text } }`. */
export function seedRepo(services: Record<string, Partial<Record<EnvName, string | Buffer>>>): string {
  const root = tempDir('promote-lint-reliability-');
  for (const [service, byEnv] of Object.entries(services)) {
    for (const env of ENVS) {
      const content = byEnv[env];
      if (content === undefined) continue;
      writeTree(root, { [servicePath(env, service)]: '' });
      writeFileSync(path.join(root, servicePath(env, service)), content);
    }
  }
  return root;
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  service: string;
  env: string;
  key: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export function lintJson(cwd: string, args: string[] = []) {
  const run = runCli(['--format', 'json', ...args], { cwd });
  const report = run.stdout.trim().startsWith('{') ? (JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: Record<string, number> }) : undefined;
  return { ...run, report, findings: report?.findings ?? [] };
}

/** What a stack trace looks like in Node's output: never shown to a user without --debug. */
export const STACK_FRAME = /^\s+at .+[:(]\d+/m;
