import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';

const FILE = (env: string) => `kubernetes/overlays/aws-${env}/configs/api/config.yaml`;
const SOURCE = '# api settings\nworker:\n  concurrency: 16\ndatabase:\n  default:\n    link: "postgres://api:FAKEpw-ci@ci-rds.example.internal/api"\n';

describe('--fix and a target without the settings yet', () => {
  it('fills a target file holding only comments, keeping them, without whitelisted keys', () => {
    const root = writeTree(tempDir(), { [FILE('ci')]: SOURCE, [FILE('staging')]: '# staging: to be filled\n', [FILE('prod')]: '' });
    const run = runCli(['--fix'], { cwd: root });
    expect(readFileSync(path.join(root, FILE('staging')), 'utf8')).toBe('# staging: to be filled\n# api settings\nworker:\n  concurrency: 16\n');
    expect(readFileSync(path.join(root, FILE('prod')), 'utf8')).toBe('# api settings\nworker:\n  concurrency: 16\n');
    expect(run.stdout).not.toContain('FAKEpw-ci');
  });

  it('creates a missing file (and its directory) from the source, the dry run only showing it', () => {
    const root = writeTree(tempDir(), { [FILE('ci')]: SOURCE, [FILE('staging')]: SOURCE.replace('ci-rds', 'stg-rds').replace('FAKEpw-ci', 'FAKEpw-stg') });
    const dry = runCli(['--fix', '--dry-run'], { cwd: root });
    expect(dry.stdout).toContain('--- /dev/null\n+++ b/overlays/aws-prod/configs/api/config.yaml\n@@ -0,0 +1,3 @@\n+# api settings\n');
    expect(() => readFileSync(path.join(root, FILE('prod')))).toThrow();
    runCli(['--fix'], { cwd: root });
    expect(readFileSync(path.join(root, FILE('prod')), 'utf8')).toBe('# api settings\nworker:\n  concurrency: 16\n');
  });
});
