import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readPlainConfig } from './fast-load.js';
import type { RawConfig } from './types.js';

export const CONFIG_SEARCH_PLACES = [
  'package.json',
  '.promoterc',
  '.promoterc.json',
  '.promoterc.yaml',
  '.promoterc.yml',
  'promote.config.js',
  'promote.config.mjs',
  'promote.config.cjs',
];

export interface LoadedConfig {
  raw: RawConfig;
  /** absolute path of the config file; undefined for the zero-config defaults */
  file?: string;
  /** its text, to map a JSON pointer back to a line */
  text?: string;
  /** the directory paths in the config are relative to */
  baseDir: string;
}

/**
 * Finds and reads the config: an explicit `-c` file, else cosmiconfig's search from `cwd`
 * upwards, else the seed layout's defaults when a `kubernetes/overlays` tree is at hand.
 */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<LoadedConfig> {
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('promote', {
    searchPlaces: CONFIG_SEARCH_PLACES,
    searchStrategy: 'project',
    loaders: { '.json': loadYamlOrJson, '.yaml': loadYamlOrJson, '.yml': loadYamlOrJson, noExt: loadYamlOrJson, '.js': loadScript, '.mjs': loadScript, '.cjs': loadScript },
  });
  let result: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  if (explicitFile) {
    const file = path.resolve(cwd, explicitFile);
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`config file not found: ${explicitFile}`);
    result = await explorer.load(file).catch(rethrowAsUsageError(file));
  } else {
    result = await explorer.search(cwd).catch(rethrowAsUsageError(cwd));
  }
  if (result && !result.isEmpty) {
    const text = /\.(js|mjs|cjs)$/.test(result.filepath) ? undefined : readFileSync(result.filepath, 'utf8');
    const validation = await import('./validate.js');
    const raw: unknown = result.config ?? {};
    const check: (config: unknown, file: string, text: string | undefined, pointerPrefix?: string) => asserts config is RawConfig = validation.validateConfig;
    // In package.json the config lives under "promote": errors point into that key.
    check(raw, path.basename(result.filepath), text, path.basename(result.filepath) === 'package.json' ? '/promote' : '');
    return { raw, file: result.filepath, text, baseDir: path.dirname(result.filepath) };
  }
  return { raw: {}, baseDir: findSeedRoot(cwd) ?? cwd };
}

/**
 * Zero-config: the repository root holding `kubernetes/overlays`, or `kubernetes/` itself, from
 * the working directory or any directory above it up to the git work tree's top.
 */
function findSeedRoot(cwd: string): string | undefined {
  for (let directory = cwd; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'kubernetes', 'overlays'))) return path.join(directory, 'kubernetes');
    if (existsSync(path.join(directory, 'overlays'))) return directory;
    if (existsSync(path.join(directory, '.git')) || path.dirname(directory) === directory) return undefined;
  }
}

async function loadYamlOrJson(filepath: string, content: string): Promise<unknown> {
  const fast = readPlainConfig(content);
  if (fast) return fast.value;
  const { parseDocument, LineCounter } = await import('yaml');
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new UsageError(`${path.basename(filepath)}:${line}:${col}: ${error.message.split('\n')[0]}`);
  }
  return document.toJS();
}

/**
 * A JS config is the user's code: when it throws (or does not parse) that is a usage error naming
 * the file and, where the stack tells, the line; not a bug of ours. Imported directly because
 * cosmiconfig's require() fallback replaces a syntax error by a confusing ESM loading error.
 */
async function loadScript(filepath: string): Promise<unknown> {
  const { pathToFileURL } = await import('node:url');
  try {
    const module = (await import(pathToFileURL(filepath).href)) as { default?: unknown };
    return module.default ?? module;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    const line = stack.split(`${path.basename(filepath)}:`)[1]?.match(/^\d+/)?.[0];
    throw new UsageError(`${path.basename(filepath)}${line ? `:${line}` : ''}: cannot load the config: ${message}`);
  }
}

function rethrowAsUsageError(where: string) {
  return (error: unknown): never => {
    if (error instanceof UsageError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`cannot load config (${where}): ${message}`);
  };
}
