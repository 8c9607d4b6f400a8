import { VERSION } from '../version.js';
import type { Finding } from '../report/finding.js';
import { RULES } from '../rules/index.js';
import { findingFingerprints } from './fingerprint.js';
import { visibleFindings } from './text.js';
import type { Formatter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_NAME = 'promoteLint/v1';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: every rule with its description
 * and help (so an alert explains itself), one result per finding with a repository-relative URI,
 * a region when the finding has a place in the file, and a fingerprint stable across runs.
 */
export const formatSarif: Formatter = (result, context) => {
  const findings = visibleFindings(result.findings, context.quiet);
  const fingerprints = findingFingerprints(findings);
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'promote-lint',
            version: VERSION,
            informationUri: 'https://github.com/promote-lint/promote-lint',
            rules: RULES.map(({ meta }) => ({
              id: meta.id,
              shortDescription: { text: meta.description },
              fullDescription: { text: `${meta.description}.${meta.fixable ? ' `promote-lint --fix` can fix it.' : ''}` },
              help: { text: meta.help },
              defaultConfiguration: { level: meta.defaultSeverity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        // yaml reports columns in JS string units, which is what SARIF calls UTF-16 code units.
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding, index) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: finding.severity,
          message: { text: finding.message },
          locations: [sarifLocation(finding)],
          partialFingerprints: { [FINGERPRINT_NAME]: fingerprints[index] },
          properties: { service: finding.service, env: finding.env, key: finding.key, fixable: finding.fixable },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * GitHub refuses a result without a location, so even a finding with no place in a file (line 0)
 * names its file; it just has no region.
 */
function sarifLocation(finding: Finding) {
  const artifactLocation = { uri: finding.file.split('/').map(encodeURIComponent).join('/') };
  const logicalLocations = finding.key ? [{ fullyQualifiedName: finding.key, kind: 'member' }] : undefined;
  return {
    physicalLocation: finding.line > 0 ? { artifactLocation, region: sarifRegion(finding) } : { artifactLocation },
    ...(logicalLocations ? { logicalLocations } : {}),
  };
}

/** SARIF's endColumn is exclusive, as the finding's is; an empty range means "from here to the end of the line". */
function sarifRegion(finding: Finding) {
  const start = { startLine: finding.line, startColumn: Math.max(1, finding.column) };
  const hasRange = finding.endLine > finding.line || (finding.endLine === finding.line && finding.endColumn > finding.column);
  return hasRange ? { ...start, endLine: finding.endLine, endColumn: finding.endColumn } : start;
}
