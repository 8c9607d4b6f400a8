import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, PROJECT_ROOT, tempDir } from '../helpers.js';

const PROD_API = 'kubernetes/overlays/aws-prod/configs/simplex-api/config.yaml';
const CI_API = 'kubernetes/overlays/aws-ci/configs/simplex-api/config.yaml';
const CI_GATEWAY = 'kubernetes/overlays/aws-ci/configs/gateway/config.yaml';
const PROD_GATEWAY = 'kubernetes/overlays/aws-prod/configs/gateway/config.yaml';

/**
 * The whole hook as a user gets it: a consumer GitOps repository, `promote-lint init`, then the
 * real husky and lint-staged (this project's own copies, linked in as `npm i` would install them:
 * no network) and real `git commit`s through the installed pre-commit hook.
 */
describe('pre-commit hook (init + husky + lint-staged + promote-lint --staged)', () => {
  let repo: string;
  let env: NodeJS.ProcessEnv;

  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8' });
    return { exitCode: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
  };
  const git = (...args: string[]) => run('git', args);
  const head = () => git('rev-parse', 'HEAD').output.trim();
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(repo, file), change(readFileSync(path.join(repo, file), 'utf8')));

  beforeAll(() => {
    repo = copyExample();
    const home = tempDir('promote-lint-home-');
    writeFileSync(path.join(home, 'gitconfig'), '');
    // A user's shell, not the test runner's: vitest's NODE_ENV=test switches lint-staged's output.
    const userEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
    env = {
      ...userEnv,
      // CI exports HUSKY=0, which would make the hook a no-op; this test is about the hook running.
      HUSKY: undefined,
      GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
      GIT_CONFIG_NOSYSTEM: '1',
      XDG_CONFIG_HOME: home,
      GIT_AUTHOR_NAME: 'Dev',
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_COMMITTER_NAME: 'Dev',
      GIT_COMMITTER_EMAIL: 'dev@example.com',
      npm_config_offline: 'true',
      NO_COLOR: '1',
    };
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'GitOps repository before promote-lint');

    const init = run(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'promote-lint.js'), 'init']);
    expect(init.exitCode, init.output).toBe(0);
    linkDevDependencies(repo);
    const husky = run('npx', ['husky']);
    expect(husky.exitCode, husky.output).toBe(0);
    expect(git('config', 'core.hooksPath').output.trim()).toBe('.husky/_');
    git('add', '-A');
    const setup = git('commit', '-m', 'Add promote-lint pre-commit hook');
    expect(setup.exitCode, setup.output).toBe(0);
  });

  it('refuses a commit that puts a sk_test_ key into prod, and HEAD does not move', () => {
    const before = head();
    const testKey = 'sk_test_' + 'T'.repeat(24);
    edit(PROD_API, (text) => text.replace('features:\n', `features:\n  partnerApiKey: ${testKey}\n`));
    git('add', PROD_API);
    const commit = git('commit', '-m', 'Add partner key');
    expect(commit.exitCode).not.toBe(0);
    expect(commit.output).toMatch(/error +.*features\.partnerApiKey in prod.*test-secret/);
    expect(commit.output).toMatch(/✖ \d+ problems \(1 error,/);
    expect(commit.output).toContain('husky - pre-commit script failed');
    expect(commit.output).not.toContain(testKey);
    expect(head()).toBe(before);
    // The refused change is still staged, for the author to correct.
    expect(git('diff', '--cached', '--name-only').output.trim()).toBe(PROD_API);
    git('reset', '-q', '--hard', 'HEAD');
  });

  it('lets a CI-first business change through: drift is a warning, not a gate', () => {
    const before = head();
    edit(CI_API, (text) => text.replace('features:\n', 'features:\n  voiceInput: true\n'));
    git('add', CI_API);
    const commit = git('commit', '-m', 'Try voice input in CI');
    expect(commit.exitCode, commit.output).toBe(0);
    expect(git('rev-parse', 'HEAD~1').output.trim()).toBe(before);
    expect(git('show', '--name-only', '--format=', 'HEAD').output.trim()).toBe(CI_API);
  });

  // A tiny argument budget makes lint-staged split the absolute paths into one run per file.
  const chunkedLintStaged = () => run('npx', ['lint-staged', '--verbose', '--max-arg-length', '120']);

  it('files handed over in several chunks each narrow their run to their own services', () => {
    edit(CI_API, (text) => text.replace('features:\n', 'features:\n  liveTranscripts: true\n'));
    edit(CI_GATEWAY, (text) => `${text}retryBudget: 3\n`);
    git('add', CI_API, CI_GATEWAY);
    const lintStaged = chunkedLintStaged();
    expect(lintStaged.exitCode, lintStaged.output).toBe(0);
    expect(lintStaged.output).toContain('(chunk 2/2)');
    expect(lintStaged.output.match(/checked 1 service × 3 environments/g)).toHaveLength(2);
    git('reset', '-q', '--hard', 'HEAD');
  });

  it('a chunk holding a test key in prod fails the whole hook', () => {
    edit(CI_API, (text) => text.replace('features:\n', 'features:\n  liveTranscripts: true\n'));
    edit(PROD_GATEWAY, (text) => `${text}partnerKey: ${'sk_test_' + 'G'.repeat(24)}\n`);
    git('add', CI_API, PROD_GATEWAY);
    const lintStaged = chunkedLintStaged();
    expect(lintStaged.exitCode).not.toBe(0);
    expect(lintStaged.output).toContain('(chunk 2/2)');
    expect(lintStaged.output).toMatch(/error +.*partnerKey in prod.*test-secret/);
    git('reset', '-q', '--hard', 'HEAD');
  });
});

/** What `npm i -D promote-lint husky lint-staged` would put in place, linked from this project. */
function linkDevDependencies(repo: string): void {
  const modules = path.join(repo, 'node_modules');
  mkdirSync(path.join(modules, '.bin'), { recursive: true });
  symlinkSync(PROJECT_ROOT, path.join(modules, 'promote-lint'), 'dir');
  for (const name of ['husky', 'lint-staged']) symlinkSync(path.join(PROJECT_ROOT, 'node_modules', name), path.join(modules, name), 'dir');
  const bins = { 'promote-lint': '../promote-lint/bin/promote-lint.js', husky: '../husky/bin.js', 'lint-staged': '../lint-staged/bin/lint-staged.js' };
  for (const [name, target] of Object.entries(bins)) symlinkSync(target, path.join(modules, '.bin', name));
}
