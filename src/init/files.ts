import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Files lint-staged reads its configuration from, in the order it looks (lint-staged 16). */
export const LINT_STAGED_CONFIGS = [
  '.lintstagedrc',
  '.lintstagedrc.json',
  '.lintstagedrc.yaml',
  '.lintstagedrc.yml',
  '.lintstagedrc.mjs',
  '.lintstagedrc.js',
  '.lintstagedrc.cjs',
  'lint-staged.config.mjs',
  'lint-staged.config.js',
  'lint-staged.config.cjs',
  'lint-staged.config.mts',
  'lint-staged.config.ts',
  'lint-staged.config.cts',
];

/** Temp file + rename: a reader sees the old file or the new one, never half of one. */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export interface PackageJson {
  file: string;
  text?: string;
  data?: Record<string, unknown>;
}

/** Reads package.json before anything is written, so a broken one stops init with nothing changed. */
export function readPackageJson(projectDir: string): PackageJson {
  const file = path.join(projectDir, 'package.json');
  if (!existsSync(file)) return { file };
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`package.json: not valid JSON (${(error as Error).message.split('\n')[0]}); nothing was written`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError('package.json: not a JSON object; nothing was written');
  return { file, text, data: data as Record<string, unknown> };
}

/** package.json with `"prepare": "husky"` added, in the file's own indentation; undefined when nothing changes. */
export function withPrepareScript(packageJson: PackageJson): string | undefined {
  if (!packageJson.data || !packageJson.text) return `${JSON.stringify({ private: true, scripts: { prepare: 'husky' } }, null, 2)}\n`;
  const scripts = packageJson.data.scripts;
  if (scripts !== undefined && (scripts === null || typeof scripts !== 'object' || Array.isArray(scripts))) return undefined;
  if (scripts && 'prepare' in scripts) return undefined;
  const updated = { ...packageJson.data, scripts: { ...(scripts ?? {}), prepare: 'husky' } };
  const indent = /^([ \t]+)"/m.exec(packageJson.text)?.[1] ?? '  ';
  return `${JSON.stringify(updated, null, indent)}${packageJson.text.endsWith('\n') ? '\n' : ''}`;
}

/** The lint-staged config already in the project, if any: a file, or the "lint-staged" key of package.json. */
export function existingLintStagedConfig(projectDir: string, packageJson: PackageJson): { name: string; text: string } | undefined {
  if (packageJson.data && 'lint-staged' in packageJson.data) return { name: 'package.json', text: JSON.stringify(packageJson.data['lint-staged']) };
  const name = LINT_STAGED_CONFIGS.find((candidate) => existsSync(path.join(projectDir, candidate)));
  return name ? { name, text: readFileSync(path.join(projectDir, name), 'utf8') } : undefined;
}
