import { createHash } from 'node:crypto';
import type { Finding } from '../report/finding.js';

/**
 * Stable identities for findings, for code-scanning and code-quality dashboards that track an
 * issue across runs. Built from what the finding is about (rule, file, key, environment), never
 * its line or message: moving a key or changing a drifted value must not open a "new" issue.
 * Two findings with the same identity in one run get an occurrence number so each stays unique.
 */
export function findingFingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = [finding.ruleId, finding.file, finding.key, finding.env].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const hash = createHash('sha256').update(identity).update(occurrence === 0 ? '' : `\u0000${occurrence}`).digest('hex');
    return hash.slice(0, 32);
  });
}
