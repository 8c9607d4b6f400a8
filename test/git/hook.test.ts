import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers.js';
import { gatesFiles, overlayPath } from '../rules/gates-fixture.js';
import { edit, git, gitEnv, initRepo } from './git-repo.js';

const prodConfig = overlayPath('prod');
const changeProdLink = (text: string) => text.replace(/link: ".*"/, 'link: "postgres://api:FAKEpw-new@prod-rds-2.example.internal:5432/api"');

/** A repository whose pre-commit hook runs `promote-lint --staged`, as husky would. */
function repoWithHook(): string {
  const root = initRepo(gatesFiles());
  const hook = path.join(root, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" --staged --quiet\n`);
  chmodSync(hook, 0o755);
  return root;
}

function commit(root: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('git', ['commit', '--quiet', '-m', 'change', ...args], { cwd: root, env: gitEnv({ NO_COLOR: '1', ...env }), encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('as a git pre-commit hook', () => {
  it('blocks a commit that changes a whitelisted prod value, and lets it through with PROMOTE_LINT_ALLOW', () => {
    const root = repoWithHook();
    const head = git(root, 'rev-parse', 'HEAD');
    edit(root, prodConfig, changeProdLink);
    git(root, 'add', prodConfig);
    const blocked = commit(root, []);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('whitelist-changed');
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head);
    const allowed = commit(root, [], { PROMOTE_LINT_ALLOW: 'database.default.link' });
    expect(allowed.status).toBe(0);
    expect(allowed.output).toContain('1 allowed change');
    expect(git(root, 'rev-parse', 'HEAD')).not.toBe(head);
  });

  it('`git commit PATH` checks the temporary index git builds for it (GIT_INDEX_FILE), not the main one', () => {
    const root = repoWithHook();
    edit(root, prodConfig, changeProdLink);
    // Only on disk: `git commit <prod file>` commits it anyway, so the hook has to see it.
    expect(commit(root, ['--', prodConfig]).status).not.toBe(0);
    // Staged in the main index, but `git commit <ci file>` leaves it out of this commit.
    git(root, 'add', prodConfig);
    const ciConfig = overlayPath('ci');
    edit(root, ciConfig, (text) => text.replace('concurrency: 8', 'concurrency: 12'));
    const ciOnly = commit(root, ['--', ciConfig]);
    expect(ciOnly.output).not.toContain('whitelist-changed');
    expect(ciOnly.status).toBe(0);
  });
});
