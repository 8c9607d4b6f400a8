import { describe, expect, it } from 'vitest';
import { checkedLine, summaryLines } from '../../src/format/text.js';
import { lintTree, seedConfig, seedFiles } from '../support/lintTree.js';

describe('checkedLine', () => {
  it('counts a file two services share once', async () => {
    const config = seedConfig({ services: { one: { files: ['configs/api/config.yaml'] }, two: { files: ['configs/api/*.yaml'] } } });
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 1\n' }), config);
    expect(checkedLine(result)).toBe('checked 2 services × 3 environments (3 files), ci → staging, prod');
  });

  it('counts every environment it read, also outside the promotion path', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 1\n' }), seedConfig(), { from: 'ci', to: ['staging'] });
    expect(checkedLine(result)).toBe('checked 1 service × 3 environments (3 files), ci → staging');
  });

  it('counts only files that exist', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\n', prod: 'a: 1\n' }), seedConfig());
    expect(checkedLine(result)).toBe('checked 1 service × 3 environments (2 files), ci → staging, prod');
  });
});

describe('summaryLines', () => {
  it('ends with the seed’s summary line, then the counts', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\nb: 1\n', staging: 'a: 2\n', prod: 'a: [\n' }), seedConfig());
    expect(summaryLines(result, false)).toEqual(['different: 1 | whitelisted (expected): 0 | partially missing: 1', '✖ 3 problems (1 error, 2 warnings)']);
  });

  it('says "1 problem" in the singular', async () => {
    const { result } = await lintTree(seedFiles({ ci: 'a: 1\n', staging: 'a: 1\n', prod: 'a: 2\n' }), seedConfig());
    expect(summaryLines(result, false)[1]).toBe('✖ 1 problem (0 errors, 1 warning)');
  });
});
