import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli, tempDir } from '../helpers.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

/**
 * A fake `argocd` (and `kubectl`) first on PATH: if promote-lint ever ran one, the marker file
 * would appear. Every plan test checks that it never does.
 */
function makeFakeTools(): { bin: string; marker: string } {
  const bin = tempDir('fake-argocd-');
  const markerFile = path.join(bin, 'INVOKED');
  for (const tool of ['argocd', 'kubectl']) {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "$0 $*" >> '${markerFile}'\n`);
    chmodSync(path.join(bin, tool), 0o755);
  }
  return { bin, marker: markerFile };
}

let fakeBin: string;
let marker: string;
beforeAll(() => {
  ({ bin: fakeBin, marker } = makeFakeTools());
});

it('the fake argocd leaves its marker when it is run (so the checks below can fail)', () => {
  const probe = makeFakeTools();
  execFileSync('sh', ['-c', 'argocd app sync simplex-aws-prod'], { env: { ...process.env, PATH: `${probe.bin}${path.delimiter}${process.env.PATH ?? ''}` } });
  expect(existsSync(probe.marker)).toBe(true);
});

function plan(cwd: string, ...args: string[]) {
  const run = runCli(['plan', ...args], { cwd, env: { PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}` } });
  expect(existsSync(marker)).toBe(false);
  return run;
}

/** The example as a clone of a remote: `origin/main` is its upstream. */
function exampleClone(): string {
  const origin = copyExample();
  git(origin, 'init', '-q');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'initial');
  const clone = path.join(tempDir(), 'clone');
  git(path.dirname(clone), 'clone', '-q', origin, clone);
  return clone;
}

const STAGING_COMMANDS = ['argocd app get simplex-aws-staging', 'argocd app diff simplex-aws-staging', 'argocd app sync simplex-aws-staging'].join('\n');
const PROD_COMMANDS = ['argocd app get simplex-aws-prod', 'argocd app diff simplex-aws-prod', '# MANUAL — run only on an explicit request: argocd app sync simplex-aws-prod'].join('\n');

describe('promote-lint plan', () => {
  it('in a clone: only the environment whose overlay differs from origin/main, commands printed, nothing run', () => {
    const clone = exampleClone();
    expect(plan(clone).stdout).toContain('no overlay differs from origin/main: nothing to deploy');
    expect(runCli(['images', '--fix', '--from', 'ci', '--to', 'staging'], { cwd: clone }).exitCode).toBe(0);
    const run = plan(clone);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        '# staging (argocd app simplex-aws-staging): kubernetes/overlays/aws-staging differs from origin/main (1 file)',
        STAGING_COMMANDS,
        '',
        '# these changes are not in origin/main yet: commit and push first — argocd deploys what the remote branch holds',
        '# promote-lint prints these commands and never runs them.',
        '',
      ].join('\n'),
    );
  });

  it('counts committed-but-unpushed and untracked files; prod gets get/diff and a commented MANUAL sync', () => {
    const clone = exampleClone();
    const prodOverlay = path.join(clone, 'kubernetes', 'overlays', 'aws-prod');
    mkdirSync(path.join(prodOverlay, 'extra'));
    writeFileSync(path.join(prodOverlay, 'extra', 'new.yaml'), 'a: 1\n');
    runCli(['images', '--fix', '--from', 'staging', '--to', 'prod'], { cwd: clone });
    git(clone, 'commit', '-qam', 'promote images to prod');
    const run = plan(clone, '-f', 'json');
    const report = JSON.parse(run.stdout);
    expect(report.base).toBe('origin/main');
    expect(report.environments).toEqual([
      {
        env: 'prod',
        app: 'simplex-aws-prod',
        manualSync: true,
        reason: 'kubernetes/overlays/aws-prod differs from origin/main (2 files)',
        changedFiles: ['kubernetes/overlays/aws-prod/extra/new.yaml', 'kubernetes/overlays/aws-prod/kustomization.yaml'],
        commands: [
          { command: 'argocd app get simplex-aws-prod', readOnly: true, manual: false },
          { command: 'argocd app diff simplex-aws-prod', readOnly: true, manual: false },
          { command: 'argocd app sync simplex-aws-prod', readOnly: false, manual: true },
        ],
      },
    ]);
    expect(plan(clone).stdout).toContain(PROD_COMMANDS);
  });

  it('without an upstream compares with HEAD; --base REF compares with that commit', () => {
    const root = copyExample();
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'initial');
    expect(plan(root).stdout).toContain('no overlay differs from HEAD');
    runCli(['images', '--fix', '--to', 'staging'], { cwd: root });
    expect(plan(root).stdout).toContain('# staging (argocd app simplex-aws-staging): kubernetes/overlays/aws-staging differs from HEAD (1 file)');
    git(root, 'commit', '-qam', 'promote');
    expect(plan(root).stdout).toContain('no overlay differs from HEAD');
    const run = plan(root, '--base', 'HEAD~1');
    expect(run.stdout).toContain(`# staging (argocd app simplex-aws-staging): kubernetes/overlays/aws-staging differs from HEAD~1 (1 file)\n${STAGING_COMMANDS}\n`);
    expect(run.stdout).not.toContain('push first');
    expect(plan(root, '--base', 'no-such-ref')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('--base no-such-ref: no such commit') });
  });

  it('outside git: every live environment, staging synced, prod manual', () => {
    const run = plan(copyExample());
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`# staging (argocd app simplex-aws-staging): live (not a git repository: changes unknown)\n${STAGING_COMMANDS}\n`);
    expect(run.stdout).toContain(`# prod (argocd app simplex-aws-prod): live (not a git repository: changes unknown); sync is manual\n${PROD_COMMANDS}\n`);
    expect(run.stdout).not.toContain('simplex-aws-ci');
  });

  it('--to names the environments; pasting the whole output into a shell never syncs prod', () => {
    const run = plan(copyExample(), '--to', 'prod');
    expect(run.stdout).toContain(PROD_COMMANDS);
    const lines = run.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(lines).toEqual(['argocd app get simplex-aws-prod', 'argocd app diff simplex-aws-prod']);
    expect(plan(copyExample(), '--to', 'qa')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('unknown environment "qa"') });
  });

  it('images --fix prints the plan of the promoted environment and runs nothing', () => {
    const root = copyExample();
    const run = runCli(['images', '--fix', '--to', 'prod'], { cwd: root, env: { PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}` } });
    expect(run.stdout).toContain(`# prod (argocd app simplex-aws-prod): just promoted from staging; sync is manual\n${PROD_COMMANDS}\n`);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('--help', () => {
  it('lists the images and plan commands with their options', () => {
    const run = runCli(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('promote-lint images [--fix [--dry-run] --from ENV --to ENV] [--image NAME...]');
    expect(run.stdout).toContain('promote-lint plan [--to ENV[,ENV]] [--base REF]');
  });
});
