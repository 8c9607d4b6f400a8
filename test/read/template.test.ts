import { describe, expect, it } from 'vitest';
import { templateId } from '../../src/read/template.js';

describe('templateId', () => {
  it.each([
    ['{env} as a directory', 'mintmaker/{env}/**/*.yaml', 'mintmaker/staging/base/kustomization.yaml', 'staging', 'mintmaker/{env}/base/kustomization.yaml'],
    ['the env name inside a file name is left alone', 'configs/{env}/*.yaml', 'configs/ci/circuit-breaker.yaml', 'ci', 'configs/{env}/circuit-breaker.yaml'],
    ['the env name in a directory under ** is left alone', 'apps/{env}/**/*.yaml', 'apps/ci/ci-runner/config.yaml', 'ci', 'apps/{env}/ci-runner/config.yaml'],
    ['Helm-style values file with a glob', 'charts/*/values-{env}.yaml', 'charts/api/values-prod.yaml', 'prod', 'charts/api/values-{env}.yaml'],
    ['{env} before a glob in one segment', 'values-{env}-*.yaml', 'values-ci-circuit.yaml', 'ci', 'values-{env}-circuit.yaml'],
    ['{env} after a glob in one segment', '*-{env}.yaml', 'circuit-ci.yaml', 'ci', '*-{env}.yaml'.replace('*', 'circuit')],
    ['braces', 'svc/{env}/*.{yaml,json}', 'svc/dev/webhook-config.json', 'dev', 'svc/{env}/webhook-config.json'],
    ['{env} twice', '{env}/configs/{env}.yaml', 'ci/configs/ci.yaml', 'ci', '{env}/configs/{env}.yaml'],
  ])('%s', (_title, template, relativePath, envName, expected) => {
    expect(templateId(template, relativePath, envName)).toBe(expected);
  });
});
