import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';
import type { JsonReport } from './fixture.js';

/** The seed layout with no config file: the defaults must find it and apply the seed whitelist. */
function seedRepository(): string {
  const root = tempDir();
  execFileSync('git', ['init', '--quiet', root]);
  const config = (env: string, rate: number) => `database:\n  default:\n    link: "postgres://simplex:pw@${env}-rds/simplex"\ncredit:\n  rates:\n    gpt-4o: ${rate}\n`;
  return writeTree(root, {
    'kubernetes/overlays/aws-ci/configs/simplex-api/config.yaml': config('ci', 10),
    'kubernetes/overlays/aws-staging/configs/simplex-api/config.yaml': config('staging', 10),
    'kubernetes/overlays/aws-prod/configs/simplex-api/config.yaml': config('prod', 12),
  });
}

describe('promote-lint with no config file (zero-config defaults)', () => {
  it.each([['the repository root', '.'], ['kubernetes/', 'kubernetes'], ['a directory below it', 'kubernetes/overlays/aws-ci/configs']])('works from %s', (_title, subdirectory) => {
    const root = seedRepository();
    const run = runCli(['-f', 'json'], { cwd: path.join(root, subdirectory) });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const drift = report.findings.filter((finding) => finding.ruleId === 'drift');
    expect(drift).toEqual([expect.objectContaining({ key: 'credit.rates.gpt-4o', env: 'prod', file: 'kubernetes/overlays/aws-prod/configs/simplex-api/config.yaml', line: 6 })]);
    // the seed whitelist: the database link differs everywhere without a drift finding
    expect(report.summary).toMatchObject({ different: 1, expected: 1 });
    expect(report.findings.filter((finding) => finding.ruleId === 'unused-whitelist')).toHaveLength(8);
  });
});
