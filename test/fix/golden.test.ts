import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { copyCase, fixCases, FIX_FIXTURES, mtimes, readTree } from './tree.js';

describe('--fix golden cases (test/fixtures/fix/<case>/{before,expected})', () => {
  for (const fixCase of fixCases()) {
    describe(fixCase.name, () => {
      it('writes exactly the expected bytes, with the expected exit code', () => {
        const root = copyCase(fixCase.name);
        const run = runCli(['--fix', ...fixCase.args], { cwd: root });
        expect(run.stderr).toBe('');
        expect(run.exitCode).toBe(fixCase.exitCode);
        expect(readTree(root)).toEqual(readTree(path.join(FIX_FIXTURES, fixCase.name, 'expected')));
      });

      it('is idempotent: a second --fix rewrites nothing and touches no file', () => {
        const root = copyCase(fixCase.name);
        runCli(['--fix', ...fixCase.args], { cwd: root });
        const bytes = readTree(root);
        const times = mtimes(root);
        const second = runCli(['--fix', ...fixCase.args], { cwd: root });
        expect(second.stdout).toContain('nothing written');
        expect(readTree(root)).toEqual(bytes);
        expect(mtimes(root)).toEqual(times);
      });

      it('--dry-run writes nothing and prints a diff for exactly the files --fix changes', () => {
        const root = copyCase(fixCase.name);
        const bytes = readTree(root);
        const times = mtimes(root);
        const dry = runCli(['--fix', '--dry-run', ...fixCase.args], { cwd: root });
        expect(readTree(root)).toEqual(bytes);
        expect(mtimes(root)).toEqual(times);
        const expected = readTree(path.join(FIX_FIXTURES, fixCase.name, 'expected'));
        const changed = Object.keys(expected).filter((file) => expected[file] !== bytes[file]);
        const diffed = [...dry.stdout.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((match) => match[1]);
        expect(diffed.sort()).toEqual(changed.map((file) => file.replace(/^kubernetes\//, '')).sort());
        expect(dry.exitCode).toBe(fixCase.exitCode);
      });

      it('keeps every comment line of the target (unless --prune removed its key)', () => {
        if (fixCase.args.includes('--prune')) return;
        const before = readTree(path.join(FIX_FIXTURES, fixCase.name, 'before'));
        const after = readTree(path.join(FIX_FIXTURES, fixCase.name, 'expected'));
        for (const [file, text] of Object.entries(before)) {
          const comments = text.split('\n').filter((line) => line.trimStart().startsWith('#'));
          for (const comment of comments) expect(after[file]).toContain(comment);
        }
      });
    });
  }
});
