import { describe, expect, it } from 'vitest';
import { findingPath, lintJson, seedRepo, STACK_FRAME } from './fixtures.js';

const GOOD = {
  ci: 'feature:\n  enabled: true\nlimit: 10\n',
  staging: 'feature:\n  enabled: false\nlimit: 10\n',
  prod: 'feature:\n  enabled: true\nlimit: 10\n',
};
const BAD_SOURCE = 'name: api\nreplicas: 2\n';
const BAD_PROD = 'name: api\nreplicas: 3\n';

/** The staging copy of service "bad" is broken; everything else must still be checked. */
function lintWithBrokenStaging(staging: string | Buffer) {
  const cwd = seedRepo({ good: GOOD, bad: { ci: BAD_SOURCE, staging, prod: BAD_PROD } });
  return lintJson(cwd);
}

const cases: Array<{ name: string; staging: string | Buffer; line: number; column: number; message: RegExp }> = [
  { name: 'malformed YAML (an unclosed flow sequence)', staging: 'name: api\nreplicas: [1, 2\nlimit: 3\n', line: 3, column: 1, message: /Flow sequence/ },
  { name: 'a duplicate key', staging: 'name: api\nreplicas: 2\nname: web\n', line: 3, column: 1, message: /duplicate key "name"/ },
  { name: 'a duplicate key in a nested flow mapping', staging: 'name: api\nreplicas: 2\nlimits: {cpu: 1, cpu: 2}\n', line: 3, column: 18, message: /duplicate key "cpu"/ },
  { name: 'a document that is a single string', staging: 'just a sentence\n', line: 1, column: 1, message: /single value, not a mapping/ },
  { name: 'a second document that is a number', staging: 'name: api\n---\n42\n', line: 3, column: 1, message: /single value/ },
  { name: 'a list where the source has a mapping', staging: '- name: api\n- replicas: 2\n', line: 1, column: 1, message: /holds a list here but a mapping in ci/ },
  { name: 'binary garbage with NUL bytes', staging: Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x0a, 0x00, 0x01, 0x02, 0x7f, 0x00]), line: 2, column: 1, message: /NUL byte: a binary file/ },
  { name: 'Latin-1 bytes (not UTF-8)', staging: Buffer.concat([Buffer.from('name: api\ncity: caf'), Buffer.from([0xe9]), Buffer.from('\nreplicas: 2\n')]), line: 2, column: 10, message: /not UTF-8 text: byte 0xE9/ },
  { name: 'a truncated UTF-8 sequence', staging: Buffer.concat([Buffer.from('name: api\nreplicas: 2\nnote: '), Buffer.from([0xe2, 0x82])]), line: 3, column: 7, message: /not UTF-8 text: byte 0xE2/ },
  { name: 'a tab used for indentation', staging: 'name: api\nlimits:\n\tcpu: 1\n', line: 3, column: 1, message: /Tabs are not allowed/ },
];

describe('bad input: a parse-error at file:line, everything else still checked, no stack trace', () => {
  it.each(cases)('$name', ({ staging, line, column, message }) => {
    const run = lintWithBrokenStaging(staging);
    expect(run.exitCode).toBe(1);
    const parseErrors = run.findings.filter((finding) => finding.ruleId === 'parse-error');
    expect(parseErrors[0]).toMatchObject({ severity: 'error', service: 'bad', env: 'staging', file: findingPath('staging', 'bad'), line, column });
    expect(parseErrors[0].message).toMatch(message);
    expect(parseErrors.every((finding) => finding.file === findingPath('staging', 'bad'))).toBe(true);
    // The broken copy is left out of the comparison: no noise about its keys.
    expect(run.findings.filter((finding) => finding.env === 'staging' && finding.service === 'bad' && finding.ruleId !== 'parse-error')).toEqual([]);
    // The other service, and the other environments of the same service, are still compared.
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'good', env: 'staging', key: 'feature.enabled', line: 2 }));
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'bad', env: 'prod', key: 'replicas', line: 2 }));
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it('reports a broken file in the source environment without comparing it', () => {
    const cwd = seedRepo({ good: GOOD, bad: { ci: 'name: api\nname: web\n', staging: BAD_SOURCE, prod: BAD_PROD } });
    const run = lintJson(cwd);
    expect(run.exitCode).toBe(1);
    expect(run.findings.filter((finding) => finding.service === 'bad')).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', env: 'ci', file: findingPath('ci', 'bad'), line: 2, column: 1 }),
    ]);
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'good', key: 'feature.enabled' }));
  });

  it('caps a garbled file at ten problems and says how many more there are', () => {
    const garbled = Array.from({ length: 40 }, (_, index) => `key${index}: 1\nkey${index}: 2\n`).join('');
    const run = lintWithBrokenStaging(garbled);
    const parseErrors = run.findings.filter((finding) => finding.ruleId === 'parse-error');
    expect(parseErrors).toHaveLength(11);
    expect(parseErrors[10].message).toBe('30 more problems in this file not shown');
  });
});

describe('legal shapes and encodings are compared, not refused', () => {
  it('compares a top-level list (a JSON patch file) element by element', () => {
    const patch = (replicas: number) => `[\n  {"op": "replace", "path": "/spec/replicas", "value": ${replicas}}\n]\n`;
    const cwd = seedRepo({ patch: { ci: patch(2), staging: patch(2), prod: patch(5) } });
    const run = lintJson(cwd);
    expect(run.findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'patch', env: 'prod', key: '[0].value', line: 2 }));
  });

  it('reads a file with a byte order mark like the same file without one', () => {
    const cwd = seedRepo({ api: { ci: 'replicas: 2\nname: api\n', staging: '\uFEFFreplicas: 2\nname: web\n', prod: '\uFEFFreplicas: 2\nname: api\n' } });
    const run = lintJson(cwd);
    expect(run.exitCode).toBe(0);
    expect(run.findings.filter((finding) => finding.service === 'api')).toEqual([
      expect.objectContaining({ ruleId: 'drift', env: 'staging', key: 'name', line: 2, column: 1 }),
    ]);
  });

  it('reads CRLF line endings: values carry no \\r and lines are counted right', () => {
    const cwd = seedRepo({ api: { ci: 'replicas: 2\nname: api\nlimit: 1\n', staging: 'replicas: 2\r\nname: api\r\nlimit: 7\r\n', prod: 'replicas: 2\r\nname: api\nlimit: 1\r\n' } });
    const run = lintJson(cwd);
    expect(run.findings.filter((finding) => finding.service === 'api')).toEqual([
      expect.objectContaining({ ruleId: 'drift', env: 'staging', key: 'limit', line: 3, column: 1 }),
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a file of comments only', '# replicas: 2\n# name: api\n'],
  ])('compares %s in a target as a copy with none of the keys (missing-key, which --fix fills in)', (_name, staging) => {
    const run = lintWithBrokenStaging(staging);
    expect(run.exitCode).toBe(0);
    expect(run.findings.filter((finding) => finding.service === 'bad' && finding.env === 'staging')).toEqual([
      expect.objectContaining({ ruleId: 'missing-key', key: 'name', file: findingPath('staging', 'bad'), line: 1, column: 1, message: 'name is in ci but missing in staging' }),
      expect.objectContaining({ ruleId: 'missing-key', key: 'replicas', file: findingPath('staging', 'bad'), line: 1, column: 1, message: 'replicas is in ci but missing in staging' }),
    ]);
  });

  it('treats an empty file as empty when every environment agrees', () => {
    const cwd = seedRepo({ placeholder: { ci: '', staging: '# later\n', prod: '' }, api: { ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 1\n' } });
    const run = lintJson(cwd);
    expect(run.exitCode).toBe(0);
    expect(run.findings.filter((finding) => finding.service === 'placeholder')).toEqual([]);
  });
});
