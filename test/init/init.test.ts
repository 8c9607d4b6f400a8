import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WHITELIST } from '../../src/config/defaults.js';
import { copyExample, PROJECT_ROOT, runCli, tempDir, writeTree } from '../helpers.js';

const CREATED = ['.gitignore', '.husky/pre-commit', '.lintstagedrc.json', '.promoterc.json', 'package.json'];

/** The bundled example as a consumer's git repository, before init. */
function seedRepo(): string {
  const root = copyExample();
  spawnSync('git', ['init', '-q'], { cwd: root });
  return root;
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const snapshot = (root: string) => Object.fromEntries(CREATED.filter((file) => existsSync(path.join(root, file))).map((file) => [file, read(root, file)]));

describe('promote-lint init', () => {
  it('writes the config of the seed layout with the default whitelist, its reasons and expectations', () => {
    const root = seedRepo();
    const run = runCli(['init'], { cwd: root });
    expect(run.exitCode).toBe(0);
    const config = JSON.parse(read(root, '.promoterc.json'));
    expect(config.$schema).toBe('./node_modules/promote-lint/schemas/promoterc.schema.json');
    expect(config.root).toBe('kubernetes');
    expect(config.environments).toEqual([
      { name: 'ci', overlay: 'overlays/aws-ci', live: false },
      { name: 'staging', overlay: 'overlays/aws-staging', live: true },
      { name: 'prod', overlay: 'overlays/aws-prod', live: true, manualSync: true },
    ]);
    expect(config.promotion).toEqual({ configs: { from: 'ci', to: ['staging', 'prod'] }, images: [['ci', 'staging'], ['staging', 'prod']] });
    expect(config.whitelist).toEqual(DEFAULT_WHITELIST);
    expect(config.whitelist.find((entry: { key: string }) => entry.key === 'campaign.sendEmails.redirectEnabled').expect).toEqual({ ci: true, staging: false, prod: false });
  });

  it('points $schema at a file the published package contains', () => {
    const packageJson = JSON.parse(read(PROJECT_ROOT, 'package.json'));
    expect(packageJson.files).toContain('schemas');
    expect(existsSync(path.join(PROJECT_ROOT, 'schemas', 'promoterc.schema.json'))).toBe(true);
  });

  it('writes the husky hook, the lint-staged entry, the prepare script, and says what it did and what comes next', () => {
    const root = seedRepo();
    const run = runCli(['init'], { cwd: root });
    expect(read(root, '.husky/pre-commit')).toBe('npx lint-staged\n');
    expect(JSON.parse(read(root, '.lintstagedrc.json'))).toEqual({ 'kubernetes/overlays/**/*.{yaml,yml,json}': 'promote-lint --staged' });
    expect(JSON.parse(read(root, 'package.json'))).toEqual({ private: true, scripts: { prepare: 'husky' } });
    expect(read(root, '.gitignore')).toBe('node_modules/\n');
    expect(run.stdout).toContain('kubernetes/overlays/ holds 3 environments: ci (aws-ci), staging (aws-staging, live), prod (aws-prod, live, manual sync)');
    for (const file of CREATED) expect(run.stdout).toMatch(new RegExp(`^  created +${file.replace('.', '\\.')} `, 'm'));
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('next: npm i -D promote-lint husky lint-staged && npx husky');
    expect(run.stdout).not.toContain('no .git here');
  });

  it('the written config is one promote-lint loads and validates', () => {
    const root = seedRepo();
    runCli(['init'], { cwd: root });
    const lint = runCli(['--format', 'json'], { cwd: root });
    expect(lint.stderr).toBe('');
    expect(lint.exitCode).toBe(0);
    expect(JSON.parse(lint.stdout).findings.some((finding: { ruleId: string }) => finding.ruleId === 'unused-whitelist')).toBe(false);
  });

  it('never replaces an existing file without --force; a second run changes nothing', () => {
    const root = seedRepo();
    runCli(['init'], { cwd: root });
    writeFileSync(path.join(root, '.husky/pre-commit'), 'npm test\n');
    writeFileSync(path.join(root, '.promoterc.json'), '{ "root": "kubernetes" }\n');
    const before = snapshot(root);
    const again = runCli(['init'], { cwd: root });
    expect(again.exitCode).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(again.stdout).toMatch(/kept +\.husky\/pre-commit +exists; add the line `npx lint-staged` to it, or rerun with --force to replace it/);
    expect(again.stdout).toMatch(/kept +\.lintstagedrc\.json +exists; already runs promote-lint/);
    expect(again.stdout).toMatch(/kept +package\.json +"prepare" already runs husky/);
  });

  it('--force replaces its own files but never the user\'s .gitignore or package.json scripts', () => {
    const root = seedRepo();
    writeTree(root, { '.husky/pre-commit': 'npm test\n', '.gitignore': 'dist/\n', 'package.json': '{ "scripts": { "prepare": "make hooks" } }\n' });
    const run = runCli(['init', '--force'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(read(root, '.husky/pre-commit')).toBe('npx lint-staged\n');
    expect(run.stdout).toMatch(/replaced +\.husky\/pre-commit/);
    expect(read(root, '.gitignore')).toBe('dist/\n');
    expect(run.stdout).toMatch(/kept +\.gitignore +add node_modules\/ to it/);
    expect(read(root, 'package.json')).toBe('{ "scripts": { "prepare": "make hooks" } }\n');
    expect(run.stdout).toMatch(/kept +package\.json +"prepare" does not run husky; append `&& husky` to it/);
  });

  it('adds "prepare": "husky" to an existing package.json, keeping its fields and indentation', () => {
    const root = seedRepo();
    const original = '{\n    "name": "gitops",\n    "scripts": {\n        "lint": "yamllint ."\n    }\n}\n';
    writeTree(root, { 'package.json': original });
    const run = runCli(['init'], { cwd: root });
    expect(run.stdout).toMatch(/updated +package\.json +added "prepare": "husky"/);
    expect(read(root, 'package.json')).toBe('{\n    "name": "gitops",\n    "scripts": {\n        "lint": "yamllint .",\n        "prepare": "husky"\n    }\n}\n');
  });

  it('leaves an existing lint-staged config (package.json key) alone and says which entry to add', () => {
    const root = seedRepo();
    writeTree(root, { 'package.json': '{ "lint-staged": { "*.md": "prettier --check" } }\n' });
    const run = runCli(['init'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(root, '.lintstagedrc.json'))).toBe(false);
    expect(run.stdout).toMatch(/kept +package\.json +holds the lint-staged config; add "kubernetes\/overlays\/\*\*\/\*\.\{yaml,yml,json\}": "promote-lint --staged" to it\n/);
    expect(JSON.parse(read(root, 'package.json'))['lint-staged']).toEqual({ '*.md': 'prettier --check' });
  });

  it('keeps a promote-lint config in another format instead of writing a second one that would be ignored', () => {
    const root = seedRepo();
    writeTree(root, { '.promoterc.yaml': 'root: kubernetes\n' });
    const run = runCli(['init'], { cwd: root });
    expect(existsSync(path.join(root, '.promoterc.json'))).toBe(false);
    expect(run.stdout).toMatch(/kept +\.promoterc\.yaml +holds the promote-lint config already/);
  });

  it('reads other overlay names: the shared prefix goes, staging and production by name are live', () => {
    const root = writeTree(tempDir(), {
      'overlays/eu-dev/kustomization.yaml': 'resources: []\n',
      'overlays/eu-production/kustomization.yaml': 'resources: []\n',
      'overlays/eu-uat/kustomization.yaml': 'resources: []\n',
      'overlays/eu-dev/configs/api/config.yaml': 'a: 1\n',
    });
    const run = runCli(['init'], { cwd: root });
    expect(run.exitCode).toBe(0);
    const config = JSON.parse(read(root, '.promoterc.json'));
    expect(config.root).toBe('.');
    expect(config.environments).toEqual([
      { name: 'dev', overlay: 'overlays/eu-dev', live: false },
      { name: 'uat', overlay: 'overlays/eu-uat', live: true },
      { name: 'production', overlay: 'overlays/eu-production', live: true, manualSync: true },
    ]);
    expect(config.promotion.configs).toEqual({ from: 'dev', to: ['uat', 'production'] });
    const redirect = config.whitelist.find((entry: { key: string }) => entry.key === 'campaign.sendEmails.redirectEnabled');
    expect(redirect.expect).toEqual({ dev: true, uat: false, production: false });
    expect(JSON.parse(read(root, '.lintstagedrc.json'))).toEqual({ 'overlays/**/*.{yaml,yml,json}': 'promote-lint --staged' });
    expect(run.stdout).toContain('note: no .git here; husky installs hooks from the repository root, so run init there');
    expect(runCli([], { cwd: root }).exitCode).toBe(0);
  });

  it('exits 2 with one line and writes nothing where nothing looks like a GitOps layout', () => {
    const root = writeTree(tempDir(), { 'README.md': '# not gitops\n', 'overlays/only-one/kustomization.yaml': 'resources: []\n' });
    const run = runCli(['init'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('promote-lint: no GitOps layout here: expected kubernetes/overlays/<env>/ (or overlays/<env>/), one directory per environment; run init at the repository root\n');
    expect(readdirSync(root).sort()).toEqual(['README.md', 'overlays']);
  });

  it('exits 2 on a broken package.json before writing anything', () => {
    const root = seedRepo();
    writeTree(root, { 'package.json': '{ "name": "gitops", }\n' });
    const run = runCli(['init'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^promote-lint: package\.json: not valid JSON \(.+\); nothing was written\n$/);
    for (const file of CREATED.filter((name) => name !== 'package.json')) expect(existsSync(path.join(root, file))).toBe(false);
  });
});
