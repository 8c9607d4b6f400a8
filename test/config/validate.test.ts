import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { tempDir, writeTree } from '../helpers.js';

/** The error lines (after the first "invalid configuration:" line) of loading one config text. */
async function errorsOf(file: string, text: string): Promise<string[]> {
  const root = writeTree(tempDir(), { [file]: text });
  const error = await loadConfig(root).then(
    () => undefined,
    (thrown: unknown) => thrown as Error & { exitCode?: number },
  );
  expect(error?.exitCode).toBe(2);
  const [first, ...lines] = (error?.message ?? '').split('\n');
  expect(first).toBe('invalid configuration:');
  return lines.map((line) => line.trim());
}

describe('validateConfig: ajv errors name the file, the line and the property', () => {
  it('an unknown top-level key, at its own line', async () => {
    expect(await errorsOf('.promoterc.json', '{\n  "root": "k",\n  "whitelst": []\n}\n')).toEqual(['.promoterc.json:3: the config has unknown property "whitelst"']);
  });

  it('an unknown key inside an environment', async () => {
    const text = '{\n  "environments": [\n    { "name": "ci", "live": false },\n    { "name": "prod",\n      "live": true,\n      "sync": "manual" }\n  ]\n}\n';
    expect(await errorsOf('.promoterc.json', text)).toEqual(['.promoterc.json:6: "environments.1" has unknown property "sync"']);
  });

  it('a value of the wrong type', async () => {
    const text = '{\n  "environments": [\n    { "name": "ci", "live": "yes" }\n  ]\n}\n';
    expect(await errorsOf('.promoterc.json', text)).toEqual(['.promoterc.json:3: "environments.0.live" must be boolean']);
  });

  it('a bad severity, with the allowed ones', async () => {
    expect(await errorsOf('.promoterc.yaml', 'root: k\nrules:\n  drift: loud\n')).toEqual(['.promoterc.yaml:3: "rules.drift" must be one of "off", "warn", "error"']);
  });

  it('an unknown rule id', async () => {
    expect(await errorsOf('.promoterc.yaml', 'rules:\n  drfit: warn\n')).toEqual(['.promoterc.yaml:2: "rules" has unknown property "drfit"']);
  });

  it('a missing required property', async () => {
    expect(await errorsOf('.promoterc.yaml', 'whitelist:\n  - key: stripe.secretKey\n')).toEqual(['.promoterc.yaml:2: "whitelist.0" is missing required property "reason"']);
  });

  it('every error at once, not only the first', async () => {
    const lines = await errorsOf('.promoterc.yaml', 'root: 1\nrules:\n  drift: loud\nextra: true\n');
    expect(lines).toEqual(['.promoterc.yaml:1: "root" must be string', '.promoterc.yaml:3: "rules.drift" must be one of "off", "warn", "error"', '.promoterc.yaml:4: the config has unknown property "extra"']);
  });

  it('a package.json "promote" key, at its line in package.json', async () => {
    const text = '{\n  "name": "gitops",\n  "promote": {\n    "root": "k",\n    "bogus": 1\n  }\n}\n';
    expect(await errorsOf('package.json', text)).toEqual(['package.json:5: the config has unknown property "bogus"']);
  });
});
