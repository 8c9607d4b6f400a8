import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { UsageError } from '../errors.js';
import { discoverServices, type Service } from '../read/discover.js';
import { diskSource, type FileSource } from '../read/source.js';

export interface Workspace {
  cwd: string;
  config: ResolvedConfig;
  source: FileSource;
  services: Service[];
}

/** Loads the config, checks that it finds something, and lists the services. */
export async function openWorkspace(
  cwdOption: string | undefined,
  baseCwd: string,
  configFile: string | undefined,
  source?: FileSource | ((config: ResolvedConfig) => Promise<FileSource>),
): Promise<Workspace> {
  const cwd = path.resolve(baseCwd, cwdOption ?? '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) throw new UsageError(`--cwd: directory not found: ${cwdOption}`);
  const loaded = await loadConfig(cwd, configFile);
  if (!loaded.file && !existsSync(path.join(loaded.baseDir, 'overlays'))) {
    throw new UsageError('no configuration found (.promoterc.json) and no kubernetes/overlays/ here: run `promote-lint init` or pass -c');
  }
  const config = resolveConfig(loaded);
  // A factory, for a source that needs the config's root first (the git index in --staged mode).
  const fileSource = typeof source === 'function' ? await source(config) : (source ?? diskSource(config.root));
  const overlays = config.environments.filter((env) => env.overlay !== undefined);
  if (overlays.length > 0 && !overlays.some((env) => env.overlay && existsSync(env.overlay))) {
    throw new UsageError(`no environment found: none of the overlays exists (${overlays.map((env) => path.relative(cwd, env.overlay ?? '')).join(', ')})`);
  }
  const services = await discoverServices(config, fileSource);
  if (services.length === 0 || services.every((service) => service.files.length === 0)) {
    throw new UsageError(config.services ? 'no service file found for the configured services' : 'no service found: no directory under <overlay>/configs/ in any environment');
  }
  return { cwd, config, source: fileSource, services };
}

/** `-s NAME` by service name or directory name; an unknown name is a usage error. */
export function selectServices(services: Service[], names: readonly string[]): Service[] {
  if (names.length === 0) return services;
  return names.map((name) => {
    const found = services.find((service) => service.name === name) ?? services.find((service) => service.aliases.includes(name));
    if (!found) throw new UsageError(`unknown service "${name}" (known: ${services.map((service) => service.name).join(', ')})`);
    return found;
  }).filter((service, index, all) => all.indexOf(service) === index);
}

/**
 * Files handed over by lint-staged narrow the run to the services they belong to: a file belongs
 * to a service when it is one of that service's files in some environment.
 */
export function servicesForFiles(workspace: Workspace, files: readonly string[]): { services: Service[]; skipped: string[] } {
  const owners = new Map<string, Service[]>();
  for (const service of workspace.services) {
    for (const serviceFile of service.files) {
      for (const candidate of serviceFile.pathByEnv.values()) {
        if (candidate) owners.set(candidate, [...(owners.get(candidate) ?? []), service]);
      }
    }
  }
  const chosen = new Set<Service>();
  const skipped: string[] = [];
  for (const file of files) {
    const found = owners.get(path.resolve(workspace.cwd, file));
    if (found) found.forEach((service) => chosen.add(service));
    else skipped.push(file);
  }
  return { services: workspace.services.filter((service) => chosen.has(service)), skipped };
}
