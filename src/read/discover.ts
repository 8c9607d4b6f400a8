import path from 'node:path';
import { picomatch } from './picomatch-lazy.js';
import type { Environment, ResolvedConfig } from '../config/resolve.js';
import type { FileSource } from './source.js';
import { templateId } from './template.js';

export const CONFIG_FILE = /\.(ya?ml|json)$/i;
const GLOB_CHARS = /[*?[\]{}!]/;

/** One config file of a service, located in every environment (undefined where it is absent). */
export interface ServiceFile {
  /** the same in every environment: `config.yaml`, or a `{env}` template */
  id: string;
  pathByEnv: Map<string, string | undefined>;
}

export interface Service {
  name: string;
  category?: string;
  /** directory names that also select this service with `-s` */
  aliases: string[];
  files: ServiceFile[];
}

/**
 * Lists the services and their files: the ones the config names, or every directory under
 * `<overlay>/configs/` in any environment, with every YAML/JSON file inside it.
 */
export async function discoverServices(config: ResolvedConfig, source: FileSource): Promise<Service[]> {
  if (config.services) {
    const services: Service[] = [];
    for (const [name, definition] of Object.entries(config.services)) {
      const files: ServiceFile[] = [];
      for (const file of definition.files) files.push(...(await locateConfiguredFile(config, source, file)));
      const aliases = definition.files.map(directoryName).filter((alias): alias is string => alias !== undefined);
      services.push({ name, category: definition.category, aliases: [...new Set(aliases)], files: dedupe(files) });
    }
    return services;
  }
  // One listing of configs/ per environment, not one per service and environment: in a repository
  // of 500 services that is 3 calls instead of 1,500 (and the git sources answer each from memory).
  const names = new Set<string>();
  const idsByName = new Map<string, Set<string>>();
  const escapingLinks = new Map<string, ServiceFile[]>();
  for (const environment of config.environments) {
    if (!environment.overlay) continue;
    const configs = path.join(environment.overlay, 'configs');
    (await source.listDirectories(configs)).forEach((name) => names.add(name));
    const below = configs + path.sep;
    for (const file of await source.listFiles(configs)) {
      if (source.leavesRoot?.(file)) {
        addEscapingLink(escapingLinks, environment, configs, file);
        continue;
      }
      if (!CONFIG_FILE.test(file)) continue;
      const relative = toPosix(file.startsWith(below) ? file.slice(below.length) : path.relative(configs, file));
      const slash = relative.indexOf('/');
      if (slash === -1) continue;
      const name = relative.slice(0, slash);
      if (!idsByName.has(name)) idsByName.set(name, new Set());
      idsByName.get(name)?.add(relative.slice(slash + 1));
    }
  }
  // Joined by hand, not path.join: names and ids come from listings, already clean, and this runs
  // once per file and environment (4,500 times in a repository of 500 services).
  const configsByEnv = config.environments.map((environment) => [environment.name, path.join(environment.overlay ?? '', 'configs') + path.sep] as const);
  const services: Service[] = [];
  for (const name of [...names].sort()) {
    const files = [...(idsByName.get(name) ?? [])].sort().map((id) => {
      const nativeId = path.sep === '/' ? id : id.split('/').join(path.sep);
      return { id, pathByEnv: new Map(configsByEnv.map(([envName, configs]) => [envName, `${configs}${name}${path.sep}${nativeId}`])) };
    });
    services.push({ name, aliases: [name], files: [...files, ...(escapingLinks.get(name) ?? [])] });
  }
  return services;
}

/**
 * A link out of the root under `configs/`, whatever its name (a service directory, or anything in
 * one): a file of its own environment only, so that reading it reports the link (parse-error)
 * instead of the service silently losing files.
 */
function addEscapingLink(byName: Map<string, ServiceFile[]>, environment: Environment, configs: string, link: string): void {
  const relative = toPosix(path.relative(configs, link));
  const slash = relative.indexOf('/');
  const name = slash === -1 ? relative : relative.slice(0, slash);
  const linkFile = { id: slash === -1 ? relative : relative.slice(slash + 1), pathByEnv: new Map([[environment.name, link]]) };
  byName.set(name, [...(byName.get(name) ?? []), linkFile]);
}

/** The directory a configured file entry names, for `-s`: `configs/gateway/config.yaml` and `mintmaker/{env}/**` → the last plain directory. */
function directoryName(file: string): string | undefined {
  const plain: string[] = [];
  for (const part of file.split('/').slice(0, -1)) {
    if (part.includes('{env}') || GLOB_CHARS.test(part)) break;
    if (part !== '.' && part !== '') plain.push(part);
  }
  return plain.at(-1);
}

/** A configured file entry: a plain path, a `{env}` template, or a glob expanded in every environment. */
async function locateConfiguredFile(config: ResolvedConfig, source: FileSource, file: string): Promise<ServiceFile[]> {
  const baseOf = (environment: Environment) => (file.includes('{env}') ? config.root : (environment.overlay ?? config.root));
  const concrete = (environment: Environment) => path.join(baseOf(environment), file.replaceAll('{env}', environment.name));
  if (!GLOB_CHARS.test(file.replaceAll('{env}', ''))) {
    return [{ id: file, pathByEnv: new Map(config.environments.map((environment) => [environment.name, concrete(environment)])) }];
  }
  const ids = new Map<string, Map<string, string>>();
  for (const environment of config.environments) {
    const pattern = file.replaceAll('{env}', environment.name);
    const base = baseOf(environment);
    const isMatch = picomatch(pattern, { dot: true });
    const staticPrefix = pattern.split('/').filter((part, index, parts) => !parts.slice(0, index + 1).some((p) => GLOB_CHARS.test(p)));
    for (const absolute of await source.listFiles(path.join(base, ...staticPrefix))) {
      const relative = toPosix(path.relative(base, absolute));
      if (!isMatch(relative)) continue;
      const id = file.includes('{env}') ? templateId(file, relative, environment.name) : relative;
      if (!ids.has(id)) ids.set(id, new Map());
      ids.get(id)?.set(environment.name, absolute);
    }
  }
  return [...ids.entries()].sort(([left], [right]) => left.localeCompare(right)).map(([id, byEnv]) => ({
    id,
    pathByEnv: new Map(config.environments.map((environment) => [environment.name, byEnv.get(environment.name) ?? path.join(baseOf(environment), id.replaceAll('{env}', environment.name))])),
  }));
}

function dedupe(files: ServiceFile[]): ServiceFile[] {
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(file.id) && seen.add(file.id) !== undefined);
}

export function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}
