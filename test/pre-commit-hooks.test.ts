import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers.js';

describe('.pre-commit-hooks.yaml (the pre-commit framework)', () => {
  const hooks = parse(readFileSync(path.join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks.find((entry: { id: string }) => entry.id === 'promote-lint');
  const packageJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));

  it('runs the package\'s own bin on the staged files, serially, as a node hook', () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'promote-lint --staged', pass_filenames: true, require_serial: true });
    expect(Object.keys(packageJson.bin)).toContain(hook.entry.split(' ')[0]);
  });

  it('can be installed from git: prepare builds dist/, which the bin imports', () => {
    expect(packageJson.scripts.prepare).toMatch(/tsc -p tsconfig\.build\.json/);
    expect(readFileSync(path.join(PROJECT_ROOT, packageJson.bin['promote-lint']), 'utf8')).toContain('../dist/');
  });

  it('hands over YAML and JSON files only', () => {
    const files = new RegExp(hook.files);
    for (const file of ['kubernetes/overlays/aws-prod/configs/api/config.yaml', 'overlays/ci/values.yml', 'configs/app.json']) expect(files.test(file)).toBe(true);
    for (const file of ['README.md', 'kubernetes/overlays/aws-prod/configs/api/config.yaml.bak', 'yaml']) expect(files.test(file)).toBe(false);
  });
});
