import path from 'node:path';
import type { Environment } from '../config/resolve.js';
import { UsageError } from '../errors.js';
import { formatPlan, planEnvironment, planJson, type EnvironmentPlan } from '../plan/commands.js';
import { gitChanges } from '../plan/git-changes.js';
import type { CliOptions } from './args.js';
import { writeOut, type CliIO } from './io.js';
import type { Workspace } from './workspace.js';

/**
 * `promote-lint plan`: the argocd commands for the environments that have something to deploy —
 * those named with --to, else those whose files differ from the upstream branch (or HEAD, or
 * --base), else, outside git, every live environment. It prints; it never runs argocd.
 */
export async function planCommand(workspace: Workspace, options: CliOptions, io: CliIO): Promise<number> {
  const { config } = workspace;
  const environmentNamed = (name: string) => {
    const found = config.environments.find((env) => env.name === name);
    if (!found) throw new UsageError(`unknown environment "${name}" (known: ${config.environments.map((env) => env.name).join(', ')})`);
    return found;
  };
  let plans: EnvironmentPlan[];
  const notes: string[] = [];
  let base: string | null = null;
  if (options.to) {
    plans = options.to.map(environmentNamed).map((env) => planEnvironment(env, 'named with --to'));
  } else {
    const changes = await gitChanges(config.root, pathsByEnvironment(workspace), options.base);
    if (!changes) {
      plans = config.environments.filter((env) => env.live).map((env) => planEnvironment(env, 'live (not a git repository: changes unknown)'));
      if (plans.length === 0) notes.push('not a git repository and no live environment: name environments with --to ENV');
    } else {
      base = changes.base;
      plans = config.environments
        .filter((env) => changes.byEnv.has(env.name))
        .map((env) => {
          const files = changes.byEnv.get(env.name) ?? [];
          return planEnvironment(env, describeChange(workspace, env, files, changes.base), files);
        });
      if (plans.length > 0 && changes.unpublished) notes.push(`these changes are not in ${changes.base === 'HEAD' ? 'a commit' : changes.base} yet: commit and push first — argocd deploys what the remote branch holds`);
      if (plans.length === 0) notes.push(`no overlay differs from ${changes.base}: nothing to deploy (name environments with --to ENV, or compare with --base REF)`);
    }
  }
  if (options.format === 'json') writeOut(io, planJson(plans, { base, notes }));
  else writeOut(io, formatPlan(plans, notes));
  return 0;
}

/** What identifies an environment's files: its overlay directory, else its service files ({env} templates). */
function pathsByEnvironment(workspace: Workspace): Map<string, string[]> {
  return new Map(
    workspace.config.environments.map((env) => {
      if (env.overlay) return [env.name, [env.overlay]];
      const files = workspace.services.flatMap((service) => service.files.map((file) => file.pathByEnv.get(env.name)));
      return [env.name, files.filter((file): file is string => file !== undefined)];
    }),
  );
}

function describeChange(workspace: Workspace, env: Environment, files: readonly string[], base: string): string {
  const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
  if (!env.overlay) return `${count} differ${files.length === 1 ? 's' : ''} from ${base}`;
  return `${path.relative(workspace.config.repoRoot, env.overlay).split(path.sep).join('/')} differs from ${base} (${count})`;
}
