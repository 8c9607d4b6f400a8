import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, initRepo, runInRepo } from '../git/git-repo.js';
import { findingPath, servicePath, STACK_FRAME, type JsonFinding } from './fixtures.js';

describe('--staged reads the git index as strictly as the disk', () => {
  it('a staged file that is not UTF-8 is a parse-error at its line, not mojibake', () => {
    const repo = initRepo({
      [servicePath('ci', 'api')]: 'replicas: 2\ncity: Paris\n',
      [servicePath('staging', 'api')]: 'replicas: 2\ncity: Paris\n',
      [servicePath('prod', 'api')]: 'replicas: 2\ncity: Paris\n',
    });
    writeFileSync(path.join(repo, servicePath('prod', 'api')), Buffer.concat([Buffer.from('replicas: 2\ncity: Montr'), Buffer.from([0xe9]), Buffer.from('al\n')]));
    git(repo, 'add', '-A');
    const run = runInRepo(repo, ['--staged', '--format', 'json']);
    expect(run.exitCode).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings).toContainEqual(expect.objectContaining({
      ruleId: 'parse-error', env: 'prod', file: `kubernetes/${findingPath('prod', 'api')}`, line: 2, column: 12,
      message: 'the file is not UTF-8 text: byte 0xE9 cannot be decoded (save the file as UTF-8)',
    }));
    expect(run.stdout).not.toContain('\uFFFD');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
