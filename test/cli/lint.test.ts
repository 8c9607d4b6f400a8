import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';
import { cliFixture, LIVE_KEY, type JsonReport } from './fixture.js';

const API = (env: string) => `kubernetes/overlays/aws-${env}/configs/simplex-api/config.yaml`;
const GATEWAY = (env: string) => `kubernetes/overlays/aws-${env}/configs/gateway/config.yaml`;
const BROKEN_PROD_API = { [`${API('prod')}`]: 'worker:\n  concurrency: 8\n  concurrency: 9\n' };

function lintJson(args: string[], cwd = cliFixture()) {
  const run = runCli(['--format', 'json', ...args], { cwd });
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

describe('promote-lint: exit codes and JSON findings', () => {
  it('exits 0 on warnings only, with every finding’s file, line and column', () => {
    const { exitCode, report, stderr } = lintJson([]);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const finding = (ruleId: string, service: string, env: string, key: string, file: string, line: number, column: number, message: string) => ({
      ruleId,
      severity: 'warning',
      service,
      env,
      key,
      file,
      line,
      column,
      message,
      fixable: true,
    });
    expect(report.findings).toEqual([
      finding('drift', 'simplex-gateway', 'prod', 'upstreams.router.timeout', GATEWAY('prod'), 3, 5, 'upstreams.router.timeout is "120s" in prod, "180s" in ci'),
      finding('missing-key', 'simplex-api', 'prod', 'features', API('prod'), 1, 1, 'features is in ci but missing in prod'),
      finding('drift', 'simplex-api', 'prod', 'worker.concurrency', API('prod'), 8, 3, 'worker.concurrency is 8 in prod, 16 in ci'),
      finding('missing-key', 'simplex-api', 'staging', 'features', API('staging'), 1, 1, 'features is in ci but missing in staging'),
      finding('drift', 'simplex-api', 'staging', 'worker.concurrency', API('staging'), 8, 3, 'worker.concurrency is 8 in staging, 16 in ci'),
    ]);
    expect(report.summary).toEqual({ different: 2, expected: 2, missing: 1, errors: 0, warnings: 5 });
  });

  it('exits 1 on an error, and names the broken file and line', () => {
    const { exitCode, report } = lintJson([], cliFixture(BROKEN_PROD_API));
    expect(exitCode).toBe(1);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', service: 'simplex-api', env: 'prod', file: API('prod'), line: 3, column: 3 }),
    ]);
    expect(report.summary.errors).toBe(1);
  });

  it.each([
    [['--max-warnings', '0'], 1],
    [['--max-warnings', '4'], 1],
    [['--max-warnings', '5'], 0],
    [['--max-warnings=-1'], 0],
    [['--quiet', '--max-warnings', '0'], 0],
  ])('%j → exit %i (5 warnings)', (args, expected) => {
    expect(runCli(args, { cwd: cliFixture() }).exitCode).toBe(expected);
  });

  it('--quiet reports errors only, in stylish and in JSON', () => {
    const cwd = cliFixture(BROKEN_PROD_API);
    const stylish = runCli(['--quiet'], { cwd });
    expect(stylish.exitCode).toBe(1);
    expect(stylish.stdout).toContain('parse-error');
    expect(stylish.stdout).not.toContain('warning ');
    const { report } = lintJson(['--quiet'], cwd);
    expect(report.findings.map((finding) => finding.severity)).toEqual(['error']);
  });

  it('never prints a live credential in any format', () => {
    const cwd = cliFixture({ [API('prod')]: `stripe:\n  secretKey: ${LIVE_KEY}\nleaked: ${LIVE_KEY}\n` });
    for (const args of [[], ['-f', 'json'], ['--diff-only'], ['--show-expected']]) {
      const run = runCli(args, { cwd });
      expect(run.stdout + run.stderr).not.toContain(LIVE_KEY);
      expect(run.stdout + run.stderr).not.toContain(LIVE_KEY.slice(8, 20));
    }
  });
});

describe('promote-lint: stylish output', () => {
  it('groups findings by file with line:column, says what it checked and ends with the seed summary', () => {
    const run = runCli([], { cwd: cliFixture() });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(API('staging'));
    expect(lines).toContain('  8:3      warning  worker.concurrency is 8 in staging, 16 in ci  drift');
    expect(lines.slice(-3)).toEqual([
      'checked 2 services × 3 environments (6 files), ci → staging, prod',
      'different: 2 | whitelisted (expected): 2 | partially missing: 1',
      '✖ 5 problems (0 errors, 5 warnings)',
    ]);
  });

  it('says so when there is nothing to report', () => {
    const cwd = cliFixture({
      [API('ci')]: 'a: 1\n',
      [API('staging')]: 'a: 1\n',
      [API('prod')]: 'a: 1\n',
      [GATEWAY('prod')]: 'upstreams:\n  router:\n    timeout: 180s\n',
      '.promoterc.json': JSON.stringify({ root: 'kubernetes', whitelist: [] }),
    });
    const run = runCli([], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('checked 2 services × 3 environments (6 files), ci → staging, prod\ndifferent: 0 | whitelisted (expected): 0 | partially missing: 0\n✔ no problems\n');
  });
});

describe('promote-lint: choosing what to check', () => {
  it.each([['simplex-gateway'], ['gateway']])('-s %s selects by service or directory name', (name) => {
    const { exitCode, report, stdout } = { ...lintJson(['-s', name]), stdout: runCli(['-s', name], { cwd: cliFixture() }).stdout };
    expect(exitCode).toBe(0);
    expect(new Set(report.findings.map((finding) => finding.service))).toEqual(new Set(['simplex-gateway']));
    expect(stdout).toContain('checked 1 service × 3 environments (3 files)');
  });

  it('refuses an unknown -s with exit 2, naming the known services', () => {
    const run = runCli(['-s', 'simplex-apii'], { cwd: cliFixture() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('promote-lint: unknown service "simplex-apii" (known: simplex-api, simplex-gateway)\n');
    expect(run.stdout).toBe('');
  });

  it('narrows to the services of positional files and says which files it skipped', () => {
    const cwd = cliFixture();
    const run = runCli(['-f', 'json', GATEWAY('staging'), 'README.md', 'kubernetes/base/deployment.yaml'], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('promote-lint: skipped 2 file(s) that belong to no service\n');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(new Set(report.findings.map((finding) => finding.service))).toEqual(new Set(['simplex-gateway']));
  });

  it('accepts absolute paths as lint-staged passes them', () => {
    const cwd = cliFixture();
    const run = runCli([path.join(cwd, API('ci'))], { cwd });
    expect(run.stdout).toContain('checked 1 service × 3 environments (3 files)');
  });

  it('checks nothing, quickly and validly, when no file belongs to a service', () => {
    const run = runCli(['-f', 'json', 'README.md'], { cwd: cliFixture() });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('no service among the given files; nothing to check');
    expect(JSON.parse(run.stdout)).toEqual({ summary: { different: 0, expected: 0, missing: 0, errors: 0, warnings: 0 }, findings: [] });
  });

  it('--from/--to override the promotion path', () => {
    const { report } = lintJson(['--from', 'staging', '--to', 'prod']);
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.env} ${finding.key}`)).toEqual(['drift prod upstreams.router.timeout']);
  });

  it('--cwd runs as if started in the directory, -c takes an explicit config', () => {
    const cwd = cliFixture();
    expect(runCli(['--cwd', cwd, '-f', 'json']).stdout).toBe(runCli(['-f', 'json'], { cwd }).stdout);
    const explicit = runCli(['-c', path.join(cwd, '.promoterc.json'), '-s', 'gateway'], { cwd: path.join(cwd, 'kubernetes') });
    expect(explicit.stdout).toContain('checked 1 service');
  });
});

describe('promote-lint: usage and configuration errors (exit 2, one line, no stack trace)', () => {
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

  it.each([
    ['an unknown flag', ['--frobnicate'], /^promote-lint: Unknown option '--frobnicate'.*\(see promote-lint --help\)\n$/],
    ['an unknown format', ['-f', 'xml'], /^promote-lint: unknown format "xml" \(expected one of stylish, json/],
    ['a bad --max-warnings', ['--max-warnings', 'many'], /^promote-lint: --max-warnings expects a whole number, got "many"\n$/],
    ['a flag value that looks like a flag', ['--max-warnings', '-1'], /^promote-lint: Option '--max-warnings' argument is ambiguous\. .*use '--max-warnings=-XYZ'.*\n$/],
    ['an unknown --from', ['--from', 'dev'], /^promote-lint: unknown environment "dev" \(known: ci, staging, prod\)\n$/],
    ['a --cwd that does not exist', ['--cwd', 'no/such/dir'], /^promote-lint: --cwd: directory not found: no\/such\/dir\n$/],
    ['a -c that does not exist', ['-c', 'nope.json'], /^promote-lint: config file not found: nope.json\n$/],
  ])('%s', (_title, args, expected) => {
    const run = runCli(args, { cwd: cliFixture() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(expected);
    noStack(run.stderr);
  });

  it('a config that does not validate names file:line and the property', () => {
    const cwd = cliFixture({ '.promoterc.json': '{\n  "root": "kubernetes",\n  "rules": { "drift": "loud" }\n}\n' });
    const run = runCli([], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('promote-lint: invalid configuration:\n  .promoterc.json:3: "rules.drift" must be one of "off", "warn", "error"\n');
  });

  it('no config and no overlays is a configuration error, not a clean pass', () => {
    const run = runCli([], { cwd: writeTree(tempDir(), { 'README.md': '# not a GitOps repository\n' }) });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^promote-lint: no configuration found \(\.promoterc\.json\) and no kubernetes\/overlays\/ here/);
    noStack(run.stderr);
  });

  it('a config whose overlays do not exist finds no environment', () => {
    const cwd = cliFixture({ '.promoterc.json': JSON.stringify({ root: '.', environments: [{ name: 'a', overlay: 'x', live: false }, { name: 'b', overlay: 'y', live: true }] }) });
    const run = runCli([], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^promote-lint: no environment found: none of the overlays exists/);
  });
});

describe('promote-lint: -o, colour, help', () => {
  it('-o writes the report to a file and says so', () => {
    const cwd = cliFixture();
    const run = runCli(['-f', 'json', '-o', 'report.json'], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('promote-lint: wrote report.json (0 errors, 5 warnings)\n');
    const report = JSON.parse(readFileSync(path.join(cwd, 'report.json'), 'utf8')) as JsonReport;
    expect(report.summary.warnings).toBe(5);
  });

  it('-o writes no colour codes even when colour is forced', () => {
    const cwd = cliFixture();
    runCli(['-o', 'report.txt'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(readFileSync(path.join(cwd, 'report.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it.each([
    [{ NO_COLOR: undefined, FORCE_COLOR: '1' }, [], true],
    [{ NO_COLOR: undefined, FORCE_COLOR: '0' }, [], false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, [], false],
    [{ NO_COLOR: '', FORCE_COLOR: '1' }, [], false],
    [{ NO_COLOR: undefined, FORCE_COLOR: '1' }, ['--no-color'], false],
    [{ NO_COLOR: undefined, FORCE_COLOR: undefined }, [], false],
  ])('colour with env %j and %j → %s (stdout is a pipe)', (env, args, coloured) => {
    const run = runCli(args, { cwd: cliFixture(), env });
    expect(run.stdout.includes('\u001b[')).toBe(coloured);
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Usage: promote-lint') });
    expect(runCli(['--version'])).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });
});
