import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, tempDir } from '../helpers.js';

export const FIX_FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'fix');

export interface FixCase {
  name: string;
  args: string[];
  exitCode: number;
}

export function fixCases(): FixCase[] {
  return readdirSync(FIX_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, ...(JSON.parse(readFileSync(path.join(FIX_FIXTURES, entry.name, 'case.json'), 'utf8')) as Omit<FixCase, 'name'>) }));
}

/** A private copy of a case's `before/` tree. */
export function copyCase(name: string): string {
  const root = tempDir('promote-lint-fix-');
  cpSync(path.join(FIX_FIXTURES, name, 'before'), root, { recursive: true });
  return root;
}

/** Every file below a directory, by relative path, as exact bytes (latin1 keeps every byte). */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else files[path.relative(root, absolute).split(path.sep).join('/')] = readFileSync(absolute, 'latin1');
    }
  };
  walk(root);
  return files;
}

/** Modification times in nanoseconds: a file that was rewritten, even with the same bytes, shows. */
export function mtimes(root: string): Record<string, bigint> {
  return Object.fromEntries(Object.keys(readTree(root)).map((relative) => [relative, statSync(path.join(root, relative), { bigint: true }).mtimeNs]));
}
