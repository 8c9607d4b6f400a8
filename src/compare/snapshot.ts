import path from 'node:path';
import type { Environment, ResolvedConfig, WhitelistEntry } from '../config/resolve.js';
import { AliasBudgetExceeded, checkAliasBudget, flattenDocuments, KeyPathTable, type FlatFile, type Leaf } from '../keys/flatten.js';
import { chooseArrayIdentities } from '../keys/identity.js';
import type { KeySegment } from '../keys/keyPath.js';
import type { Service } from '../read/discover.js';
import { unparsedFile } from '../read/content.js';
import { NotUtf8Text } from '../read/decode.js';
import { parseConfigText } from '../read/parse.js';
import { LinkEscapesRoot, type FileSource } from '../read/source.js';
import type { ParsedFile, ParseProblem } from '../read/tree.js';
import { markShapeMismatches } from './shape.js';

/** One service file in one environment, as read. */
export interface EnvFile {
  env: Environment;
  /** path relative to the repository, with forward slashes: what findings print */
  repoPath: string;
  absolutePath: string;
  exists: boolean;
  text?: string;
  parsed?: ParsedFile;
  /** set only when the file parsed cleanly */
  flat?: FlatFile;
  problems: ParseProblem[];
}

/** A key of one service file, with its leaf in each environment that has it. */
export interface ComparedKey {
  keyPath: string;
  segments: KeySegment[];
  whitelistEntry?: WhitelistEntry;
  leaves: Map<string, Leaf>;
}

export interface ComparedFile {
  service: Service;
  fileId: string;
  byEnv: Map<string, EnvFile>;
  keys: ComparedKey[];
}

/** Reads, parses and flattens every file of the given services in every environment. */
export async function readSnapshot(config: ResolvedConfig, services: readonly Service[], source: FileSource): Promise<ComparedFile[]> {
  const jobs = services.flatMap((service) => service.files.map((file) => ({ service, file })));
  // Services repeat key paths: match each one against the whitelist once per run.
  const whitelistByKeyPath = new Map<string, WhitelistEntry | undefined>();
  return Promise.all(
    jobs.map(async ({ service, file }) => {
      const byEnv = new Map<string, EnvFile>();
      await Promise.all(
        config.environments.map(async (env) => {
          const absolutePath = file.pathByEnv.get(env.name);
          if (absolutePath) byEnv.set(env.name, await readEnvFile(config, source, env, absolutePath));
        }),
      );
      flattenAll(config, byEnv);
      return { service, fileId: file.id, byEnv, keys: compareKeys(config, byEnv, whitelistByKeyPath) };
    }),
  );
}

export async function readEnvFile(config: ResolvedConfig, source: FileSource, env: Environment, absolutePath: string): Promise<EnvFile> {
  const repoPath = path.relative(config.repoRoot, absolutePath).split(path.sep).join('/');
  const envFile: EnvFile = { env, repoPath, absolutePath, exists: false, problems: [] };
  try {
    envFile.text = await source.readText(absolutePath);
  } catch (error) {
    envFile.exists = true;
    if (error instanceof NotUtf8Text) envFile.parsed = unparsedFile(error.lenientText, []);
    const offset = error instanceof NotUtf8Text ? error.offset : 0;
    const message = error instanceof LinkEscapesRoot || error instanceof NotUtf8Text ? error.message : `cannot read: ${(error as Error).message}`;
    envFile.problems.push({ message, offset });
    return envFile;
  }
  if (envFile.text === undefined) return envFile;
  envFile.exists = true;
  envFile.parsed = parseConfigText(envFile.text);
  envFile.problems.push(...envFile.parsed.problems);
  return envFile;
}

/** Array identities are chosen over all environments at once, so the same element has one name everywhere. */
function flattenAll(config: ResolvedConfig, byEnv: Map<string, EnvFile>): void {
  markShapeMismatches(byEnv, config.configPromotion.from);
  const clean = [...byEnv.values()].filter((envFile) => envFile.parsed && envFile.problems.length === 0 && withinAliasBudget(envFile));
  const identities = chooseArrayIdentities(
    clean.map((envFile) => envFile.parsed?.documents ?? []),
    config.arrayKeys,
  );
  const paths = new KeyPathTable();
  for (const envFile of clean) envFile.flat = flattenDocuments(envFile.parsed?.documents ?? [], identities, paths);
}

function withinAliasBudget(envFile: EnvFile): boolean {
  try {
    checkAliasBudget(envFile.parsed?.documents ?? []);
    return true;
  } catch (error) {
    if (!(error instanceof AliasBudgetExceeded)) throw error;
    envFile.problems.push({ message: error.message, offset: error.offset });
    return false;
  }
}

function compareKeys(config: ResolvedConfig, byEnv: Map<string, EnvFile>, whitelistByKeyPath: Map<string, WhitelistEntry | undefined>): ComparedKey[] {
  const keys = new Map<string, ComparedKey>();
  // The source environment first, so keys come out in the order a reader of its file expects.
  const order = [config.configPromotion.from, ...config.environments.map((env) => env.name)];
  for (const envName of new Set(order)) {
    const flat = byEnv.get(envName)?.flat;
    if (!flat) continue;
    for (const leaf of flat.leaves.values()) {
      let compared = keys.get(leaf.keyPath);
      if (!compared) {
        let whitelistEntry = whitelistByKeyPath.get(leaf.keyPath);
        if (whitelistEntry === undefined && !whitelistByKeyPath.has(leaf.keyPath)) {
          whitelistEntry = findWhitelistEntry(config.whitelist, leaf.segments);
          whitelistByKeyPath.set(leaf.keyPath, whitelistEntry);
        }
        compared = { keyPath: leaf.keyPath, segments: leaf.segments, whitelistEntry, leaves: new Map() };
        keys.set(leaf.keyPath, compared);
      }
      compared.leaves.set(envName, leaf);
    }
  }
  return [...keys.values()];
}

export function findWhitelistEntry(whitelist: readonly WhitelistEntry[], segments: readonly KeySegment[]): WhitelistEntry | undefined {
  return whitelist.find((entry) => entry.pattern.coversKey(segments));
}
