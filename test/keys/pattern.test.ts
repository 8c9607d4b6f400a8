import { describe, expect, it } from 'vitest';
import { splitKeyPath, segmentName, type ItemSelector, type KeySegment } from '../../src/keys/keyPath.js';
import { compileKeyPattern } from '../../src/keys/pattern.js';

/** Builds segments from a written key path: `payment.plans[id=pro].x`. */
function keyPath(text: string): KeySegment[] {
  return splitKeyPath(text).map((part) => {
    const name = segmentName(part);
    const selectors = part.startsWith('"') ? part.slice(part.indexOf('"', 1) + 1) : part.slice(name.length);
    const items: ItemSelector[] = [...selectors.matchAll(/\[([^\]=]+)(?:=([^\]]*))?\]/g)].map(([, first, second]) =>
      second === undefined ? { value: /^\d+$/.test(first) ? Number(first) : first } : { field: first, value: second },
    );
    return { name, items };
  });
}

describe('compileKeyPattern: matches', () => {
  it.each([
    // `*` is one segment; an array element belongs to its key's segment
    ['payment.*.stripePriceId', 'payment.plans[id=pro].stripePriceId', true],
    ['payment.*.stripePriceId', 'payment.pro.stripePriceId', true],
    ['payment.*.stripePriceId', 'payment.plans.pro.stripePriceId', false],
    ['payment.*.stripePriceId', 'payment.stripePriceId', false],
    ['payment.*.stripePriceId', 'payment.plans[0].stripePriceId', true],
    // `**` is any number of segments, none included
    ['**.password', 'password', true],
    ['**.password', 'database.default.password', true],
    ['**.password', 'database.default.passwordHint', false],
    ['database.**', 'database.default.link', true],
    ['database.**.link', 'database.link', true],
    ['database.**.link', 'database.a.b.c.link', true],
    ['database.**.link', 'redis.default.link', false],
    // globs inside a segment
    ['stripe.*Key', 'stripe.secretKey', true],
    ['stripe.*Key', 'stripe.publishableKey', true],
    ['stripe.*Key', 'stripe.webhookSecret', false],
    ['credit.rates.gpt-?o', 'credit.rates.gpt-4o', true],
    ['{database,redis}.default.*', 'redis.default.address', true],
    ['{database,redis}.default.*', 'mongodb.default.uri', false],
    // a segment with a selector names that element only
    ['payment.plans[id=pro].stripePriceId', 'payment.plans[id=pro].stripePriceId', true],
    ['payment.plans[id=pro].stripePriceId', 'payment.plans[id=basic].stripePriceId', false],
    ['payment.plans[*].stripePriceId', 'payment.plans[id=basic].stripePriceId', true],
    // a pattern segment without selector ignores the key's selectors
    ['payment.plans.stripePriceId', 'payment.plans[id=pro].stripePriceId', true],
    // quoted keys with dots are one segment, compared literally
    ['metadata.annotations."argocd.argoproj.io/sync-wave"', 'metadata.annotations."argocd.argoproj.io/sync-wave"', true],
    ['metadata.annotations."argocd.*"', 'metadata.annotations."argocd.argoproj.io/sync-wave"', false],
    ['metadata.annotations.*', 'metadata.annotations."argocd.argoproj.io/sync-wave"', true],
    // multi-document streams
    ['[Deployment/api].spec.replicas', '[Deployment/api].spec.replicas', true],
    ['*.spec.replicas', '[Deployment/api].spec.replicas', true],
    // exact
    ['database.default.link', 'database.default.link', true],
    ['database.default.link', 'database.default', false],
    ['database.default.link', 'database.default.link.extra', false],
  ])('%s vs %s → %s', (pattern, key, expected) => {
    expect(compileKeyPattern(pattern).matches(keyPath(key))).toBe(expected);
  });
});

describe('compileKeyPattern: coversKey', () => {
  it.each([
    // a whitelisted object covers every leaf inside it
    ['stripe', 'stripe.secretKey', true],
    ['payment.plans[id=pro]', 'payment.plans[id=pro].stripePriceId', true],
    ['payment.*', 'payment.plans[id=pro].amount', true],
    ['database.default.link', 'database.default.link', true],
    // but never a sibling, a parent or a longer key name
    ['stripe.secretKey', 'stripe', false],
    ['stripe.secretKey', 'stripe.publishableKey', false],
    ['stripe', 'stripeConnect.clientId', false],
    ['payment.plans[id=pro]', 'payment.plans[id=basic].amount', false],
  ])('%s covers %s → %s', (pattern, key, expected) => {
    expect(compileKeyPattern(pattern).coversKey(keyPath(key))).toBe(expected);
  });

  it('keeps its source text for messages', () => {
    expect(compileKeyPattern('payment.*.stripePriceId').source).toBe('payment.*.stripePriceId');
  });
});
