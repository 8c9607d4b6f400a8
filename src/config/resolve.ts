import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { compileKeyPattern, type KeyPattern } from '../keys/pattern.js';
import { defaultConfig } from './defaults.js';
import { compileExpectation, type Expectation } from './expect.js';
import { locatePointer } from './pointer.js';
import type { LoadedConfig } from './load.js';
import type { RawConfig, RawWhitelistEntry, Severity } from './types.js';

export interface Environment {
  name: string;
  /** absolute overlay directory; undefined when every service file path uses {env} */
  overlay?: string;
  live: boolean;
  argocdApp: string;
  manualSync: boolean;
}

export interface WhitelistEntry {
  key: string;
  reason: string;
  expect?: Record<string, string | number | boolean | null>;
  mustDiffer: boolean;
  pattern: KeyPattern;
  /** `expect`, compiled: environment name → what its value must be */
  expectations: Map<string, Expectation>;
  /** position in the config's whitelist array, for pointing findings at it */
  index: number;
}

export interface ServiceDefinition {
  files: string[];
  category?: string;
}

export interface ResolvedConfig {
  /** absolute config file, undefined for zero-config */
  file?: string;
  text?: string;
  root: string;
  /** the directory reported file paths are relative to: the git work tree, else the config's */
  repoRoot: string;
  environments: Environment[];
  configPromotion: { from: string; to: string[] };
  imagePromotion: Array<[string, string]>;
  services?: Record<string, ServiceDefinition>;
  whitelist: WhitelistEntry[];
  arrayKeys: Record<string, string>;
  rules: Record<string, Severity>;
}

/** Turns a validated raw config into absolute paths and checked cross-references. */
export function resolveConfig(loaded: LoadedConfig): ResolvedConfig {
  const raw: RawConfig = loaded.raw;
  const defaults = defaultConfig();
  const where = loaded.file ? path.basename(loaded.file) : 'default config';
  const root = path.resolve(loaded.baseDir, raw.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`${where}: root directory not found: ${path.relative(process.cwd(), root) || '.'}`);
  }
  const rawEnvironments = raw.environments ?? defaults.environments ?? [];
  const usesEnvTemplates = raw.services !== undefined && Object.values(raw.services).every((service) => service.files.every((file) => file.includes('{env}')));
  const names = new Set<string>();
  const environments = rawEnvironments.map((environment): Environment => {
    if (names.has(environment.name)) throw new UsageError(`${where}: environment "${environment.name}" is listed twice`);
    names.add(environment.name);
    if (environment.overlay === undefined && !usesEnvTemplates) {
      throw new UsageError(`${where}: environment "${environment.name}" needs an "overlay" (or every service file path must use {env})`);
    }
    const overlay = environment.overlay === undefined ? undefined : insideRoot(root, environment.overlay, `environment "${environment.name}" overlay`, where);
    return {
      name: environment.name,
      overlay,
      live: environment.live,
      argocdApp: environment.argocdApp ?? (overlay ? path.basename(overlay) : environment.name),
      manualSync: environment.manualSync ?? false,
    };
  });
  const known = (name: string, context: string) => {
    if (!names.has(name)) throw new UsageError(`${where}: ${context} names unknown environment "${name}" (known: ${[...names].join(', ')})`);
    return name;
  };
  const configPromotion = raw.promotion?.configs ?? defaultConfigPromotion(environments, defaults);
  known(configPromotion.from, 'promotion.configs.from');
  configPromotion.to.forEach((name) => known(name, 'promotion.configs.to'));
  const imagePromotion =
    raw.promotion?.images ?? environments.slice(1).map((environment, index): [string, string] => [environments[index].name, environment.name]);
  imagePromotion.forEach(([from, to]) => {
    known(from, 'promotion.images');
    known(to, 'promotion.images');
  });
  const whitelist = (raw.whitelist ?? defaultWhitelist(defaults, names)).map((entry, index): WhitelistEntry => {
    Object.keys(entry.expect ?? {}).forEach((name) => known(name, `whitelist[${index}].expect`));
    const expectations = compileExpectations(entry.expect ?? {}, `/whitelist/${index}/expect`, loaded, where);
    return { ...entry, mustDiffer: entry.mustDiffer ?? true, pattern: compileKeyPattern(entry.key), index, expectations };
  });
  for (const [name, service] of Object.entries(raw.services ?? {})) {
    for (const file of service.files) {
      const sample = file.replaceAll('{env}', environments[0]?.name ?? 'env');
      if (path.isAbsolute(sample) || sample.split(/[\\/]/).includes('..')) {
        throw new UsageError(`${where}: services.${name}.files: "${file}" must stay inside the root`);
      }
    }
  }
  return {
    file: loaded.file,
    text: loaded.text,
    root,
    repoRoot: findRepoRoot(root) ?? loaded.baseDir,
    environments,
    configPromotion,
    imagePromotion,
    services: raw.services,
    whitelist,
    arrayKeys: raw.arrayKeys ?? {},
    rules: raw.rules ?? {},
  };
}

/** The seed's whitelist, its `expect` kept only for environments this config has (they may be named otherwise). */
function defaultWhitelist(defaults: RawConfig, names: ReadonlySet<string>): RawWhitelistEntry[] {
  return (defaults.whitelist ?? []).map(({ expect, ...entry }) => {
    const kept = Object.entries(expect ?? {}).filter(([name]) => names.has(name));
    return kept.length > 0 ? { ...entry, expect: Object.fromEntries(kept) } : entry;
  });
}

function defaultConfigPromotion(environments: Environment[], defaults: RawConfig) {
  const seed = defaults.promotion?.configs;
  if (seed && [seed.from, ...seed.to].every((name) => environments.some((environment) => environment.name === name))) return seed;
  const [first, ...rest] = environments;
  if (!first || rest.length === 0) throw new UsageError('at least two environments are needed to compare anything');
  return { from: first.name, to: rest.map((environment) => environment.name) };
}

/** A bad `/regex/` in `expect` is a configuration error at its line, not a crash in a rule. */
function compileExpectations(expect: Record<string, string | number | boolean | null>, pointer: string, loaded: LoadedConfig, where: string): Map<string, Expectation> {
  const expectations = new Map<string, Expectation>();
  for (const [envName, expected] of Object.entries(expect)) {
    try {
      expectations.set(envName, compileExpectation(expected));
    } catch (error) {
      const place = loaded.text ? locatePointer(loaded.text, `${pointer}/${envName}`) : undefined;
      const at = place ? `${where}:${place.line}:${place.column}` : where;
      throw new UsageError(`${at}: ${pointer.slice(1).replaceAll('/', '.')}.${envName}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return expectations;
}

/** Resolves a configured path and refuses one that leaves the root. */
export function insideRoot(root: string, relative: string, what: string, where: string): string {
  const resolved = path.resolve(root, relative);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    throw new UsageError(`${where}: ${what} "${relative}" is outside the root ${root}`);
  }
  return resolved;
}

function findRepoRoot(start: string): string | undefined {
  let directory = start;
  for (;;) {
    if (existsSync(path.join(directory, '.git'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
