import { describe, expect, it } from 'vitest';
import { formatGitlab } from '../../src/format/gitlab.js';
import { runCli } from '../helpers.js';
import { PLAIN, PROD_FILE, sampleFinding, sampleResult } from './sample.js';

describe('--format gitlab', () => {
  it('writes a Code Quality issue with the fields GitLab reads', () => {
    const [issue] = JSON.parse(formatGitlab(sampleResult([sampleFinding()]), PLAIN));
    expect(issue).toEqual({
      description: 'credit.rates.gpt-4o is 3 in prod, 4 in ci',
      check_name: 'drift',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'minor',
      location: { path: PROD_FILE, lines: { begin: 12 } },
    });
  });

  it('maps errors to major and warnings to minor', () => {
    const issues = JSON.parse(formatGitlab(sampleResult([sampleFinding({ ruleId: 'parse-error', severity: 'error' }), sampleFinding()]), PLAIN));
    expect(issues.map((issue: { check_name: string; severity: string }) => [issue.check_name, issue.severity])).toEqual([
      ['parse-error', 'major'],
      ['drift', 'minor'],
    ]);
  });

  it('a finding with no place in the file points at its first line (GitLab needs a line)', () => {
    const [issue] = JSON.parse(formatGitlab(sampleResult([sampleFinding({ line: 0, column: 0, endLine: 0, endColumn: 0 })]), PLAIN));
    expect(issue.location.lines.begin).toBe(1);
  });

  it('gives every issue of a run its own fingerprint', () => {
    const findings = [sampleFinding(), sampleFinding({ env: 'staging' }), sampleFinding({ ruleId: 'parse-error', key: '' }), sampleFinding({ ruleId: 'parse-error', key: '', line: 3 })];
    const fingerprints = JSON.parse(formatGitlab(sampleResult(findings), PLAIN)).map((issue: { fingerprint: string }) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(4);
  });

  it('a clean run is an empty array, which GitLab reads as "no issues"', () => {
    expect(JSON.parse(formatGitlab(sampleResult([]), PLAIN))).toEqual([]);
  });

  it('the real CLI reports the bundled example', () => {
    const run = runCli(['--format', 'gitlab']);
    expect(run.exitCode).toBe(0);
    const issues = JSON.parse(run.stdout);
    expect(issues).toContainEqual(expect.objectContaining({
      check_name: 'drift',
      severity: 'minor',
      location: { path: 'examples/simplex-gitops/kubernetes/overlays/aws-prod/configs/simplex-api/config.yaml', lines: { begin: 99 } },
    }));
  });
});
