import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { findingPath, lintJson, seedRepo, servicePath, STACK_FRAME } from './fixtures.js';

const API = { ci: 'replicas: 2\n', staging: 'replicas: 2\n', prod: 'replicas: 3\n' };

/** A directory outside the repository whose names and contents must never reach the output. */
function outsideTree(): string {
  const outside = tempDir('promote-lint-outside-');
  mkdirSync(path.join(outside, 'private-service'), { recursive: true });
  writeFileSync(path.join(outside, 'private-service', 'config.yaml'), 'outsideOnlyKey: leaked\n');
  writeFileSync(path.join(outside, 'secret.yaml'), 'outsideOnlyKey: leaked\n');
  return outside;
}

function link(cwd: string, relativeLink: string, target: string) {
  mkdirSync(path.dirname(path.join(cwd, relativeLink)), { recursive: true });
  symlinkSync(target, path.join(cwd, relativeLink));
}

describe('links that lead outside the root are reported, never followed', () => {
  it('reports a linked config file at its path and still checks the rest', () => {
    const outside = outsideTree();
    const cwd = seedRepo({ api: API });
    link(cwd, servicePath('prod', 'api', 'extra.yaml'), path.join(outside, 'secret.yaml'));
    const run = lintJson(cwd);
    expect(run.exitCode).toBe(1);
    expect(run.findings).toContainEqual(expect.objectContaining({
      ruleId: 'parse-error', service: 'api', env: 'prod', file: findingPath('prod', 'api', 'extra.yaml'),
      message: 'is a symbolic link to a place outside the root; not followed',
    }));
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'api', env: 'prod', key: 'replicas' }));
    expect(run.stdout).not.toContain('outsideOnlyKey');
  });

  it('does not walk a linked directory inside a service, and reports the link', () => {
    const outside = outsideTree();
    const cwd = seedRepo({ api: API });
    link(cwd, 'kubernetes/overlays/aws-ci/configs/api/shared', outside);
    const run = lintJson(cwd);
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'parse-error', service: 'api', env: 'ci', file: 'overlays/aws-ci/configs/api/shared' }));
    expect(run.stdout).not.toMatch(/outsideOnlyKey|private-service|secret\.yaml/);
  });

  it('does not walk a service directory that is a link out of the root, and reports it', () => {
    const outside = outsideTree();
    const cwd = seedRepo({ api: API });
    link(cwd, 'kubernetes/overlays/aws-prod/configs/billing', path.join(outside, 'private-service'));
    const run = lintJson(cwd);
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'parse-error', service: 'billing', env: 'prod', file: 'overlays/aws-prod/configs/billing' }));
    expect(run.stdout).not.toContain('outsideOnlyKey');
    const listed = runCli(['list-services', '--format', 'json'], { cwd });
    const billing = JSON.parse(listed.stdout).services.find((service: { name: string }) => service.name === 'billing');
    // The link itself is billing's only file: the config.yaml behind it was never listed.
    expect(billing.files.map((file: { id: string }) => file.id)).toEqual(['billing']);
  });

  it('does not list services from an overlay configs/ directory that is a link out of the root', () => {
    const outside = outsideTree();
    const cwd = seedRepo({ api: { ci: API.ci, staging: API.staging } });
    link(cwd, 'kubernetes/overlays/aws-prod/configs', outside);
    const listed = runCli(['list-services', '--format', 'json'], { cwd });
    expect(listed.exitCode).toBe(0);
    expect(JSON.parse(listed.stdout).services.map((service: { name: string }) => service.name)).toEqual(['api']);
    const run = lintJson(cwd);
    expect(run.stdout).not.toMatch(/private-service|outsideOnlyKey/);
  });

  it('follows a link that stays inside the root', () => {
    const cwd = seedRepo({ api: { ci: 'replicas: 2\n', prod: 'replicas: 2\n' } });
    link(cwd, servicePath('staging', 'api'), '../../../aws-ci/configs/api/config.yaml');
    const run = lintJson(cwd);
    expect(run.exitCode).toBe(0);
    expect(run.findings.filter((finding) => finding.service === 'api')).toEqual([]);
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });
});
