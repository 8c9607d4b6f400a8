import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where promote-lint looks for overlays, relative to the directory `init` runs in. */
const OVERLAY_HOMES = ['kubernetes', 'k8s', '.'];
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** How an overlay's name reads: the source of promotions, a live environment, or unknown. */
const ROLES: Array<{ rank: number; pattern: RegExp }> = [
  { rank: 0, pattern: /(^|[-_.])(ci|dev|develop|development|test|testing|sandbox|integration)([-_.]|$)/i },
  { rank: 2, pattern: /(^|[-_.])(staging|stage|stg|preprod|pre-prod|uat)([-_.]|$)/i },
  { rank: 3, pattern: /(^|[-_.])(prod|production|prd|live)([-_.]|$)/i },
];

export interface DetectedEnvironment {
  name: string;
  /** the overlay directory's name */
  directory: string;
  /** 0 source-like (ci, dev), 1 unknown, 2 staging-like, 3 production-like */
  rank: number;
  live: boolean;
  manualSync: boolean;
}

export interface DetectedLayout {
  /** the overlays' parent, relative to the project directory, posix ('.' for the project itself) */
  root: string;
  /** environments in promotion order: the source first, production last */
  environments: DetectedEnvironment[];
  /** directory names under `<overlay>/configs/` in any environment */
  services: string[];
}

/**
 * Finds the GitOps layout below `projectDir`: an `overlays/` directory (under `kubernetes/`, `k8s/`
 * or the project itself) holding one directory per environment. Environment names drop the prefix
 * the overlays share (`aws-ci`, `aws-prod` → `ci`, `prod`); staging and production by name are live.
 */
export function detectLayout(projectDir: string): DetectedLayout | undefined {
  for (const home of OVERLAY_HOMES) {
    const overlays = path.join(projectDir, home, 'overlays');
    if (!isDirectory(overlays)) continue;
    const all = subdirectories(overlays);
    const kustomized = all.filter((name) => KUSTOMIZATION.some((file) => existsSync(path.join(overlays, name, file))));
    const directories = kustomized.length >= 2 ? kustomized : all;
    if (directories.length < 2) continue;
    const names = environmentNames(directories);
    const environments = directories
      .map((directory, index): DetectedEnvironment => {
        const rank = ROLES.find((role) => role.pattern.test(directory))?.rank ?? 1;
        return { name: names[index], directory, rank, live: rank >= 2, manualSync: rank === 3 };
      })
      .sort((left, right) => left.rank - right.rank);
    const services = new Set<string>();
    for (const directory of directories) subdirectories(path.join(overlays, directory, 'configs')).forEach((name) => services.add(name));
    return { root: home, environments, services: [...services].sort() };
  }
  return undefined;
}

/** `aws-ci`, `aws-staging` → `ci`, `staging`; names stay whole when stripping would break one. */
function environmentNames(directories: string[]): string[] {
  let prefix = directories[0];
  for (const directory of directories) while (!directory.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const separator = Math.max(prefix.lastIndexOf('-'), prefix.lastIndexOf('_'), prefix.lastIndexOf('.'));
  const stripped = directories.map((directory) => directory.slice(separator + 1));
  return separator >= 0 && stripped.every((name) => ENV_NAME.test(name)) ? stripped : directories;
}

function subdirectories(directory: string): string[] {
  if (!isDirectory(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

function isDirectory(directory: string): boolean {
  return existsSync(directory) && statSync(directory).isDirectory();
}
