import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainConfig } from '../../src/config/fast-load.js';
import { PROJECT_ROOT } from '../helpers.js';
import { randomJson } from '../read/yaml-samples.js';

/** What the config loader got from yaml before: the contract for the fast reading. */
function yamlData(text: string): unknown {
  return parseDocument(text).toJS();
}

describe('config files read without yaml', () => {
  const configs = ['.promoterc.json', 'test/fixtures/corpus/cds-snc.promoterc.json', 'test/fixtures/corpus/redhat-appstudio.promoterc.json'].map((file) =>
    readFileSync(path.join(PROJECT_ROOT, file), 'utf8'),
  );
  const yamlConfig = 'root: kubernetes\nenvironments:\n  - name: ci\n    overlay: overlays/aws-ci\n    live: false\nwhitelist:\n  - key: "payment.*.stripePriceId"\n    reason: own accounts # why\n    expect: {prod: "/^price_/", ci: ~}\n';

  it.each([...configs, yamlConfig, ...Array.from({ length: 200 }, (_, seed) => randomJson(seed))])('give the data yaml gives (%#)', (text) => {
    const fast = readPlainConfig(text);
    if (fast) expect(fast.value).toStrictEqual(yamlData(text));
  });

  it('take the fast path for the project’s own config and a YAML one', () => {
    expect(readPlainConfig(configs[0])).toBeDefined();
    expect(readPlainConfig(yamlConfig)).toBeDefined();
  });

  it.each([
    ['a merge key (an ordinary key to the config loader)', 'a: &x {b: 1}\nc:\n  <<: *x\n'],
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['a null key (yaml makes it "")', '~: 1\n'],
    ['a __proto__ key', '{"__proto__": {"polluted": true}}'],
    ['invalid YAML', 'a: [1\n'],
  ])('leave %s to yaml', (_name, text) => {
    expect(readPlainConfig(text)).toBeUndefined();
  });

  it('read a comment-only file as null, as yaml does', () => {
    expect(readPlainConfig('# nothing yet\n')).toEqual({ value: yamlData('# nothing yet\n') });
  });
});
