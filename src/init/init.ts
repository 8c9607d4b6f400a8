import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CliOptions } from '../cli/args.js';
import { writeOut, type CliIO } from '../cli/io.js';
import { CONFIG_SEARCH_PLACES } from '../config/load.js';
import { UsageError } from '../errors.js';
import { existingLintStagedConfig, readPackageJson, withPrepareScript, writeAtomically, type PackageJson } from './files.js';
import { detectLayout, type DetectedLayout } from './layout.js';
import { configFor, renderConfig } from './promoterc.js';

export const NEXT_COMMAND = 'npm i -D promote-lint husky lint-staged && npx husky';
const PROMOTERC = '.promoterc.json';
const HOOK = '.husky/pre-commit';
const LINT_STAGED = '.lintstagedrc.json';

interface Step {
  verb: 'create' | 'replace' | 'update' | 'keep';
  file: string;
  detail: string;
  /** what to write; undefined for a file left as it is */
  text?: string;
}

/**
 * `promote-lint init`: in a consumer GitOps repository, writes the config for the layout it finds,
 * the husky pre-commit hook and the lint-staged entry that runs `promote-lint --staged`. Every
 * step is decided before the first write, so bad input changes nothing.
 */
export function runInit(options: Pick<CliOptions, 'cwd' | 'force'>, io: CliIO): number {
  const projectDir = path.resolve(io.cwd, options.cwd ?? '.');
  if (!existsSync(projectDir) || !statSync(projectDir).isDirectory()) throw new UsageError(`--cwd: directory not found: ${options.cwd}`);
  const layout = detectLayout(projectDir);
  if (!layout) throw new UsageError('no GitOps layout here: expected kubernetes/overlays/<env>/ (or overlays/<env>/), one directory per environment; run init at the repository root');
  const steps = planSteps(projectDir, layout, readPackageJson(projectDir), options.force);
  for (const step of steps) if (step.text !== undefined) writeAtomically(path.join(projectDir, step.file), step.text);
  writeOut(io, report(layout, steps, existsSync(path.join(projectDir, '.git'))));
  return 0;
}

/** Never replaces an existing file without --force; where the user's own file stays, says what to add to it. */
function planSteps(projectDir: string, layout: DetectedLayout, packageJson: PackageJson, force: boolean): Step[] {
  const exists = (file: string) => existsSync(path.join(projectDir, file));
  const ours = (file: string, text: string, detail: string, keptBecause: (current: string) => string): Step => {
    if (!exists(file)) return { verb: 'create', file, detail, text };
    if (force) return { verb: 'replace', file, detail, text };
    return { verb: 'keep', file, detail: `exists; ${keptBecause(readFileSync(path.join(projectDir, file), 'utf8'))}` };
  };
  const orForce = (advice: string) => `${advice}, or rerun with --force to replace it`;
  const steps: Step[] = [];

  // cosmiconfig takes the first config it finds: a second one would be silently ignored.
  const otherConfig = CONFIG_SEARCH_PLACES.filter((name) => name !== PROMOTERC).find((name) => (name === 'package.json' ? packageJson.data?.promote !== undefined : exists(name)));
  if (otherConfig) steps.push({ verb: 'keep', file: otherConfig, detail: 'holds the promote-lint config already' });
  else steps.push(ours(PROMOTERC, renderConfig(configFor(layout)), describeConfig(layout), () => orForce('kept as it is')));

  steps.push(ours(HOOK, 'npx lint-staged\n', 'runs npx lint-staged before every commit', (current) => (current.includes('lint-staged') ? 'already runs lint-staged' : orForce('add the line `npx lint-staged` to it'))));

  const overlayGlob = `${layout.root === '.' ? '' : `${layout.root}/`}overlays/**/*.{yaml,yml,json}`;
  const entry = { [overlayGlob]: 'promote-lint --staged' };
  const addEntry = `add ${JSON.stringify(overlayGlob)}: ${JSON.stringify(entry[overlayGlob])} to it`;
  const otherLintStaged = existingLintStagedConfig(projectDir, packageJson);
  if (otherLintStaged && otherLintStaged.name !== LINT_STAGED) {
    const runsUs = otherLintStaged.text.includes('promote-lint');
    steps.push({ verb: 'keep', file: otherLintStaged.name, detail: runsUs ? 'its lint-staged config already runs promote-lint' : `holds the lint-staged config; ${addEntry}` });
  } else {
    const text = `${JSON.stringify(entry, null, 2)}\n`;
    steps.push(ours(LINT_STAGED, text, `${overlayGlob} → promote-lint --staged`, (current) => (current.includes('promote-lint') ? 'already runs promote-lint' : orForce(addEntry))));
  }
  steps.push(prepareStep(packageJson));
  // The user's .gitignore is never replaced, not even with --force: it holds more than ours would.
  if (!exists('.gitignore')) steps.push({ verb: 'create', file: '.gitignore', detail: 'ignores node_modules/, where the next command installs the hook tools', text: 'node_modules/\n' });
  else if (!/^\/?node_modules\/?$/m.test(readFileSync(path.join(projectDir, '.gitignore'), 'utf8'))) steps.push({ verb: 'keep', file: '.gitignore', detail: 'add node_modules/ to it' });
  return steps;
}

/** package.json is the one file init edits in place: adding a missing script loses nothing. */
function prepareStep(packageJson: PackageJson): Step {
  const text = withPrepareScript(packageJson);
  if (!packageJson.data) return { verb: 'create', file: 'package.json', detail: 'private, with "prepare": "husky" so a clone installs the hook', text };
  if (text !== undefined) return { verb: 'update', file: 'package.json', detail: 'added "prepare": "husky" so a clone installs the hook', text };
  const prepare = (packageJson.data.scripts as Record<string, unknown> | undefined)?.prepare;
  const runsHusky = typeof prepare === 'string' && /\bhusky\b/.test(prepare);
  return { verb: 'keep', file: 'package.json', detail: runsHusky ? '"prepare" already runs husky' : '"prepare" does not run husky; append `&& husky` to it' };
}

function describeConfig(layout: DetectedLayout): string {
  const [source, ...targets] = layout.environments;
  const count = layout.services.length;
  const services = count > 0 ? `${count} service${count === 1 ? '' : 's'} under configs/` : 'no configs/ directory found: list your files under "services"';
  return `${source.name} → ${targets.map((environment) => environment.name).join(', ')}; the default whitelist; ${services}`;
}

function report(layout: DetectedLayout, steps: Step[], atGitRoot: boolean): string {
  const overlays = layout.root === '.' ? 'overlays' : `${layout.root}/overlays`;
  const environments = layout.environments.map((environment) => {
    const traits = [environment.directory, environment.live ? 'live' : '', environment.manualSync ? 'manual sync' : ''].filter(Boolean);
    return `${environment.name} (${traits.join(', ')})`;
  });
  const lines = [`promote-lint init: ${overlays}/ holds ${layout.environments.length} environments: ${environments.join(', ')}`];
  const width = Math.max(...steps.map((step) => step.file.length));
  const verbs = { create: 'created ', replace: 'replaced', update: 'updated ', keep: 'kept    ' };
  for (const step of steps) lines.push(`  ${verbs[step.verb]}  ${step.file.padEnd(width)}  ${step.detail}`);
  if (steps[0].file === PROMOTERC && steps[0].verb !== 'keep') {
    lines.push('check: which environments are live, and each environment\'s "argocdApp" (its Argo CD application; default: the overlay directory name)');
  }
  if (!atGitRoot) lines.push('note: no .git here; husky installs hooks from the repository root, so run init there');
  lines.push(`next: ${NEXT_COMMAND}`);
  return `${lines.join('\n')}\n`;
}
