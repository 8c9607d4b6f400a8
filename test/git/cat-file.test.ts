import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatFileBatch } from '../../src/git/cat-file.js';
import { tempDir } from '../helpers.js';
import { gatesFiles, overlayPath } from '../rules/gates-fixture.js';
import { edit, git, gitEnv, initRepo, runInRepo } from './git-repo.js';

/** A `git` on PATH that logs each call's arguments, then runs the real git. */
function loggingGit(): { binDirectory: string; log: string } {
  const binDirectory = tempDir('promote-lint-gitlog-');
  const log = path.join(binDirectory, 'calls.log');
  const realGit = git(binDirectory, '--exec-path').trim();
  writeFileSync(path.join(binDirectory, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log}"\nexec "${realGit}/git" "$@"\n`);
  chmodSync(path.join(binDirectory, 'git'), 0o755);
  writeFileSync(log, '');
  return { binDirectory, log };
}

function stagedRunCalls(serviceCount: number): string[] {
  const files = gatesFiles();
  for (let index = 1; index < serviceCount; index++) {
    for (const env of ['ci', 'staging', 'prod'] as const) files[overlayPath(env, `configs/api${index}/config.yaml`)] = files[overlayPath(env)];
  }
  const root = initRepo(files);
  edit(root, overlayPath('prod'), (text) => text.replace('concurrency: 8', 'concurrency: 9'));
  git(root, 'add', '-A');
  const { binDirectory, log } = loggingGit();
  const run = runInRepo(root, ['--staged'], { PATH: `${binDirectory}${path.delimiter}${process.env.PATH ?? ''}` });
  expect(run.exitCode).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n');
}

describe('reading blobs from git', () => {
  it('uses one long-lived `git cat-file --batch` however many files there are', () => {
    const few = stagedRunCalls(1);
    const many = stagedRunCalls(6);
    expect(many.filter((call) => call.startsWith('cat-file'))).toEqual(['cat-file --batch']);
    expect(many.filter((call) => call.startsWith('show'))).toEqual([]);
    expect(many).toHaveLength(few.length);
  });

  it('answers concurrent reads in order, and undefined for an object git does not have', async () => {
    const root = initRepo({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: "two"\n', 'empty.yaml': '' });
    const ids = git(root, 'ls-files', '--stage').trim().split('\n').map((line) => line.split(/\s+/)[1]);
    const catFile = new CatFileBatch(root, gitEnv());
    try {
      const contents = await Promise.all([...ids, '0'.repeat(40), ...ids].map((id) => catFile.read(id)));
      expect(contents.map((content) => content?.toString('utf8'))).toEqual(['a: 1\n', 'b: "two"\n', '', undefined, 'a: 1\n', 'b: "two"\n', '']);
    } finally {
      catFile.close();
    }
  });
});
