import type { Environment, WhitelistEntry } from '../config/resolve.js';
import { formatPlan, planEnvironment } from '../plan/commands.js';
import type { TargetOutcome } from './fix-file.js';

const SPOKEN_NAMES: Record<string, string> = { ci: 'CI', prod: 'production', production: 'production', staging: 'staging' };

function spoken(env: Environment): string {
  return SPOKEN_NAMES[env.name] ?? env.name;
}

/**
 * The commit message of the seed's step 4: `chore: sync CI business configs to staging and
 * production`, then what was synced (per service) and which whitelisted keys were not.
 */
export function commitMessage(source: Environment, targets: readonly Environment[], outcomes: readonly TargetOutcome[], whitelist: readonly WhitelistEntry[]): string {
  const changed = outcomes.filter((outcome) => outcome.changed);
  const byService = new Map<string, Set<string>>();
  for (const outcome of changed) {
    const keys = byService.get(outcome.service) ?? new Set<string>();
    if (outcome.created) keys.add(`${outcome.fileId} (new file)`);
    else outcome.synced.forEach((key) => keys.add(key));
    outcome.removed.forEach((key) => keys.add(`${key} (removed)`));
    byService.set(outcome.service, keys);
  }
  const synced = [...byService]
    .map(([service, keys]) => {
      const list = outermost([...keys]).join(', ');
      return byService.size > 1 ? `${service}: ${list}` : list;
    })
    .join('; ');
  const used = new Set(changed.flatMap((outcome) => outcome.whitelistEntries));
  const whitelisted = whitelist.filter((entry) => used.has(entry.key)).map((entry) => entry.key);
  const lines = [`chore: sync ${spoken(source)} business configs to ${joinSpoken(targets.map(spoken))}`, '', `Synced: ${synced || 'nothing'}`];
  if (whitelisted.length > 0) lines.push(`Whitelisted (not synced): ${whitelisted.join(', ')}`);
  return lines.join('\n');
}

/** Drops a key when an ancestor is listed too (staging got `features.x`, prod the whole `features`). */
function outermost(keyPaths: string[]): string[] {
  return keyPaths.filter((keyPath) => !keyPaths.some((other) => other !== keyPath && (keyPath.startsWith(`${other}.`) || keyPath.startsWith(`${other}[`))));
}

function joinSpoken(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The seed's steps 4 and 5, printed for a person: commit and push, then each target's Argo CD
 * app as `promote-lint plan` prints it — get and diff, sync, and for a manual-sync environment
 * (production) the sync commented out and marked MANUAL. promote-lint never runs any of these.
 */
export function deploySteps(targets: readonly Environment[], changed: readonly TargetOutcome[]): string[] {
  const steps: string[] = [];
  if (changed.length > 0) steps.push(`git add ${changed.map((outcome) => outcome.repoPath).join(' ')}`, 'git commit   # with the message above', 'git push', '');
  const plans = targets.map((env) => {
    const files = changed.filter((outcome) => outcome.env.name === env.name).length;
    return planEnvironment(env, files > 0 ? `${files} file${files === 1 ? '' : 's'} changed by this fix` : 'already in sync with the source');
  });
  steps.push(...formatPlan(plans).trimEnd().split('\n'));
  return steps;
}
