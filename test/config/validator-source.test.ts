import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_PATH, validatorSource } from '../../src/config/validator-source.js';

describe('the generated config validator (schemas/promoterc.validate.cjs)', () => {
  it('is what `npm run generate` makes from the current schema (run it after editing the schema)', () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(validatorSource());
  });
});
