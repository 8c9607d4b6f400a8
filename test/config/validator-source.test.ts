import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_PATH, validatorSource } from '../../src/config/validator-source.js';
import { runCli, tempDir, writeTree } from '../helpers.js';

describe('the generated config validator (schemas/promoterc.validate.cjs)', () => {
  it('is what `npm run generate` makes from the current schema (run it after editing the schema)', () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(validatorSource());
  });

  it('still names the file, the property and what was expected', () => {
    const root = writeTree(tempDir(), {
      '.promoterc.json': JSON.stringify({ root: 'kubernetes', bogus: 1, environments: [{ name: 'ci', overlay: 'overlays/aws-ci' }] }, null, 2),
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
    });
    const run = runCli([], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('.promoterc.json:1: the config has unknown property "bogus"');
    expect(run.stderr).toContain('.promoterc.json:5: "environments.0" is missing required property "live"');
  });
});
