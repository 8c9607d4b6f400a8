import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { runCli, tempDir, writeTree } from '../helpers.js';
import { PLAIN, PROD_FILE, sampleFinding, sampleResult } from './sample.js';

describe('--format github', () => {
  it('escapes %, carriage returns and newlines in the message', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
  });

  it('escapes : and , as well in properties, where they separate fields', () => {
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('writes one annotation per finding with file, position, range and title', () => {
    expect(annotation(sampleFinding())).toBe(
      `::warning file=${PROD_FILE},line=12,col=5,endLine=12,endColumn=17,title=promote-lint drift (prod)::credit.rates.gpt-4o is 3 in prod, 4 in ci`,
    );
    expect(annotation(sampleFinding({ ruleId: 'parse-error', severity: 'error', env: '', endColumn: 5 }))).toBe(
      `::error file=${PROD_FILE},line=12,col=5,title=promote-lint parse-error::credit.rates.gpt-4o is 3 in prod, 4 in ci`,
    );
  });

  it('a finding with no place in the file annotates the file without a line', () => {
    expect(annotation(sampleFinding({ line: 0, column: 0, endLine: 0, endColumn: 0 }))).toMatch(/^::warning file=[^,]+,title=promote-lint drift \(prod\)::/);
  });

  it('escapes a file name and message that would otherwise break the command', () => {
    const line = annotation(sampleFinding({ file: 'overlays/a,b:c/config.yaml', message: 'value "50%"\nwas: x, y' }));
    expect(line).toBe('::warning file=overlays/a%2Cb%3Ac/config.yaml,line=12,col=5,endLine=12,endColumn=17,title=promote-lint drift (prod)::value "50%25"%0Awas: x, y');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('prints the normal report after the annotations, since GitHub shows only 10 per step', () => {
    const findings = Array.from({ length: 12 }, (_, index) => sampleFinding({ line: index + 1, endLine: index + 1 }));
    const text = formatGithub(sampleResult(findings), PLAIN);
    const lines = text.split('\n');
    expect(lines.slice(0, 12).every((line) => line.startsWith('::warning '))).toBe(true);
    expect(lines[12]).toBe(PROD_FILE);
    expect(text).toContain('different: 1 | whitelisted (expected): 0 | partially missing: 0');
    expect(text).toContain('✖ 12 problems (0 errors, 12 warnings)');
  });

  it('the real CLI escapes the : , and % of keys and directories found in a repository', () => {
    const config = (rate: string) => `"rate:limit,per%": ${rate}\n`;
    const root = writeTree(tempDir(), {
      'kubernetes/overlays/aws-ci/configs/we,ird/config.yaml': config('10'),
      'kubernetes/overlays/aws-staging/configs/we,ird/config.yaml': config('10'),
      'kubernetes/overlays/aws-prod/configs/we,ird/config.yaml': config('20'),
    });
    const run = runCli(['--format', 'github', '--cwd', root]);
    expect(run.exitCode).toBe(0);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::') && line.includes('drift'));
    expect(annotations).toEqual([
      '::warning file=overlays/aws-prod/configs/we%2Cird/config.yaml,line=1,col=1,endLine=1,endColumn=22,title=promote-lint drift (prod)::rate:limit,per%25 is 20 in prod, 10 in ci',
    ]);
    expect(run.stdout).toContain('overlays/aws-prod/configs/we,ird/config.yaml\n  1:1      warning  rate:limit,per% is 20 in prod, 10 in ci  drift');
  });
});
