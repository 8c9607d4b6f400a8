import { describe, expect, it } from 'vitest';
import { displayValue, fingerprint, redactSecrets } from '../../src/report/mask.js';

const longKey = (prefix: string) => `${prefix}${'Zx81'.repeat(6)}`;

describe('redactSecrets', () => {
  it('keeps the prefix and the last four characters of a long credential', () => {
    for (const prefix of ['pk_test_', 'sk_test_', 'rk_test_', 'pk_live_', 'sk_live_', 'rk_live_', 'whsec_']) {
      expect(redactSecrets(`key: ${longKey(prefix)} end`)).toBe(`key: ${prefix}…Zx81 end`);
    }
  });

  it('shows nothing of a short one', () => {
    expect(redactSecrets('sk_live_FAKEprod')).toBe('sk_live_…');
  });

  it('masks the password of a connection string, an unencoded @ in it included', () => {
    expect(redactSecrets('postgres://simplex:s3cret@db.internal:5432/app')).toBe('postgres://simplex:****@db.internal:5432/app');
    expect(redactSecrets('redis://:p@ss@cache:6379')).toBe('redis://:****@cache:6379');
    expect(redactSecrets('"a://u:pw@h/x","b@c"')).toBe('"a://u:****@h/x","b@c"');
  });
});

describe('displayValue and fingerprint', () => {
  it('shortens whitelisted strings and masks credentials inside them', () => {
    expect(displayValue('price_1PqRsTuVwXyZ0123456789', true)).toBe('"price_…6789"');
    expect(displayValue(longKey('sk_live_'), true)).toBe('"sk_live_…Zx81"');
  });

  it('tells apart two values whose masks look alike, without their text', () => {
    const [left, right] = [`whsec_${'a'.repeat(20)}Zx81`, `whsec_${'b'.repeat(20)}Zx81`];
    expect(displayValue(left, true)).toBe(displayValue(right, true));
    expect(fingerprint(left)).toMatch(/^#[0-9a-f]{4}$/);
    expect(fingerprint(left)).not.toBe(fingerprint(right));
  });
});
