import type { ResolvedConfig } from '../config/resolve.js';
import { UsageError } from '../errors.js';
import { describePath } from './compare.js';

/**
 * The one step of the image promotion path that `images --fix` performs. Only configured steps
 * are allowed: with the default path `ci → staging → prod`, `--from ci --to prod` is refused,
 * because production takes its tags from staging only. Without --from/--to there is no default
 * unless the path has a single step: applying every step in a row would carry CI's tags into
 * prod in one command, which is exactly what the path forbids.
 */
export function chooseImageStep(config: ResolvedConfig, from: string | undefined, to: readonly string[] | undefined): [string, string] {
  const pairs = config.imagePromotion;
  const path = describePath(pairs);
  const steps = pairs.map(([left, right]) => `--from ${left} --to ${right}`).join(', ');
  if (to && to.length > 1) throw new UsageError(`images --fix takes one step at a time: --to names one environment (steps: ${steps})`);
  const target = to?.[0];
  for (const name of [from, target]) {
    if (name !== undefined && !config.environments.some((env) => env.name === name)) {
      throw new UsageError(`unknown environment "${name}" (known: ${config.environments.map((env) => env.name).join(', ')})`);
    }
  }
  if (pairs.length === 0) throw new UsageError('promotion.images is empty: there is no image promotion path to follow');
  const candidates = pairs.filter(([left, right]) => (from === undefined || left === from) && (target === undefined || right === target));
  if (candidates.length === 1) return [candidates[0][0], candidates[0][1]];
  if (from !== undefined && target !== undefined) {
    const allowedSources = pairs.filter(([, right]) => right === target).map(([left]) => left);
    const takesFrom = allowedSources.length > 0 ? `${target} takes its images from ${allowedSources.join(' or ')} only` : `no step of the image path leads to ${target}`;
    throw new UsageError(`refused: ${from} → ${target} is not a step of the image path (${path}); ${takesFrom}. To allow it, add ["${from}", "${target}"] to promotion.images`);
  }
  if (candidates.length === 0) {
    const named = target !== undefined ? `leads to ${target}` : `starts at ${from}`;
    throw new UsageError(`no step of the image path (${path}) ${named}`);
  }
  throw new UsageError(`images --fix needs --from and --to: one step of the image path at a time (${steps})`);
}
