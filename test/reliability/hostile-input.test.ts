import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers.js';
import { findingPath, seedRepo, STACK_FRAME, type JsonFinding } from './fixtures.js';

/**
 * The real CLI with a 64 MB heap: a file that made the tool expand aliases or recurse without
 * bound would die of an out-of-memory abort (not exit 1) instead of reporting the file.
 */
function lintWithSmallHeap(cwd: string) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=64', '--stack-size=984', BIN, '--format', 'json'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const findings = result.stdout.startsWith('{') ? (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings : [];
  return { exitCode: result.status, signal: result.signal, stderr: result.stderr, findings };
}

const CLEAN = 'name: api\nreplicas: 2\n';

function expectRefused(staging: string, line: number, message: RegExp) {
  const cwd = seedRepo({ hostile: { ci: CLEAN, staging, prod: CLEAN }, api: { ci: 'limit: 1\n', staging: 'limit: 2\n', prod: 'limit: 1\n' } });
  const run = lintWithSmallHeap(cwd);
  expect(run.signal).toBeNull();
  expect(run.exitCode).toBe(1);
  const parseError = run.findings.find((finding) => finding.ruleId === 'parse-error');
  expect(parseError).toMatchObject({ service: 'hostile', env: 'staging', file: findingPath('staging', 'hostile'), line });
  expect(parseError?.message).toMatch(message);
  expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'api', key: 'limit' }));
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

/** Nine levels of nine aliases each: 9^9 (387 million) nodes once expanded. */
export function billionLaughs(level: (name: string, previous: string) => string): string {
  const names = 'abcdefghi'.split('');
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let index = 1; index < names.length; index++) lines.push(level(names[index], names[index - 1]));
  return `${lines.join('\n')}\n`;
}

describe('alias bombs are refused with bounded memory', () => {
  it('refuses billion laughs built from sequences, at the first alias over the limit', () => {
    const text = billionLaughs((name, previous) => `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    // levels a..e expand to 74,718 nodes; the first alias of f (66,430 more) crosses 100,000
    expectRefused(text, 6, /aliases expand to more than 100000 nodes/);
  });

  it('refuses billion laughs built from mappings', () => {
    const text = billionLaughs((name, previous) => `${name}: &${name} {${Array.from({ length: 9 }, (_, index) => `k${index}: *${previous}`).join(', ')}}`);
    expectRefused(text, 6, /alias bomb/);
  });

  it('refuses a bomb built from merge keys', () => {
    const lines = ['l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}'];
    for (let level = 1; level < 12; level++) {
      lines.push(`l${level}: &l${level} {<<: *l${level - 1}, ${Array.from({ length: 8 }, (_, index) => `m${index}: *l${level - 1}`).join(', ')}}`);
    }
    const run = lintWithSmallHeap(seedRepo({ hostile: { ci: CLEAN, staging: `${lines.join('\n')}\n`, prod: CLEAN } }));
    expect(run.exitCode).toBe(1);
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'parse-error', service: 'hostile', message: expect.stringMatching(/alias bomb/) }));
  });

  it('refuses a long chain of aliases nested in aliases', () => {
    const lines = ['k0: &k0 {v: 1}'];
    for (let index = 1; index < 3000; index++) lines.push(`k${index}: &k${index} {n: *k${index - 1}}`);
    // the chain expands to 1 + 2 + ... nodes: past 100,000 at k447
    expectRefused(`${lines.join('\n')}\n`, 447, /alias bomb/);
  });

  it('compares a real file with hundreds of anchors, aliases and merge keys', () => {
    const file = (timeout: number) => {
      const lines = ['defaults: &defaults', `  timeout: ${timeout}`, '  retries: 3', 'services:'];
      for (let index = 0; index < 300; index++) {
        lines.push(`  svc${index}:`, '    <<: *defaults', `    limits: &limits${index} {cpu: ${index % 4}, memory: 256Mi}`);
        if (index > 0) lines.push(`    previousLimits: *limits${index - 1}`);
      }
      return `${lines.join('\n')}\n`;
    };
    const cwd = seedRepo({ fleet: { ci: file(30), staging: file(30), prod: file(60) } });
    const run = lintWithSmallHeap(cwd);
    expect(run.exitCode).toBe(0);
    expect(run.findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'fleet', env: 'prod', key: 'defaults.timeout', line: 2 }));
    expect(run.findings.filter((finding) => finding.env === 'staging')).toEqual([]);
  });
});

describe('deep nesting is refused before anything recurses into it', () => {
  // A few thousand levels are caught on the token tree; far more are caught by the streaming
  // lexer before a token tree (about a kilobyte per level) is built at all.
  it.each([
    ['flow sequences', `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 1],
    ['flow mappings', `a: ${'{b: '.repeat(3000)}1${'}'.repeat(3000)}\n`, 1],
    ['compact block sequences', `name: api\nlist:\n  ${'- '.repeat(3000)}x\n`, 3],
    ['indented block mappings', `name: api\n${Array.from({ length: 1000 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n')} 1\n`, 2],
    ['a megabyte of unclosed flow sequences', `a: ${'['.repeat(1_000_000)}\n`, 1],
    ['a megabyte of compact block sequences', `name: api\nlist:\n  ${'- '.repeat(500_000)}x\n`, 3],
  ])('%s', (_shape, text, line) => {
    const cwd = seedRepo({ hostile: { ci: CLEAN, staging: text, prod: CLEAN }, api: { ci: 'limit: 1\n', staging: 'limit: 2\n', prod: 'limit: 1\n' } });
    const run = lintWithSmallHeap(cwd);
    expect(run.signal).toBeNull();
    expect(run.exitCode).toBe(1);
    const parseError = run.findings.find((finding) => finding.ruleId === 'parse-error');
    expect(parseError).toMatchObject({ service: 'hostile', env: 'staging', message: 'nested more than 200 levels deep' });
    expect(parseError?.line).toBeGreaterThanOrEqual(line);
    expect(run.findings).toContainEqual(expect.objectContaining({ ruleId: 'drift', service: 'api' }));
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
