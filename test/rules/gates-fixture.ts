import { openWorkspace } from '../../src/cli/workspace.js';
import { lint, type LintResult } from '../../src/lint.js';
import type { Finding } from '../../src/report/finding.js';
import { tempDir, writeTree } from '../helpers.js';

export type EnvName = 'ci' | 'staging' | 'prod';

const STRIPE: Record<EnvName, { pk: string; sk: string; price: string; redirect: boolean; pw: string }> = {
  ci: { pk: 'pk_test_FAKEci', sk: 'sk_test_FAKEci', price: 'price_test_FAKEci', redirect: true, pw: 'FAKEpw-ci' },
  staging: { pk: 'pk_live_FAKEstg', sk: 'sk_live_FAKEstg', price: 'price_FAKEstg', redirect: false, pw: 'FAKEpw-stg' },
  prod: { pk: 'pk_live_FAKEprod', sk: 'sk_live_FAKEprod', price: 'price_FAKEprod', redirect: false, pw: 'FAKEpw-prod' },
};

/** A small service config in the seed's shape, clean in every environment. */
export function apiConfig(env: EnvName): string {
  const values = STRIPE[env];
  return `# api config (aws-${env}); all credentials are fake
database:
  default:
    link: "postgres://api:${values.pw}@${env}-rds.example.internal:5432/api"
campaign:
  sendEmails:
    redirectEnabled: ${values.redirect}
    batchSize: 200
stripe:
  publishableKey: ${values.pk}
  secretKey: ${values.sk}
  webhookSecret: whsec_FAKE${env}
payment:
  plans:
    - id: basic
      amount: 990
      stripePriceId: ${values.price}_basic
    - id: pro
      amount: 2990
      stripePriceId: ${values.price}_pro
worker:
  concurrency: 8
`;
}

export function kustomization(env: EnvName): string {
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: api-${env}
configMapGenerator:
  - name: api-config
    files:
      - configs/api/config.yaml
`;
}

export const overlayPath = (env: EnvName, file = 'configs/api/config.yaml') => `kubernetes/overlays/aws-${env}/${file}`;

/** The seed layout with zero config: kubernetes/overlays/aws-{ci,staging,prod}, one service `api`. */
export function gatesFiles(change: (env: EnvName, file: 'config' | 'kustomization', text: string) => string = (_env, _file, text) => text): Record<string, string> {
  const files: Record<string, string> = {};
  for (const env of ['ci', 'staging', 'prod'] as const) {
    files[overlayPath(env)] = change(env, 'config', apiConfig(env));
    files[overlayPath(env, 'kustomization.yaml')] = change(env, 'kustomization', kustomization(env));
  }
  return files;
}

export function gatesRepo(change?: Parameters<typeof gatesFiles>[0]): string {
  return writeTree(tempDir(), gatesFiles(change));
}

/** Lints a tree in-process, as `promote-lint` run at its root would. */
export async function lintRepo(root: string): Promise<LintResult> {
  const workspace = await openWorkspace(undefined, root, undefined);
  return lint(workspace.config, { services: workspace.services, source: workspace.source, narrowed: false });
}

export function findingsOf(result: LintResult, ruleId: string): Finding[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** 1-based line of the first line of `text` containing `needle` (the fixture is the truth, not a number). */
export function lineOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`fixture does not contain ${needle}`);
  return text.slice(0, index).split('\n').length;
}

/** 1-based column of `needle` on its line. */
export function columnOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index - text.lastIndexOf('\n', index - 1);
}

/** Where findings name a file of the fixture: outside git, paths are relative to the config's directory (kubernetes/). */
export const reportedPath = (env: EnvName, file = 'configs/api/config.yaml') => overlayPath(env, file).slice('kubernetes/'.length);
