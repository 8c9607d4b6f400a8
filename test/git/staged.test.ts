import { describe, expect, it } from 'vitest';
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { copyExample, writeTree } from '../helpers.js';
import { gatesFiles, lineOf, overlayPath } from '../rules/gates-fixture.js';
import { edit, git, initRepo, runInRepo } from './git-repo.js';

const prodConfig = overlayPath('prod');
const newProdLink = 'postgres://api:FAKEpw-new@prod-rds-2.example.internal:5432/api';
const changeProdLink = (text: string) => text.replace(/link: ".*"/, `link: "${newProdLink}"`);

interface JsonReport {
  summary: Record<string, number>;
  findings: Array<{ ruleId: string; env: string; key: string; file: string; line: number; column: number; message: string }>;
  allowed?: Array<{ env: string; key: string; file: string; line: number; column: number; message: string; allowedBy: string }>;
}

const parse = (stdout: string) => JSON.parse(stdout) as JsonReport;
const ruleIds = (report: JsonReport) => report.findings.filter((finding) => finding.ruleId !== 'unused-whitelist').map((finding) => finding.ruleId);

describe('--staged', () => {
  it("blocks a staged change of a whitelisted value in prod: exit 1, finding at the key's line", () => {
    const root = initRepo(gatesFiles());
    const text = edit(root, prodConfig, changeProdLink);
    git(root, 'add', prodConfig);
    const run = runInRepo(root, ['--staged', '-f', 'json']);
    expect(run.exitCode).toBe(1);
    const changed = parse(run.stdout).findings.filter((finding) => finding.ruleId === 'whitelist-changed');
    expect(changed).toEqual([
      expect.objectContaining({ env: 'prod', key: 'database.default.link', file: prodConfig, line: lineOf(text, 'link:'), column: 5 }),
    ]);
    expect(changed[0].message).toContain('since HEAD');
    expect(changed[0].message).toContain('--allow database.default.link');
    expect(parse(run.stdout).allowed).toEqual([]);
  });

  it('passes the same change with --allow (patterns too), and says which change was allowed', () => {
    const root = initRepo(gatesFiles());
    const text = edit(root, prodConfig, changeProdLink);
    git(root, 'add', prodConfig);
    for (const pattern of ['database.default.link', 'database.**']) {
      const run = runInRepo(root, ['--staged', '--allow', pattern]);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(`1 allowed change:\n  ${prodConfig}:${lineOf(text, 'link:')}:5  whitelisted database.default.link changed in prod since HEAD`);
      expect(run.stdout).toContain(`(allowed: ${pattern})`);
      expect(run.stdout).not.toContain('whitelist-changed');
    }
  });

  it('passes with PROMOTE_LINT_ALLOW=KEY,KEY, and the JSON report lists the allowed change', () => {
    const root = initRepo(gatesFiles());
    edit(root, prodConfig, changeProdLink);
    git(root, 'add', prodConfig);
    const run = runInRepo(root, ['--staged', '-f', 'json'], { PROMOTE_LINT_ALLOW: 'stripe.secretKey, database.default.link' });
    expect(run.exitCode).toBe(0);
    const report = parse(run.stdout);
    expect(Object.keys(report)).toEqual(['summary', 'findings', 'allowed']);
    expect(Object.keys(report.summary)).toEqual(['different', 'expected', 'missing', 'errors', 'warnings']);
    expect(report.allowed).toEqual([expect.objectContaining({ env: 'prod', key: 'database.default.link', file: prodConfig, allowedBy: 'database.default.link' })]);
    expect(report.allowed?.[0].message).toContain('api:****@');
  });

  it('does not see an unstaged change: the index is what gets committed', () => {
    const root = initRepo(gatesFiles());
    edit(root, prodConfig, (text) => changeProdLink(text).replace('sk_live_FAKEprod', 'sk_test_FAKEunstaged'));
    const staged = runInRepo(root, ['--staged', '-f', 'json']);
    expect(staged.exitCode).toBe(0);
    expect(ruleIds(parse(staged.stdout))).toEqual([]);
    // The same working tree, linted from disk, does have the problems: the index made the difference.
    const fromDisk = runInRepo(root, ['-f', 'json']);
    expect(fromDisk.exitCode).toBe(1);
    expect(ruleIds(parse(fromDisk.stdout))).toContain('test-secret');
  });

  it('reads the staged version of a partially staged file', () => {
    const root = initRepo(gatesFiles());
    edit(root, prodConfig, changeProdLink);
    git(root, 'add', prodConfig);
    edit(root, prodConfig, (text) => text.replace(newProdLink, 'postgres://api:FAKEpw-prod@prod-rds.example.internal:5432/api'));
    expect(runInRepo(root, ['--staged']).exitCode).toBe(1);
    expect(runInRepo(root, []).exitCode).toBe(0);
  });

  it('lets a staged CI-only change pass, business keys and whitelisted keys alike (CI is not live)', () => {
    const root = initRepo(gatesFiles());
    const ciConfig = overlayPath('ci');
    edit(root, ciConfig, (text) => text.replace('concurrency: 8', 'concurrency: 16').replace('FAKEpw-ci@ci-rds', 'FAKEpw-ci2@ci-rds-2'));
    git(root, 'add', ciConfig);
    const run = runInRepo(root, ['--staged', '-f', 'json', ciConfig]);
    expect(run.exitCode).toBe(0);
    expect(ruleIds(parse(run.stdout))).toEqual(['drift', 'drift']);
  });

  it('reports a removed whitelisted value at its parent', () => {
    const root = initRepo(gatesFiles());
    const text = edit(root, prodConfig, (original) => original.replace('  webhookSecret: whsec_FAKEprod\n', ''));
    git(root, 'add', prodConfig);
    const run = runInRepo(root, ['--staged', '-f', 'json']);
    expect(run.exitCode).toBe(1);
    const changed = parse(run.stdout).findings.filter((finding) => finding.ruleId === 'whitelist-changed');
    expect(changed.map((finding) => [finding.key, finding.line])).toEqual([['stripe.webhookSecret', lineOf(text, 'stripe:')]]);
    expect(changed[0].message).toContain('removed');
  });

  it('reports a deleted live file once, and --allow covering all its whitelisted keys lets it through', () => {
    const root = initRepo(gatesFiles());
    git(root, 'rm', '--quiet', prodConfig);
    const run = runInRepo(root, ['--staged', '-f', 'json']);
    expect(run.exitCode).toBe(1);
    const changed = parse(run.stdout).findings.filter((finding) => finding.ruleId === 'whitelist-changed');
    expect(changed.map((finding) => [finding.file, finding.key, finding.line])).toEqual([[prodConfig, '', 0]]);
    expect(changed[0].message).toContain('was deleted from prod since HEAD, with 7 whitelisted values');
    expect(runInRepo(root, ['--staged', '--allow', 'stripe.**']).exitCode).toBe(1);
    const allowed = runInRepo(root, ['--staged', '-f', 'json', '--allow', '**']);
    expect(parse(allowed.stdout).allowed?.map((change) => change.file)).toEqual([prodConfig]);
    expect(parse(allowed.stdout).findings.map((finding) => finding.ruleId)).not.toContain('whitelist-changed');
  });

  it('a new file with no HEAD version has nothing to guard, but test-secret still applies', () => {
    const root = initRepo(gatesFiles());
    const billing = overlayPath('prod', 'configs/billing/config.yaml');
    writeTree(root, { [billing]: 'database:\n  default:\n    link: "postgres://billing:FAKEpw@prod-rds.example.internal/billing"\nstripe:\n  secretKey: sk_test_FAKEnew\n' });
    git(root, 'add', billing);
    const run = runInRepo(root, ['--staged', '-f', 'json', billing]);
    expect(run.exitCode).toBe(1);
    const findings = parse(run.stdout).findings.filter((finding) => finding.ruleId !== 'missing-key');
    expect(findings.map((finding) => [finding.ruleId, finding.key, finding.file, finding.line])).toEqual([
      ['env-constraint', 'stripe.secretKey', billing, 5],
      ['test-secret', 'stripe.secretKey', billing, 5],
    ]);
  });

  it('does not follow a staged symbolic link out of the root', () => {
    const root = initRepo({ ...gatesFiles(), 'outside.yaml': 'stripe:\n  secretKey: sk_test_FAKEoutside\n' });
    rmSync(path.join(root, prodConfig));
    symlinkSync('../../../../../outside.yaml', path.join(root, prodConfig));
    git(root, 'add', prodConfig);
    expect(git(root, 'ls-files', '--stage', prodConfig)).toMatch(/^120000 /);
    const run = runInRepo(root, ['--staged', '-f', 'json']);
    expect(run.exitCode).toBe(1);
    const report = parse(run.stdout);
    expect(report.findings.filter((finding) => finding.file === prodConfig).map((finding) => [finding.ruleId, finding.message])).toEqual([
      ['parse-error', 'is a symbolic link to a place outside the root; not followed'],
    ]);
    expect(run.stdout).not.toContain('FAKEoutside');
  });

  it('works with the relative GIT_DIR / GIT_INDEX_FILE a hook may export', () => {
    const root = initRepo(gatesFiles());
    edit(root, prodConfig, changeProdLink);
    git(root, 'add', prodConfig);
    const run = runInRepo(root, ['--staged', '-f', 'json'], { GIT_DIR: '.git', GIT_INDEX_FILE: '.git/index' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(parse(run.stdout).findings.filter((finding) => finding.ruleId === 'whitelist-changed').map((finding) => finding.key)).toEqual(['database.default.link']);
  });

  it('outside a git repository --staged is a usage error: one line, exit 2', () => {
    const root = copyExample();
    const run = runInRepo(root, ['--staged'], { GIT_CEILING_DIRECTORIES: root });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^promote-lint: --staged needs a git repository, and .* is not inside one\n$/);
  });
});
