import { describe, expect, it } from 'vitest';
import { copyExample, runCli, writeTree } from '../helpers.js';
import { columnOf, findingsOf, gatesFiles, gatesRepo, lineOf, lintRepo, overlayPath, reportedPath } from './gates-fixture.js';

describe('test-secret', () => {
  it('fires on a test key under any key of a live service file, at its line and column', async () => {
    const withKey = (text: string) => text.replace('worker:\n', 'billing:\n  fallbackKey: sk_test_FAKEoops\nworker:\n');
    const root = gatesRepo((env, file, text) => (env === 'prod' && file === 'config' ? withKey(text) : text));
    const prodText = gatesFiles((env, file, text) => (env === 'prod' && file === 'config' ? withKey(text) : text))[overlayPath('prod')];
    const [finding, ...rest] = findingsOf(await lintRepo(root), 'test-secret');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      service: 'api',
      env: 'prod',
      key: 'billing.fallbackKey',
      file: reportedPath('prod'),
      line: lineOf(prodText, 'sk_test_FAKEoops'),
      column: columnOf(prodText, 'sk_test_FAKEoops'),
    });
    expect(finding.message).toContain('sk_test_…');
    expect(finding.message).not.toContain('FAKEoops');
  });

  it('scans kustomization.yaml and other YAML/JSON files of a live overlay, not only service files', async () => {
    const kustomizationText = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
secretGenerator:
  - name: stripe
    literals:
      - STRIPE_KEY=pk_test_FAKEkust
`;
    const root = gatesRepo((env, file, text) => (env === 'staging' && file === 'kustomization' ? kustomizationText : text));
    writeTree(root, { [overlayPath('prod', 'patches/stripe.json')]: '{\n  "env": [\n    {"name": "KEY", "value": "rk_test_FAKEjson"}\n  ]\n}\n' });
    const findings = findingsOf(await lintRepo(root), 'test-secret');
    expect(findings.map((finding) => [finding.file, finding.line, finding.env, finding.service, finding.key])).toEqual([
      [reportedPath('prod', 'patches/stripe.json'), 3, 'prod', '', 'env[name=KEY].value'],
      [reportedPath('staging', 'kustomization.yaml'), 6, 'staging', '', 'secretGenerator[name=stripe].literals[0]'],
    ]);
  });

  it('fires on a key in a comment, but not on a comment that only names the prefix', async () => {
    const root = gatesRepo((env, file, text) => {
      if (env !== 'prod' || file !== 'config') return text;
      return text.replace('worker:\n', '# pk_test_ keys only in CI\n# old key: sk_test_FAKEold\nworker:\n');
    });
    const findings = findingsOf(await lintRepo(root), 'test-secret');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ key: '', env: 'prod' });
    expect(findings[0].message).toContain('sk_test_… in prod, a live environment');
  });

  it('still finds a test key in a live file that does not parse', async () => {
    const duplicate = (env: string, file: string, text: string) => (env === 'prod' && file === 'config' ? `${text}stripe:\n  secretKey: sk_test_FAKEdup\n` : text);
    const result = await lintRepo(gatesRepo(duplicate));
    const prodText = gatesFiles(duplicate)[overlayPath('prod')];
    expect(findingsOf(result, 'parse-error').length).toBeGreaterThan(0);
    expect(findingsOf(result, 'test-secret').map((finding) => finding.line)).toEqual([lineOf(prodText, 'sk_test_FAKEdup')]);
  });

  it('stays quiet on test keys in CI and on the clean fixture and example', async () => {
    expect(findingsOf(await lintRepo(gatesRepo()), 'test-secret')).toEqual([]);
    const run = runCli(['--format', 'json'], { cwd: copyExample() });
    expect(JSON.parse(run.stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'test-secret')).toEqual([]);
  });

  it('a kustomization.yaml handed over alone (lint-staged) is still scanned, exit 1', () => {
    const root = gatesRepo((env, file, text) => (env === 'prod' && file === 'kustomization' ? `${text}# key: sk_test_FAKEstaged\n` : text));
    const run = runCli([overlayPath('prod', 'kustomization.yaml')], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`${reportedPath('prod', 'kustomization.yaml')}\n  8:8 `);
    expect(run.stdout).toContain('test-secret');
    expect(run.stderr).toContain('1 file(s) outside any service: scanned for credentials only');
  });
});
