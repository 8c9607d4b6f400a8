import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

describe('--staged / --base / --allow on the command line', () => {
  it('parses them for a lint run, --allow repeatable', () => {
    expect(parseCliArgs(['--staged', '--allow', 'stripe.secretKey', '--allow', 'payment.*.stripePriceId'])).toMatchObject({
      command: 'lint',
      staged: true,
      allow: ['stripe.secretKey', 'payment.*.stripePriceId'],
    });
    expect(parseCliArgs(['--base', 'origin/main'])).toMatchObject({ command: 'lint', staged: false, base: 'origin/main', allow: [] });
  });

  it('leaves `plan --base REF` to plan', () => {
    expect(parseCliArgs(['plan', '--base', 'origin/main'])).toMatchObject({ command: 'plan', base: 'origin/main' });
  });

  it.each([
    [['--staged', '--base', 'main'], /exclude each other/],
    [['--allow', 'stripe.secretKey'], /only applies with --staged or --base/],
    [['plan', '--base', 'main', '--allow', 'x'], /only applies with --staged or --base/],
    [['images', '--staged'], /--staged applies to linting, not to `images`/],
  ])('refuses %j as a usage error (exit 2)', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
    try {
      parseCliArgs(argv);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
    }
  });
});
