import type { FormatContext } from '../../src/format/types.js';
import type { LintResult } from '../../src/lint.js';
import type { Finding } from '../../src/report/finding.js';

export const PROD_FILE = 'kubernetes/overlays/aws-prod/configs/api/config.yaml';

/** A finding as the reporter makes it; override what the test is about. */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'drift',
    severity: 'warning',
    service: 'api',
    env: 'prod',
    key: 'credit.rates.gpt-4o',
    file: PROD_FILE,
    line: 12,
    column: 5,
    endLine: 12,
    endColumn: 17,
    message: 'credit.rates.gpt-4o is 3 in prod, 4 in ci',
    fixable: true,
    ...overrides,
  };
}

/** A lint result around the given findings, with counts that agree with them. */
export function sampleResult(findings: Finding[]): LintResult {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    findings,
    summary: { different: 1, expected: 0, missing: 0, errors, warnings: findings.length - errors },
    files: [],
    services: [],
    envNames: ['ci', 'staging', 'prod'],
  };
}

export const PLAIN: FormatContext = { color: false, quiet: false, showExpected: false, maxWarnings: -1 };
