import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRepo } from '../../bench/generate.js';
import { parseFast } from '../../src/read/fast-parse.js';
import { parseConfigText, parseWithYaml } from '../../src/read/parse.js';
import type { ParsedFile } from '../../src/read/tree.js';
import { EXAMPLE, PROJECT_ROOT, tempDir } from '../helpers.js';
import { randomJson, randomYaml } from './yaml-samples.js';

/** The real GitOps corpus: shared/corpus beside the clone or any of its parents (as test/corpus finds it). */
function findCorpus(): string {
  if (process.env.PROMOTE_LINT_CORPUS) return path.resolve(process.env.PROMOTE_LINT_CORPUS);
  for (let directory = PROJECT_ROOT; path.dirname(directory) !== directory; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'shared', 'corpus');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`corpus not found: no shared/corpus/ beside ${PROJECT_ROOT} or any parent (set PROMOTE_LINT_CORPUS)`);
}

function configFiles(directory: string, found: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    const absolute = path.join(directory, name);
    if (statSync(absolute).isDirectory()) configFiles(absolute, found);
    else if (/\.(ya?ml|json)$/i.test(name)) found.push(absolute);
  }
  return found;
}

/** The contract: wherever the fast path answers, it answers exactly what yaml does, positions included. */
function expectSameAsYaml(text: string, fast: ParsedFile): void {
  const reference = parseWithYaml(text);
  expect(reference.problems).toEqual([]);
  expect(fast.problems).toEqual([]);
  expect(fast.documents).toStrictEqual(reference.documents);
  for (let offset = 0; offset <= text.length; offset += 1 + Math.floor(text.length / 400)) {
    expect(fast.position(offset)).toEqual(reference.position(offset));
  }
}

/** Checks every text, and returns how many the fast path took (so no test passes by bailing on everything). */
function checkAll(texts: Iterable<string>): { fast: number; total: number } {
  let fast = 0;
  let total = 0;
  for (const text of texts) {
    total++;
    const parsed = parseFast(text);
    if (!parsed) continue;
    fast++;
    expectSameAsYaml(text, parsed);
  }
  return { fast, total };
}

describe('the fast parse path gives the same tree as yaml', () => {
  it('for every file of the bundled example', () => {
    const result = checkAll(configFiles(EXAMPLE).map((file) => readFileSync(file, 'utf8')));
    expect(result.fast).toBe(result.total);
  });

  it('for the real GitOps corpus (the files it takes; the rest go to yaml)', () => {
    const result = checkAll(configFiles(findCorpus()).map((file) => readFileSync(file, 'utf8')));
    expect(result.total).toBeGreaterThan(300);
    expect(result.fast / result.total).toBeGreaterThan(0.8);
  });

  it('for the benchmark generator’s files', () => {
    const root = tempDir();
    generateRepo(root, { services: 8, keys: 120 });
    const result = checkAll(configFiles(root).map((file) => readFileSync(file, 'utf8')));
    expect(result.fast).toBe(result.total);
  });

  it('for random config-like YAML: comments at any indentation, anchors, merges, flow, several documents', () => {
    const seeds = Array.from({ length: 3000 }, (_, seed) => seed);
    const result = checkAll(seeds.map(randomYaml));
    expect(result.fast).toBeGreaterThan(1500);
  });

  it('for random JSON documents at several indentations', () => {
    const result = checkAll(Array.from({ length: 500 }, (_, seed) => randomJson(seed)));
    expect(result.fast).toBeGreaterThan(200);
  });

  it.each([
    ['merge keys: explicit keys win, then the first source', 'base: &b {x: 1, y: 2}\nother: &o {y: 3, z: 4}\nm:\n  <<: [*b, *o]\n  x: 0\n'],
    ['an anchor redefined inside its own block', 'a: &n\n  - &n 1\n  - 2\nb: *n\n'],
    ['comments deeper than a scalar belong to it', 'a:\n  b: 1\n      # deep\n  # level\nc: 2\n'],
    ['a trailing comment run as deep as a block stays in it', 'a:\n  b:\n    c: 1\n    # inside\n  # outside\nd: 1\n'],
    ['a sequence at its key’s indentation', 'spec:\n  containers:\n  - name: a\n    image: x\n  # c\n  volumes: []\n'],
    ['empty values and items', 'a:\nb:\n  - \n  -\n  - x\nc: ~\n'],
    ['typed-looking scalars', 'a: [0x1F, 0o17, 017, 1e3, .5, -.inf, .NaN, ~, Null, TRUE, yes, 1_000, 12:30]\n'],
    ['quoted keys and escapes', '"a.b": "x \\" \\u00e9"\n\'it\'\'s\': \'y\'\n'],
    ['a leading document marker and several documents', '---\na: 1\n--- # two\nb: 2\n'],
    ['a JSON file', '{\n  "a": [1, {"b": null}],\n  "c": "d"\n}\n'],
  ])('%s', (_name, text) => {
    const fast = parseFast(text);
    expect(fast).toBeDefined();
    if (fast) expectSameAsYaml(text, fast);
  });

  it('resolves plain scalars as yaml’s core schema does', () => {
    const scalars = ['0', '007', '123456789012345', '1234567890123456', '99999999999999999999', '-0', '+1', '1.', '.5', '1e3', '1E-3', '0x', '0xFF', '0o8',
      '0o7', '.inf', '+.INF', '.NaN', 'nan', 'true', 'True', 'tRue', 'false', 'FALSE', 'null', 'NULL', 'nULL', '~', 'n', 't', 'f', '-a', '+', '1_0', '1:2'];
    for (const scalar of scalars) {
      const text = `a: ${scalar}\n`;
      const fast = parseFast(text);
      expect(fast, scalar).toBeDefined();
      if (fast) expectSameAsYaml(text, fast);
    }
  });

  it.each([
    ['a block scalar', 'a: |\n  text\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a large map', `${Array.from({ length: 20 }, (_, index) => `k${index}: ${index}`).join('\n')}\nk3: again\n`],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a byte-order mark', '\ufeffa: 1\n'],
    ['an alias to an unknown anchor', 'a: *nowhere\n'],
    ['an alias inside its own anchor', 'a: &x\n  b: *x\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a multi-line flow value inside block YAML', 'a: [1,\n  2]\n'],
  ])('leaves %s to yaml, which reports what is wrong', (_name, text) => {
    expect(parseFast(text)).toBeUndefined();
    expect(parseConfigText(text)).toMatchObject({ problems: parseWithYaml(text).problems });
  });
});
