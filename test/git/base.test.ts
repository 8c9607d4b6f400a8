import { describe, expect, it } from 'vitest';
import { gatesFiles, lineOf, overlayPath } from '../rules/gates-fixture.js';
import { commitAll, edit, git, initRepo, runInRepo } from './git-repo.js';

const prodConfig = overlayPath('prod');
const rotateProdKey = (text: string) => text.replace('sk_live_FAKEprod', 'sk_live_FAKErotated');

describe('--base REF', () => {
  it("blocks a pull request that changes a whitelisted prod value, at the key's line in HEAD", () => {
    const root = initRepo(gatesFiles());
    git(root, 'switch', '--quiet', '-c', 'feature');
    const text = edit(root, prodConfig, rotateProdKey);
    commitAll(root, 'rotate the prod key');
    // HEAD is read from git: an uncommitted undo in the working tree changes nothing.
    edit(root, prodConfig, (changed) => changed.replace('sk_live_FAKErotated', 'sk_live_FAKEprod'));
    const run = runInRepo(root, ['--base', 'main', '-f', 'json']);
    expect(run.exitCode).toBe(1);
    const changed = JSON.parse(run.stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'whitelist-changed');
    expect(changed).toEqual([expect.objectContaining({ env: 'prod', key: 'stripe.secretKey', file: prodConfig, line: lineOf(text, 'secretKey:'), column: 3 })]);
    expect(changed[0].message).toContain('since main');
    expect(runInRepo(root, ['--base', 'main', '--allow', 'stripe.secretKey']).exitCode).toBe(0);
  });

  it('compares with the merge base: a change that landed on main after the branch point is not the PR’s', () => {
    const root = initRepo(gatesFiles());
    git(root, 'switch', '--quiet', '-c', 'feature');
    edit(root, overlayPath('ci'), (text) => text.replace('concurrency: 8', 'concurrency: 16'));
    commitAll(root, 'ci: more workers');
    git(root, 'switch', '--quiet', 'main');
    edit(root, prodConfig, rotateProdKey);
    commitAll(root, 'rotate the prod key (reviewed)');
    git(root, 'switch', '--quiet', 'feature');
    const run = runInRepo(root, ['--base', 'main', '-f', 'json']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId)).not.toContain('whitelist-changed');
  });

  it('an unknown REF is a usage error: one line, exit 2', () => {
    const root = initRepo(gatesFiles());
    const run = runInRepo(root, ['--base', 'origin/nope']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('promote-lint: --base: "origin/nope" names no commit in this repository (fetch it first?)\n');
  });
});
