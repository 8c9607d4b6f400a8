import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/format/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { PROJECT_ROOT, runCli, tempDir } from '../helpers.js';
import { PLAIN, PROD_FILE, sampleFinding, sampleResult } from './sample.js';

const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/sarif-2.1.0-subset.schema.json'), 'utf8'));
const validateSarif = new Ajv({ allErrors: true, strict: false }).compile(schema);

function expectValidSarif(text: string) {
  const log = JSON.parse(text);
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors)).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('--format sarif', () => {
  it('describes every rule with its description and help, and points each result at its rule', () => {
    const log = expectValidSarif(formatSarif(sampleResult([sampleFinding(), sampleFinding({ ruleId: 'parse-error', severity: 'error', key: '' })]), PLAIN));
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('promote-lint');
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.meta.id));
    const drift = driver.rules.find((rule: { id: string }) => rule.id === 'drift');
    expect(drift.help.text).toBe(RULES.find((rule) => rule.meta.id === 'drift')?.meta.help);
    for (const result of log.runs[0].results) expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(log.runs[0].results.map((result: { level: string }) => result.level)).toEqual(['warning', 'error']);
  });

  it('gives the repository-relative file and the region of the finding', () => {
    const [result] = expectValidSarif(formatSarif(sampleResult([sampleFinding()]), PLAIN)).runs[0].results;
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: PROD_FILE },
      region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 17 },
    });
    expect(result.message.text).toBe('credit.rates.gpt-4o is 3 in prod, 4 in ci');
    expect(result.properties).toEqual({ service: 'api', env: 'prod', key: 'credit.rates.gpt-4o', fixable: true });
  });

  it('keeps a finding without a place in the file valid: the file, no region', () => {
    const missingFile = sampleFinding({ ruleId: 'missing-key', key: '', line: 0, column: 0, endLine: 0, endColumn: 0 });
    const defaults = sampleFinding({ ruleId: 'unused-whitelist', file: '(built-in defaults)', line: 0, column: 0, endLine: 0, endColumn: 0 });
    const [first, second] = expectValidSarif(formatSarif(sampleResult([missingFile, defaults]), PLAIN)).runs[0].results;
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: PROD_FILE } });
    expect(second.locations[0].physicalLocation.artifactLocation.uri).toBe('(built-in%20defaults)');
  });

  it('leaves out the end of an empty range instead of claiming a zero-width region', () => {
    const [result] = expectValidSarif(formatSarif(sampleResult([sampleFinding({ endLine: 12, endColumn: 5 })]), PLAIN)).runs[0].results;
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 5 });
  });

  it('fingerprints stay the same when a finding moves or its values change, and differ between findings', () => {
    const fingerprint = (text: string, index = 0) => JSON.parse(text).runs[0].results[index].partialFingerprints['promoteLint/v1'];
    const before = fingerprint(formatSarif(sampleResult([sampleFinding()]), PLAIN));
    const moved = fingerprint(formatSarif(sampleResult([sampleFinding({ line: 40, endLine: 40, message: 'credit.rates.gpt-4o is 5 in prod, 4 in ci' })]), PLAIN));
    expect(moved).toBe(before);
    const staging = fingerprint(formatSarif(sampleResult([sampleFinding(), sampleFinding({ env: 'staging' })]), PLAIN), 1);
    expect(staging).not.toBe(before);
    const twins = JSON.parse(formatSarif(sampleResult([sampleFinding({ ruleId: 'parse-error', key: '' }), sampleFinding({ ruleId: 'parse-error', key: '', line: 30 })]), PLAIN));
    const [one, two] = twins.runs[0].results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints['promoteLint/v1']);
    expect(one).not.toBe(two);
  });

  it('the subset schema used here rejects a result GitHub would refuse (no location)', () => {
    const log = JSON.parse(formatSarif(sampleResult([sampleFinding()]), PLAIN));
    delete log.runs[0].results[0].locations;
    expect(validateSarif(log)).toBe(false);
  });

  it('with --quiet reports errors only', () => {
    const log = expectValidSarif(formatSarif(sampleResult([sampleFinding(), sampleFinding({ ruleId: 'parse-error', severity: 'error' })]), { ...PLAIN, quiet: true }));
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['parse-error']);
  });

  it('the real CLI writes valid SARIF for the bundled example, to stdout and with -o', () => {
    const run = runCli(['--format', 'sarif']);
    expect(run.exitCode).toBe(0);
    const log = expectValidSarif(run.stdout);
    const drift = log.runs[0].results.find((result: { properties: { key: string; env: string } }) => result.properties.key === 'credit.rates.gpt-4o' && result.properties.env === 'prod');
    expect(drift.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'examples/simplex-gitops/kubernetes/overlays/aws-prod/configs/simplex-api/config.yaml' },
      region: { startLine: 99, startColumn: 5 },
    });
    const output = path.join(tempDir(), 'promote-lint.sarif');
    const written = runCli(['--format', 'sarif', '--output', output]);
    expect(written.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual(log);
  });
});
