import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { UsageError } from '../errors.js';
import { locatePointer } from './pointer.js';
import type { RawConfig } from './types.js';

const SCHEMA_PATH = fileURLToPath(new URL('../../schemas/promoterc.schema.json', import.meta.url));

/**
 * Validates a config object against the published schema. A failure is a UsageError (exit 2)
 * whose message names the file, the line, the property and what was expected.
 */
export function validateConfig(config: unknown, configFile: string, configText: string | undefined, pointerPrefix = ''): asserts config is RawConfig {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (validate(config)) return;
  const lines = (validate.errors ?? []).map((error) => `${configFile}${lineOf(configText, pointerPrefix + pointerOf(error))}: ${describe(error)}`);
  throw new UsageError(`invalid configuration:\n  ${[...new Set(lines)].join('\n  ')}`);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the config' : `"${error.instancePath.slice(1).replaceAll('/', '.')}"`;
  if (error.keyword === 'additionalProperties') {
    return `${where} has unknown property "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  if (error.keyword === 'required') return `${where} is missing required property "${String(error.params.missingProperty)}"`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** An unknown property is located at its own key, not at the object that holds it. */
function pointerOf(error: ErrorObject): string {
  if (error.keyword !== 'additionalProperties') return error.instancePath;
  const property = String(error.params.additionalProperty).replaceAll('~', '~0').replaceAll('/', '~1');
  return `${error.instancePath}/${property}`;
}

/** `:line` in a JSON or YAML config; nothing for a JS config, whose data has no line. */
function lineOf(configText: string | undefined, pointer: string): string {
  return configText === undefined ? '' : `:${locatePointer(configText, pointer).line}`;
}
