import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { UsageError } from '../errors.js';
import { locatePointer } from './pointer.js';
import type { RawConfig } from './types.js';

const SCHEMA_PATH = fileURLToPath(new URL('../../schemas/promoterc.schema.json', import.meta.url));
const VALIDATOR_PATH = fileURLToPath(new URL('../../schemas/promoterc.validate.cjs', import.meta.url));

interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The committed standalone validator (schemas/promoterc.validate.cjs), or, when the schema was
 * edited without `npm run generate`, ajv compiling the schema as it is now: never a stale answer.
 */
function loadValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const schemaText = readFileSync(SCHEMA_PATH, 'utf8');
  const generated = require(VALIDATOR_PATH) as ValidateFunction & { schemaText: string };
  if (generated.schemaText === schemaText) return generated;
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schemaText) as object);
}

/**
 * Validates a config object against the published schema. A failure is a UsageError (exit 2)
 * whose message names the file, the line, the property and what was expected.
 */
export function validateConfig(config: unknown, configFile: string, configText: string | undefined, pointerPrefix = ''): asserts config is RawConfig {
  const validate = loadValidator();
  if (validate(config)) return;
  const located = (validate.errors ?? []).map((error) => ({ line: lineOf(configText, pointerPrefix + pointerOf(error)), text: describe(error) }));
  // In file order, as a reader goes through the file fixing them. A JS config's data has no line.
  const lines = located.sort((left, right) => (left.line ?? 0) - (right.line ?? 0)).map(({ line, text }) => `${configFile}${line === undefined ? '' : `:${line}`}: ${text}`);
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

/** An unknown property is pointed at itself, not at the object that holds it. */
function pointerOf(error: ErrorObject): string {
  if (error.keyword !== 'additionalProperties') return error.instancePath;
  const property = String(error.params.additionalProperty).replaceAll('~', '~0').replaceAll('/', '~1');
  return `${error.instancePath}/${property}`;
}

function lineOf(configText: string | undefined, pointer: string): number | undefined {
  return configText === undefined ? undefined : locatePointer(configText, pointer).line;
}
