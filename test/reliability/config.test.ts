import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { seedRepo, STACK_FRAME } from './fixtures.js';

const SERVICES = { api: { ci: 'replicas: 2\n', staging: 'replicas: 2\n', prod: 'replicas: 2\n' } };

function withConfig(file: string, text: string) {
  const cwd = seedRepo(SERVICES);
  writeFileSync(path.join(cwd, file), text);
  return cwd;
}

/** Exit 2, one message on stderr whose lines are all `file:line: what is wrong`, nothing on stdout, no stack. */
function expectUsageError(cwd: string, args: string[] = []) {
  const run = runCli(args, { cwd });
  expect(run.exitCode).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^promote-lint: /);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  return run.stderr;
}

const VALID_HEAD = [
  '{',
  '  "root": "kubernetes",',
  '  "environments": [',
  '    { "name": "ci", "overlay": "overlays/aws-ci", "live": false },',
  '    { "name": "staging", "overlay": "overlays/aws-staging", "live": true },',
  '    { "name": "prod", "overlay": "overlays/aws-prod", "live": true }',
  '  ]',
].join('\n');

describe('an invalid config: every error names the file, the line and the property; exit 2', () => {
  it('a JSON config with an unknown key, wrong types and a bad enum, each at its own line', () => {
    const cwd = withConfig('.promoterc.json', [
      '{',
      '  "root": "kubernetes",',
      '  "environments": [',
      '    { "name": "ci", "overlay": "overlays/aws-ci", "live": "no" },',
      '    { "name": "prod", "overlay": "overlays/aws-prod", "live": true,',
      '      "manualSinc": true }',
      '  ],',
      '  "whitelists": [],',
      '  "rules": {',
      '    "drift": "loud"',
      '  },',
      '  "whitelist": [{ "key": 3, "reason": "x" }]',
      '}',
      '',
    ].join('\n'));
    const stderr = expectUsageError(cwd);
    const lines = stderr.trim().split('\n').slice(1).map((line) => line.trim()).sort();
    expect(lines).toEqual([
      '.promoterc.json:10: "rules.drift" must be one of "off", "warn", "error"',
      '.promoterc.json:12: "whitelist.0.key" must be string',
      '.promoterc.json:4: "environments.0.live" must be boolean',
      '.promoterc.json:6: "environments.1" has unknown property "manualSinc"',
      '.promoterc.json:8: the config has unknown property "whitelists"',
    ]);
  });

  it('a YAML config: a missing required property is reported at the object that lacks it', () => {
    const cwd = withConfig('.promoterc.yaml', 'root: kubernetes\nenvironments:\n  - name: ci\n    overlay: overlays/aws-ci\n    live: false\n  - name: prod\n    overlay: overlays/aws-prod\nwhitelist:\n  - key: stripe.secretKey\n');
    const stderr = expectUsageError(cwd);
    expect(stderr).toContain('.promoterc.yaml:6: "environments.1" is missing required property "live"');
    expect(stderr).toContain('.promoterc.yaml:9: "whitelist.0" is missing required property "reason"');
  });

  it('a config under "promote" in package.json points at lines of package.json', () => {
    const cwd = withConfig('package.json', '{\n  "name": "gitops",\n  "promote": {\n    "root": "kubernetes",\n    "environmentz": []\n  }\n}\n');
    expect(expectUsageError(cwd)).toContain('package.json:5: the config has unknown property "environmentz"');
  });

  it('a JS config: the property is named (JS data has no line)', () => {
    const cwd = withConfig('promote.config.mjs', 'export default { root: "kubernetes", environments: [{ name: "ci", live: 1 }] };\n');
    expect(expectUsageError(cwd)).toContain('promote.config.mjs: "environments.0.live" must be boolean');
  });

  it('a JSON config that does not parse is reported at its line and column', () => {
    const cwd = withConfig('.promoterc.json', `${VALID_HEAD},\n  "rules": { "drift": "warn", }\n  "x": 1\n}\n`);
    expect(expectUsageError(cwd)).toMatch(/^promote-lint: \.promoterc\.json:9:\d+: /);
  });

  it('a config with a duplicate key is refused, not silently last-one-wins', () => {
    const cwd = withConfig('.promoterc.json', `${VALID_HEAD},\n  "root": "elsewhere"\n}\n`);
    expect(expectUsageError(cwd)).toMatch(/^promote-lint: \.promoterc\.json:8:3: Map keys must be unique/);
  });

  it('a config that is not a mapping', () => {
    const cwd = withConfig('.promoterc.json', '["kubernetes"]\n');
    expect(expectUsageError(cwd)).toContain('.promoterc.json:1: the config must be object');
  });
});

describe('a JS config that throws is the user’s error, named with its line: exit 2, no stack', () => {
  it('an exception thrown while the config runs', () => {
    const cwd = withConfig('promote.config.js', 'const environments = [];\nthrow new Error("PROMOTE_ENV is not set");\n');
    expect(expectUsageError(cwd)).toBe('promote-lint: promote.config.js:2: cannot load the config: PROMOTE_ENV is not set\n');
  });

  it('a syntax error', () => {
    const cwd = withConfig('promote.config.js', 'export default { root: \n');
    expect(expectUsageError(cwd)).toMatch(/^promote-lint: promote\.config\.js(:\d+)?: cannot load the config: Unexpected/);
  });

  it('an explicit -c config that throws', () => {
    const cwd = withConfig('ci.config.cjs', 'module.exports = require("./missing-module-of-the-user.cjs");\n');
    expect(expectUsageError(cwd, ['-c', 'ci.config.cjs'])).toMatch(/^promote-lint: ci\.config\.cjs:1: cannot load the config: Cannot find module/);
  });
});

describe('paths cannot escape the root, and missing places are a clean exit 2', () => {
  it('an overlay outside the root', () => {
    const cwd = withConfig('.promoterc.json', '{\n  "root": "kubernetes",\n  "environments": [\n    { "name": "ci", "overlay": "overlays/aws-ci", "live": false },\n    { "name": "prod", "overlay": "../../etc", "live": true }\n  ]\n}\n');
    expect(expectUsageError(cwd)).toMatch(/environment "prod" overlay "\.\.\/\.\.\/etc" is outside the root/);
  });

  it.each([['../outside/config.yaml'], ['/etc/passwd'], ['{env}/../../../etc/*.yaml']])('a service file %s', (file) => {
    const cwd = withConfig('.promoterc.json', `${VALID_HEAD},\n  "services": { "api": { "files": [${JSON.stringify(file)}] } }\n}\n`);
    expect(expectUsageError(cwd)).toContain(`services.api.files: "${file}" must stay inside the root`);
  });

  it('--cwd to a directory that does not exist', () => {
    const cwd = seedRepo(SERVICES);
    expect(expectUsageError(cwd, ['--cwd', 'no/such/dir'])).toBe('promote-lint: --cwd: directory not found: no/such/dir\n');
  });

  it('--cwd to a file', () => {
    const cwd = withConfig('notes.txt', 'hello\n');
    expect(expectUsageError(cwd, ['--cwd', 'notes.txt'])).toBe('promote-lint: --cwd: directory not found: notes.txt\n');
  });

  it('-c to a file that does not exist', () => {
    const cwd = seedRepo(SERVICES);
    expect(expectUsageError(cwd, ['-c', 'missing.json'])).toBe('promote-lint: config file not found: missing.json\n');
  });

  it('-c to a directory', () => {
    const cwd = seedRepo(SERVICES);
    expect(expectUsageError(cwd, ['-c', 'kubernetes'])).toBe('promote-lint: config file not found: kubernetes\n');
  });
});
