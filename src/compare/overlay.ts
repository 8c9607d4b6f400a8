import type { Environment, ResolvedConfig } from '../config/resolve.js';
import { AliasBudgetExceeded, flattenDocuments } from '../keys/flatten.js';
import { chooseArrayIdentities } from '../keys/identity.js';
import { CONFIG_FILE } from '../read/discover.js';
import { isInside, type FileSource } from '../read/source.js';
import { readEnvFile, type ComparedFile, type EnvFile } from './snapshot.js';

/** A file of an environment's overlay, with the service it belongs to ('' for kustomization.yaml and the like). */
export interface OverlayFile {
  service: string;
  envFile: EnvFile;
}

export interface OverlayScope {
  /** the run covers some services only: scan their files and the files handed over, not whole overlays */
  narrowed: boolean;
  /** absolute paths named on the command line (by lint-staged) */
  handedOver?: readonly string[];
}

/**
 * Every YAML/JSON file of every environment's overlay, for the rules that look beyond service
 * files (a test key in kustomization.yaml's secretGenerator is still in prod). Service files come
 * from the snapshot as read; the rest is read on first use only, once for all rules.
 */
export function overlayFileReader(config: ResolvedConfig, files: readonly ComparedFile[], source: FileSource, scope: OverlayScope): () => Promise<readonly OverlayFile[]> {
  let pending: Promise<OverlayFile[]> | undefined;
  return () => (pending ??= collect(config, files, source, scope));
}

async function collect(config: ResolvedConfig, files: readonly ComparedFile[], source: FileSource, scope: OverlayScope): Promise<OverlayFile[]> {
  const byPath = new Map<string, OverlayFile>();
  for (const file of files) {
    for (const envFile of file.byEnv.values()) {
      if (envFile.exists && !byPath.has(envFile.absolutePath)) byPath.set(envFile.absolutePath, { service: file.service.name, envFile });
    }
  }
  const candidates: Array<{ env: Environment; absolutePath: string }> = [];
  if (!scope.narrowed) {
    for (const env of config.environments) {
      if (env.overlay) for (const absolutePath of await source.listFiles(env.overlay)) candidates.push({ env, absolutePath });
    }
  } else {
    for (const absolutePath of scope.handedOver ?? []) {
      const env = environmentOf(config, absolutePath);
      if (env) candidates.push({ env, absolutePath });
    }
  }
  const extra = candidates.filter(({ absolutePath }) => CONFIG_FILE.test(absolutePath) && !byPath.has(absolutePath));
  const read = await Promise.all(extra.map(({ env, absolutePath }) => readEnvFile(config, source, env, absolutePath)));
  for (const envFile of read) {
    if (!envFile.exists || byPath.has(envFile.absolutePath)) continue;
    flattenAlone(config, envFile);
    byPath.set(envFile.absolutePath, { service: '', envFile });
  }
  return [...byPath.values()];
}

/** The environment whose overlay holds a path (the deepest overlay, should overlays nest). */
export function environmentOf(config: ResolvedConfig, absolutePath: string): Environment | undefined {
  const holders = config.environments.filter((env) => env.overlay && isInside(env.overlay, absolutePath));
  return holders.sort((left, right) => (right.overlay?.length ?? 0) - (left.overlay?.length ?? 0))[0];
}

/** Key paths for a file outside any service, so a finding in it can still name its key. */
function flattenAlone(config: ResolvedConfig, envFile: EnvFile): void {
  if (!envFile.parsed || envFile.problems.length > 0) return;
  const documents = envFile.parsed.documents;
  try {
    envFile.flat = flattenDocuments(documents, chooseArrayIdentities([documents], config.arrayKeys));
  } catch (error) {
    if (!(error instanceof AliasBudgetExceeded)) throw error;
  }
}

/** Of some files outside every service, those the credential rules still scan: YAML/JSON in an overlay. */
export function credentialOnlyFiles(config: ResolvedConfig, absolutePaths: readonly string[]): string[] {
  return absolutePaths.filter((absolutePath) => CONFIG_FILE.test(absolutePath) && environmentOf(config, absolutePath) !== undefined);
}
