import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers.js';
import { commitAll, edit, git, runInRepo } from '../git/git-repo.js';

const GATES = ['test-secret', 'live-secret', 'whitelist-copied', 'whitelist-missing', 'env-constraint', 'whitelist-changed'];

interface Report {
  summary: { errors: number };
  findings: Array<{ ruleId: string }>;
}

describe('the safety gates on the clean bundled example', () => {
  it('stay quiet: exit 0, no gate finding', () => {
    const run = runCli(['--format', 'json'], { cwd: copyExample() });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.filter((finding) => GATES.includes(finding.ruleId))).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('stay quiet in --staged mode with nothing staged, and with a staged CI business change', () => {
    const example = copyExample();
    git(example, 'init', '--quiet', '--initial-branch=main');
    commitAll(example, 'example');
    const gateFindings = (stdout: string) => (JSON.parse(stdout) as Report).findings.filter((finding) => GATES.includes(finding.ruleId));
    const nothingStaged = runInRepo(example, ['--staged', '-f', 'json']);
    expect(nothingStaged.exitCode).toBe(0);
    expect(gateFindings(nothingStaged.stdout)).toEqual([]);
    const ciConfig = 'kubernetes/overlays/aws-ci/configs/simplex-api/config.yaml';
    edit(example, ciConfig, (text) => text.replace('concurrency: 16 ', 'concurrency: 24 '));
    git(example, 'add', ciConfig);
    const ciChange = runInRepo(example, ['--staged', '-f', 'json', ciConfig]);
    expect(ciChange.exitCode).toBe(0);
    expect(gateFindings(ciChange.stdout)).toEqual([]);
    expect(ciChange.stdout).toContain('"message": "worker.concurrency is 8 in prod, 24 in ci"');
  });
});
