import type { FindingSeverity } from '../report/finding.js';
import { findingFingerprints } from './fingerprint.js';
import { visibleFindings } from './text.js';
import type { Formatter } from './types.js';

/** GitLab's scale is info | minor | major | critical | blocker; this follows ESLint's GitLab formatters. */
const SEVERITY: Record<FindingSeverity, string> = { error: 'major', warning: 'minor' };

/**
 * GitLab Code Quality report (`artifacts: reports: codequality`): a JSON array that GitLab shows
 * in the merge request widget and the diff. The fingerprint must be unique per issue and stable
 * across pipelines, or GitLab reports every finding as new.
 */
export const formatGitlab: Formatter = (result, context) => {
  const findings = visibleFindings(result.findings, context.quiet);
  const fingerprints = findingFingerprints(findings);
  const issues = findings.map((finding, index) => ({
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint: fingerprints[index],
    severity: SEVERITY[finding.severity],
    location: { path: finding.file, lines: { begin: Math.max(1, finding.line) } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
