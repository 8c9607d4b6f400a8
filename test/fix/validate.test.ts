import { describe, expect, it } from 'vitest';
import { compileKeyPattern } from '../../src/keys/pattern.js';
import { flattenDocuments } from '../../src/keys/flatten.js';
import { chooseArrayIdentities } from '../../src/keys/identity.js';
import { parseConfigText } from '../../src/read/parse.js';
import { validateCandidate, type Baseline } from '../../src/fix/validate.js';
import type { WhitelistEntry } from '../../src/config/resolve.js';

const whitelist: WhitelistEntry[] = [{ key: 'db.link', reason: 'own db', mustDiffer: true, pattern: compileKeyPattern('db.link'), index: 0, expectations: new Map() }];

function baseline(source: string, before: string, targetLive = true): Baseline {
  const documents = [parseConfigText(source).documents, parseConfigText(before).documents];
  const identities = chooseArrayIdentities(documents, {});
  return {
    source: flattenDocuments(documents[0], identities),
    before: flattenDocuments(documents[1], identities),
    beforeText: before,
    policy: { whitelist, targetLive, identities },
  };
}

describe('validateCandidate: the guarantee every written text must pass', () => {
  const source = 'db:\n  link: ci-db\nworker: 16\nkey: sk_test_FAKEci\n';
  const before = "db:\n  link: 'prod-db'\nworker: 8\nkey: sk_live_FAKEprod\nextra: 1\n";

  it('accepts a text where keys took the source value or kept their own', () => {
    expect(validateCandidate(baseline(source, before), before.replace('worker: 8', 'worker: 16')).ok).toBe(true);
  });

  it('rejects a changed whitelisted value, even one that only changes quoting', () => {
    expect(validateCandidate(baseline(source, before), before.replace("'prod-db'", 'ci-db'))).toMatchObject({ ok: false, keyPath: 'db.link' });
    expect(validateCandidate(baseline(source, before), before.replace("'prod-db'", '"prod-db"'))).toMatchObject({ ok: false, keyPath: 'db.link' });
  });

  it('rejects a whitelisted key removed or added', () => {
    expect(validateCandidate(baseline(source, before), before.replace("  link: 'prod-db'\n", '  other: 1\n'))).toMatchObject({ ok: false, keyPath: 'db.link' });
    expect(validateCandidate(baseline(source, 'worker: 8\n'), 'db:\n  link: ci-db\nworker: 8\n')).toMatchObject({ ok: false, keyPath: 'db.link' });
  });

  it('rejects a value that is neither the target’s nor the source’s', () => {
    expect(validateCandidate(baseline(source, before), before.replace('worker: 8', 'worker: 12'))).toMatchObject({ ok: false, keyPath: 'worker' });
  });

  it('rejects a test credential arriving in a live environment, in a value or in a comment', () => {
    expect(validateCandidate(baseline(source, before), before.replace('sk_live_FAKEprod', 'sk_test_FAKEci'))).toMatchObject({ ok: false, reason: expect.stringMatching(/test credential/) });
    expect(validateCandidate(baseline(source, before), `# old key: sk_test_FAKEold\n${before}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/test credential/) });
    expect(validateCandidate(baseline(source, before, false), before.replace('sk_live_FAKEprod', 'sk_test_FAKEci')).ok).toBe(true);
  });

  it('rejects a text that does not parse, or an alias without its anchor', () => {
    expect(validateCandidate(baseline(source, before), `${before}worker: 9\n`).ok).toBe(false);
    expect(validateCandidate(baseline(source, before), `${before}more: *nowhere\n`).ok).toBe(false);
  });

  it('allows removing a key the source does not have, never one it has', () => {
    expect(validateCandidate(baseline(source, before), before.replace('extra: 1\n', '')).ok).toBe(true);
    expect(validateCandidate(baseline(source, before), before.replace('worker: 8\n', ''))).toMatchObject({ ok: false, keyPath: 'worker' });
  });
});
