import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/read/parse.js';

function problemsOf(text: string) {
  const parsed = parseConfigText(text);
  return parsed.problems.map((problem) => ({ message: problem.message, ...parsed.position(problem.offset) }));
}

/** Inputs that once crashed the reader or slipped through it, found by the property tests. */
describe('the reader never throws: regressions', () => {
  it('a mapping used as a key, holding a merge of a list of lists (stringifying the key threw)', () => {
    expect(problemsOf('{\n{\n  id:\n    {\n      <<: [ [ { id: free } ] ],\n      " "\n    },\n}\n}\n')).toEqual([
      { message: 'a mapping or a list used as a key: key paths need plain keys', line: 2, column: 1 },
    ]);
  });

  it('an explicit list key', () => {
    expect(problemsOf('name: api\n? [a, b]\n: 1\n')).toEqual([{ message: 'a mapping or a list used as a key: key paths need plain keys', line: 2, column: 3 }]);
  });

  it('an alias used as a key counts as the key it refers to', () => {
    expect(problemsOf('&k name: api\n*k : web\n')).toEqual([{ message: 'duplicate key "name": keys in a mapping must be unique', line: 2, column: 1 }]);
  });

  it('keys that differ in YAML type but not in text collide in a key path, so they are duplicates', () => {
    expect(problemsOf('1: a\n"1": b\n')).toEqual([{ message: 'duplicate key "1": keys in a mapping must be unique', line: 2, column: 1 }]);
  });

  it('a plain << key merges; a merge of something that is not a mapping is reported', () => {
    expect(problemsOf('base: &b {x: 1}\nuse:\n  <<: *b\n')).toEqual([]);
    expect(problemsOf('use:\n  <<: [1]\n')).toEqual([{ message: 'a merge key (<<) must refer to a mapping', line: 2, column: 3 }]);
  });
});
