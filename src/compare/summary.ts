import { sameLeafValue } from '../keys/flatten.js';
import type { ComparedFile, ComparedKey } from './snapshot.js';

export type KeyStatus = 'same' | 'different' | 'expected' | 'missing';

/**
 * The seed script's classification of a key over the environments of the promotion path:
 * identical everywhere, different (a business key), expected (whitelisted), or partially missing.
 */
export function classifyKey(key: ComparedKey, envNames: readonly string[], byEnvExists: (env: string) => boolean): KeyStatus {
  const present = envNames.filter((env) => byEnvExists(env));
  const leaves = present.map((env) => key.leaves.get(env));
  if (leaves.some((leaf) => leaf === undefined)) return 'missing';
  const [first, ...rest] = leaves;
  if (!first || rest.every((leaf) => leaf && sameLeafValue(first.value, leaf.value))) return 'same';
  return key.whitelistEntry ? 'expected' : 'different';
}

export function summarize(files: readonly ComparedFile[], envNames: readonly string[]) {
  const counts = { different: 0, expected: 0, missing: 0 };
  for (const file of files) {
    // Only environments whose copy of the file parsed take part; a broken file is reported apart.
    const comparable = (env: string) => file.byEnv.get(env)?.flat !== undefined;
    for (const key of file.keys) {
      const status = classifyKey(key, envNames, comparable);
      if (status !== 'same') counts[status]++;
    }
  }
  return counts;
}
