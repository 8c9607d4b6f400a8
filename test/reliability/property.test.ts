import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { flattenDocuments } from '../../src/keys/flatten.js';
import { chooseArrayIdentities } from '../../src/keys/identity.js';
import { decodeUtf8, NotUtf8Text } from '../../src/read/decode.js';
import { parseConfigText } from '../../src/read/parse.js';
import { runCli } from '../helpers.js';
import { fileBytes, mutatedText, validText } from './arbitraries.js';
import { seedRepo, servicePath, STACK_FRAME } from './fixtures.js';

/** The reader's contract: it never throws, and every problem points at a real line of the text. */
function readerHolds(text: string): void {
  const parsed = parseConfigText(text);
  for (const problem of parsed.problems) {
    expect(problem.offset).toBeGreaterThanOrEqual(0);
    expect(problem.offset).toBeLessThanOrEqual(text.length);
    expect(parsed.position(problem.offset).line).toBeGreaterThanOrEqual(1);
    expect(problem.message).not.toBe('');
  }
  if (parsed.problems.length === 0) {
    const identities = chooseArrayIdentities([parsed.documents, parsed.documents], {});
    const flat = flattenDocuments(parsed.documents, identities);
    for (const leaf of flat.leaves.values()) expect(parsed.position(leaf.offset).line).toBeGreaterThanOrEqual(1);
  }
}

describe('the reader, fed generated YAML: never a crash', () => {
  it('valid text parses without problems (except a bare value, which is reported)', () => {
    fc.assert(
      fc.property(validText, (text) => {
        // A plain `<<` key is a merge key by design; a generated key of that name is not valid data here.
        fc.pre(!text.includes('<<'));
        readerHolds(text);
        const parsed = parseConfigText(text);
        const value: unknown = parse(text);
        const bareValue = value === null || typeof value !== 'object';
        expect(parsed.problems.map((problem) => problem.message)).toEqual(bareValue ? ['the document is a single value, not a mapping or a list of keys'] : []);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated text: problems with real offsets, or a clean tree that flattens', () => {
    fc.assert(fc.property(mutatedText, readerHolds), { numRuns: 1000 });
  });

  it('arbitrary strings, including control characters and lone surrogates', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), readerHolds), { numRuns: 500 });
  });
});

describe('strict UTF-8 decoding, fed arbitrary bytes', () => {
  it('decodes exactly what Node decodes, or locates the first bad byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          expect(decodeUtf8(bytes)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(NotUtf8Text);
          const { lenientText, offset } = error as NotUtf8Text;
          expect(lenientText[offset]).toBe('\uFFFD');
          // Everything before the bad byte decodes strictly: the reported line is the right one.
          expect(() => decodeUtf8(new TextEncoder().encode(lenientText.slice(0, offset)))).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every Unicode string, byte order mark included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, withBom) => {
        const source = withBom ? `\uFEFF${text}` : text;
        expect(decodeUtf8(new TextEncoder().encode(source))).toBe(source);
      }),
      { numRuns: 500 },
    );
  });
});

function capturingIO(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, env: { NO_COLOR: '1' }, stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, out, err };
}

const SOURCE = 'replicas: 2\nplans:\n  - id: pro\n    amount: 10\nstripe:\n  secretKey: sk_test_FAKE\n';

describe('the engine, fed generated files: always exit 0, 1 or 2, never an internal error', () => {
  it('in-process run() over a tree whose staging and prod files are generated', async () => {
    await fc.assert(
      fc.asyncProperty(fileBytes, fileBytes, fc.constantFrom([], ['--format', 'json'], ['--diff-only'], ['--show-expected'], ['list-services']), async (staging, prod, args) => {
        const cwd = seedRepo({ api: { ci: SOURCE, staging, prod }, web: { ci: 'a: 1\n', staging: 'a: 2\n', prod } });
        const io = capturingIO(cwd);
        const exitCode = await run(args, io);
        expect([0, 1, 2]).toContain(exitCode);
        expect(io.err.join('')).not.toContain('internal error');
        if (args[1] === 'json') expect(() => JSON.parse(io.out.join(''))).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('in-process run() with a generated .promoterc.json', async () => {
    const environments = fc.array(fc.record({ name: fc.constantFrom('ci', 'staging', 'prod', 'qa', ''), overlay: fc.constantFrom('overlays/aws-ci', 'overlays/aws-prod', '..', 'x'), live: fc.boolean() }, { requiredKeys: ['name'] }), { maxLength: 4 });
    const config = fc.record({
      root: fc.constantFrom('kubernetes', '.', '../..', 'missing'),
      environments,
      whitelist: fc.array(fc.record({ key: fc.constantFrom('**', '*', 'a.**.**.b', 'plans[id=pro]', '', '..', 'stripe.*'), reason: fc.string({ maxLength: 5 }) }), { maxLength: 3 }),
      rules: fc.dictionary(fc.constantFrom('drift', 'parse-error', 'nope'), fc.constantFrom('off', 'warn', 'error', 'loud')),
      arrayKeys: fc.dictionary(fc.constantFrom('plans', 'x'), fc.constantFrom('id', '', 'name')),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(config.map((value) => JSON.stringify(value)), mutatedText), async (configText) => {
        const cwd = seedRepo({ api: { ci: SOURCE, staging: SOURCE, prod: SOURCE } });
        writeFileSync(path.join(cwd, '.promoterc.json'), configText);
        const io = capturingIO(cwd);
        const exitCode = await run([], io);
        expect([0, 1, 2]).toContain(exitCode);
        expect(io.err.join('')).not.toContain('internal error');
      }),
      { numRuns: 150 },
    );
  });

  it('the real CLI, spawned, over arbitrary bytes: no stack trace on any stream', () => {
    fc.assert(
      fc.property(fileBytes, (bytes) => {
        const cwd = seedRepo({ api: { ci: SOURCE, staging: SOURCE, prod: SOURCE } });
        writeFileSync(path.join(cwd, servicePath('prod', 'api')), bytes);
        const result = runCli(['--format', 'json'], { cwd });
        expect([0, 1, 2]).toContain(result.exitCode);
        expect(result.stderr).not.toMatch(STACK_FRAME);
        expect(result.stderr).not.toContain('internal error');
      }),
      { numRuns: 25 },
    );
  });
});
