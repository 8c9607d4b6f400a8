import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { copyExample, runCli, writeTree } from '../helpers.js';
import { imageTree, kustomization, kustomizationPath, lintTree } from '../images/fixtures.js';

const api = (tag: string) => `  - name: api\n    newName: registry.example.com/app/api\n    newTag: ${tag}`;
const worker = (field: string) => `  - name: worker\n    newName: registry.example.com/app/worker\n    ${field}`;
const DIGEST = `sha256:${'ab'.repeat(32)}`;

function imageFindings(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.ruleId === 'image-drift');
}

describe('image-drift', () => {
  it('reports a tag that differs along ci → staging at the newTag line of staging', async () => {
    const root = imageTree({
      ci: kustomization('ci', `images:\n${api('v2.0.0')}`),
      staging: kustomization('staging', `images:\n${api('v1.9.0')}`),
      prod: kustomization('prod', `images:\n${api('v1.9.0')}`),
    });
    const result = await lintTree(root);
    expect(imageFindings(result.findings)).toEqual([
      expect.objectContaining({
        ruleId: 'image-drift',
        severity: 'warning',
        service: 'api',
        env: 'staging',
        key: 'images[name=api].newTag',
        file: kustomizationPath('staging'),
        line: 9,
        column: 5,
        message: 'image api is tag v1.9.0 in staging, tag v2.0.0 in ci',
        fixable: true,
      }),
    ]);
  });

  it('compares prod with staging, never with ci', async () => {
    const root = imageTree({
      ci: kustomization('ci', `images:\n${api('v3.0.0')}`),
      staging: kustomization('staging', `images:\n${api('v2.0.0')}`),
      prod: kustomization('prod', `images:\n${api('v2.0.0')}`),
    });
    const findings = imageFindings((await lintTree(root)).findings);
    expect(findings.map((finding) => finding.env)).toEqual(['staging']);
  });

  it('reports a digest in the target against a tag in the source at the digest line', async () => {
    const root = imageTree({
      ci: kustomization('ci', `images:\n${worker('newTag: v1.0.0')}`),
      staging: kustomization('staging', `images:\n${worker('newTag: v1.0.0')}`),
      prod: kustomization('prod', `images:\n${worker(`digest: ${DIGEST}  # pinned`)}`),
    });
    const [finding] = imageFindings((await lintTree(root)).findings);
    expect(finding).toMatchObject({
      env: 'prod',
      key: 'images[name=worker].digest',
      file: kustomizationPath('prod'),
      line: 9,
      message: 'image worker is digest sha256:abababababab… in prod, tag v1.0.0 in staging',
    });
  });

  it('reports an image present in one overlay only: at images: in the target that lacks it, at the entry where only the target has it', async () => {
    const root = imageTree({
      ci: kustomization('ci', `images:\n${api('v1.0.0')}\n${worker('newTag: v1.0.0')}`),
      staging: kustomization('staging', `images:\n${api('v1.0.0')}`),
      prod: kustomization('prod', `images:\n${api('v1.0.0')}\n  - name: legacy\n    newTag: v0.1.0`),
    });
    const findings = imageFindings((await lintTree(root)).findings);
    expect(findings).toEqual([
      expect.objectContaining({ env: 'prod', key: 'images[name=legacy]', line: 10, column: 5, message: 'image legacy is in prod but not in staging', fixable: false }),
      expect.objectContaining({ env: 'staging', key: 'images[name=worker]', line: 6, column: 1, message: 'image worker is in ci but missing in staging', fixable: false }),
    ]);
  });

  it('is quiet when every image is in step, and when the overlays have no kustomization at all', async () => {
    const same = kustomization('x', `images:\n${api('v1.0.0')}`);
    expect(imageFindings((await lintTree(imageTree({ ci: same, staging: same, prod: same }))).findings)).toEqual([]);
    expect(imageFindings((await lintTree(imageTree({}))).findings)).toEqual([]);
  });

  it('a broken kustomization is a parse-error at its line, not a silent pass', async () => {
    const root = imageTree({
      ci: kustomization('ci', `images:\n${api('v1.0.0')}`),
      staging: 'images:\n  - name: api\n    newTag: [unclosed\n',
      prod: kustomization('prod', `images:\n${api('v1.0.0')}\n${api('v1.0.0')}`),
    });
    const result = await lintTree(root);
    const parseErrors = result.findings.filter((finding) => finding.ruleId === 'parse-error');
    expect(parseErrors.map((finding) => [finding.file, finding.line])).toEqual([
      [kustomizationPath('prod'), 10],
      [kustomizationPath('staging'), expect.any(Number)],
    ]);
    expect(parseErrors[0].message).toBe('images: "api" is listed twice');
    expect(imageFindings(result.findings)).toEqual([]);
  });

  it('follows a configured image path and honours rules: { image-drift: off }', async () => {
    const root = imageTree({
      ci: kustomization('ci', `images:\n${api('v3.0.0')}`),
      staging: kustomization('staging', `images:\n${api('v2.0.0')}`),
      prod: kustomization('prod', `images:\n${api('v1.0.0')}`),
    });
    const environments = ['ci', 'staging', 'prod'].map((name) => ({ name, overlay: `overlays/aws-${name}`, live: name !== 'ci' }));
    writeTree(root, { '.promoterc.json': JSON.stringify({ root: 'kubernetes', environments, promotion: { images: [['ci', 'prod']] } }) });
    const run = runCli(['-f', 'json'], { cwd: root });
    const findings = imageFindings(JSON.parse(run.stdout).findings);
    expect(findings.map((finding) => [finding.env, finding.message])).toEqual([['prod', 'image api is tag v1.0.0 in prod, tag v3.0.0 in ci']]);
    writeTree(root, { '.promoterc.json': JSON.stringify({ root: 'kubernetes', environments, rules: { 'image-drift': 'off' } }) });
    expect(imageFindings(JSON.parse(runCli(['-f', 'json'], { cwd: root }).stdout).findings)).toEqual([]);
  });
});

describe('image-drift on the bundled example', () => {
  it('finds CI ahead of staging on 2 images and staging ahead of prod on 1 (a digest against a tag)', () => {
    const run = runCli(['-f', 'json'], { cwd: copyExample() });
    expect(run.exitCode).toBe(0);
    const findings = imageFindings(JSON.parse(run.stdout).findings).map((finding) => [finding.file, finding.line, finding.key, finding.env]);
    expect(findings).toEqual([
      ['overlays/aws-prod/kustomization.yaml', 42, 'images[name=simplex-cron].digest', 'prod'],
      ['overlays/aws-staging/kustomization.yaml', 32, 'images[name=simplex-api].newTag', 'staging'],
      ['overlays/aws-staging/kustomization.yaml', 38, 'images[name=simplex-router-backend].newTag', 'staging'],
    ]);
  });

  it('stays quiet in a run narrowed to some services (a pre-commit on one config file)', () => {
    const root = copyExample();
    const run = runCli(['-f', 'json', 'kubernetes/overlays/aws-ci/configs/simplex-api/config.yaml'], { cwd: root });
    expect(imageFindings(JSON.parse(run.stdout).findings)).toEqual([]);
  });
});
