import { openWorkspace } from '../../src/cli/workspace.js';
import { lint } from '../../src/lint.js';
import { tempDir, writeTree } from '../helpers.js';

const OVERLAYS = 'kubernetes/overlays';

/** A kustomization with the given `images:` block (already indented text, or '' for none). */
export function kustomization(env: string, imagesBlock: string): string {
  return ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', `namespace: app-${env}`, 'resources:', '  - ../../base', imagesBlock].filter(Boolean).join('\n') + '\n';
}

/**
 * A zero-config GitOps tree (kubernetes/overlays/aws-{ci,staging,prod}) with one identical
 * service file per environment and the given kustomization text per environment (omitted = none).
 */
export function imageTree(kustomizations: Partial<Record<'ci' | 'staging' | 'prod', string>>, extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {};
  for (const env of ['ci', 'staging', 'prod'] as const) {
    files[`${OVERLAYS}/aws-${env}/configs/api/config.yaml`] = 'worker:\n  concurrency: 4\n';
    const text = kustomizations[env];
    if (text !== undefined) files[`${OVERLAYS}/aws-${env}/kustomization.yaml`] = text;
  }
  return writeTree(tempDir(), { ...files, ...extra });
}

/** As findings print it: zero-config outside git reports paths relative to kubernetes/. */
export function kustomizationPath(env: string): string {
  return `overlays/aws-${env}/kustomization.yaml`;
}

/** Lints a tree in-process, as `promote-lint` at its root would. */
export async function lintTree(root: string) {
  const workspace = await openWorkspace(undefined, root, undefined);
  return lint(workspace.config, { services: workspace.services, source: workspace.source, narrowed: false });
}
