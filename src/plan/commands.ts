import type { Environment } from '../config/resolve.js';

/** A command for a person to run. promote-lint prints these and never runs them. */
export interface PlanCommand {
  command: string;
  /** get and diff only read; sync deploys */
  readOnly: boolean;
  /** a manual-sync environment's sync: printed commented out, for an explicit request only */
  manual: boolean;
}

export interface EnvironmentPlan {
  env: string;
  app: string;
  manualSync: boolean;
  /** why this environment is in the plan */
  reason: string;
  changedFiles: string[];
  commands: PlanCommand[];
}

/** The seed's step 5: get and diff for every environment, sync only where a sync may be automated. */
export function planEnvironment(env: Environment, reason: string, changedFiles: string[] = []): EnvironmentPlan {
  const app = env.argocdApp;
  return {
    env: env.name,
    app,
    manualSync: env.manualSync,
    reason,
    changedFiles,
    commands: [
      { command: `argocd app get ${app}`, readOnly: true, manual: false },
      { command: `argocd app diff ${app}`, readOnly: true, manual: false },
      { command: `argocd app sync ${app}`, readOnly: false, manual: env.manualSync },
    ],
  };
}

/**
 * The plan as a shell snippet: everything that is not a command is a `#` comment, and a manual
 * sync is commented out too, so even pasting the whole block into a shell never syncs prod.
 */
export function formatPlan(plans: readonly EnvironmentPlan[], notes: readonly string[] = []): string {
  const lines: string[] = [];
  for (const plan of plans) {
    lines.push(`# ${plan.env} (argocd app ${plan.app}): ${plan.reason}${plan.manualSync ? '; sync is manual' : ''}`);
    for (const command of plan.commands) {
      lines.push(command.manual ? `# MANUAL — run only on an explicit request: ${command.command}` : command.command);
    }
    lines.push('');
  }
  lines.push(...notes.map((note) => `# ${note}`));
  lines.push('# promote-lint prints these commands and never runs them.');
  return `${lines.join('\n')}\n`;
}

export function planJson(plans: readonly EnvironmentPlan[], extra: Record<string, unknown>): string {
  return `${JSON.stringify({ ...extra, environments: plans }, null, 2)}\n`;
}
