import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

/**
 * picomatch, loaded on the first glob: only configs that list service files with globs need it,
 * and a commit hook should not pay for loading it otherwise.
 */
let loaded: typeof Picomatch | undefined;
export const picomatch = ((...args: Parameters<typeof Picomatch>) => {
  loaded ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch;
  return loaded(...args);
}) as typeof Picomatch;
