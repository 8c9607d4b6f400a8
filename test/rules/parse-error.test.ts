import { describe, expect, it } from 'vitest';
import { lintTree, seedConfig, seedFiles } from '../support/lintTree.js';

const FILE = (env: string, file = 'config.yaml') => `kubernetes/overlays/aws-${env}/configs/api/${file}`;

function aliasBomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  const names = 'bcdefghij';
  [...names].forEach((name, level) => lines.push(`${name}: &${name} [${Array(9).fill(`*${level === 0 ? 'a' : names[level - 1]}`).join(', ')}]`));
  return `${lines.join('\n')}\n`;
}

describe('parse-error', () => {
  it.each([
    { title: 'a YAML syntax error', prod: 'a: 1\nb: [1, 2\nc: 3\n', line: 3, message: /./ },
    { title: 'a duplicate key, at the duplicate', prod: 'server:\n  port: 1\n  port: 2\n', line: 3, message: /unique/i },
    { title: 'invalid JSON', prod: '{"a": 1,, "b": 2}', line: 1, message: /./, file: 'config.json' },
    // at the first alias that crosses the limit: the first *e of line 6 (levels a..e expand to 74,718 nodes)
    { title: 'an alias bomb', prod: aliasBomb(), line: 6, message: /aliases expand to more than 100000 nodes/ },
    { title: 'an alias to no anchor', prod: 'a: 1\nb: *missing\n', line: 2, message: /alias \*missing refers to no anchor/ },
  ])('$title', async ({ prod, line, message, file = 'config.yaml' }) => {
    const { of, result } = await lintTree(seedFiles({ ci: file.endsWith('.json') ? '{"a": 1}' : 'a: 1\n', prod }, 'api', file));
    expect(of('parse-error')).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', severity: 'error', service: 'api', env: 'prod', key: '', file: FILE('prod', file), line, fixable: false, message: expect.stringMatching(message) }),
    ]);
    expect(result.summary.errors).toBe(1);
  });

  it('leaves the broken copy out of every comparison', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\nb: 2\n', staging: 'a: 1\nb: 2\n', prod: 'a: 9\na: 9\n' }));
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['parse-error']);
    expect(result.summary).toMatchObject({ different: 0, missing: 0 });
  });

  it('reports a file shared by two services once', async () => {
    const files = seedFiles({ ci: 'a: 1\n', prod: 'a: [\n' });
    const config = seedConfig({ services: { one: { files: ['configs/api/config.yaml'] }, two: { files: ['configs/api/*.yaml'] } } });
    const { of } = await lintTree(files, config);
    expect(of('parse-error')).toHaveLength(1);
  });

  it('takes its severity from the config', async () => {
    const { of, result } = await lintTree(seedFiles({ ci: 'a: 1\n', prod: 'a: [\n' }), seedConfig({ rules: { 'parse-error': 'warn' } }));
    expect(of('parse-error').map((finding) => finding.severity)).toEqual(['warning']);
    expect(result.summary.errors).toBe(0);
  });
});
