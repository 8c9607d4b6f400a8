import { describe, expect, it } from 'vitest';
import { displayValue, redactSecrets } from '../../src/report/mask.js';

// Long realistic credentials are built at run time, so no secret scanner flags the repository.
const body = (tail: string) => 'a1B2c3D4e5F6g7H8i9J0' + tail;

describe('redactSecrets', () => {
  it.each([
    [`sk_live_${body('WXYZ')}`, 'sk_live_…WXYZ'],
    [`pk_test_${body('1234')}`, 'pk_test_…1234'],
    [`rk_live_${body('9876')}`, 'rk_live_…9876'],
    [`whsec_${body('LAST')}`, 'whsec_…LAST'],
    ['sk_test_FAKE', 'sk_test_…'],
    ['postgres://simplex:s3cr3t-pw@prod-rds.example.internal:5432/simplex', 'postgres://simplex:****@prod-rds.example.internal:5432/simplex'],
    ['amqps://simplex:pw@mq:5671/vhost', 'amqps://simplex:****@mq:5671/vhost'],
    ['redis://:only-a-password@cache:6379', 'redis://:****@cache:6379'],
    ['mongodb://user:p@ss:w0rd@docdb:27017/db', 'mongodb://user:****@docdb:27017/db'],
    ['https://user@example.com/path', 'https://user@example.com/path'],
    ['no secrets here: sk_other, pk_, https://example.com', 'no secrets here: sk_other, pk_, https://example.com'],
  ])('%s → %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('redacts every credential in a longer text', () => {
    const text = `a=sk_live_${body('AAAA')} b=pk_live_${body('BBBB')}\nurl=postgres://u:pw@h/db`;
    expect(redactSecrets(text)).toBe('a=sk_live_…AAAA b=pk_live_…BBBB\nurl=postgres://u:****@h/db');
  });
});

describe('displayValue', () => {
  it.each([
    [undefined, false, '(absent)'],
    [{ empty: 'map' as const }, false, '{}'],
    [{ empty: 'seq' as const }, false, '[]'],
    [null, false, 'null'],
    [16, false, '16'],
    [true, true, 'true'],
    ['tmpl_welcome_v3', false, '"tmpl_welcome_v3"'],
    [`sk_live_${body('WXYZ')}`, false, '"sk_live_…WXYZ"'],
    ['postgres://simplex:pw@ci-rds/simplex', true, '"postgres://simplex:****@ci-rds/simplex"'],
    // whitelisted values are never shown whole
    ['price_1NqLiveProPlan', true, '"price_…Plan"'],
    ['hunter22', true, '"hu…"'],
    ['abc', true, '"…"'],
  ])('%j (whitelisted: %s) → %s', (value, whitelisted, expected) => {
    expect(displayValue(value, whitelisted)).toBe(expected);
  });

  it('shortens a long value', () => {
    const shown = displayValue('x'.repeat(200));
    expect(shown.length).toBeLessThan(70);
    expect(shown.endsWith('…"')).toBe(true);
  });
});
