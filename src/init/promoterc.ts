import { DEFAULT_WHITELIST } from '../config/defaults.js';
import type { RawConfig, RawWhitelistEntry } from '../config/types.js';
import type { DetectedEnvironment, DetectedLayout } from './layout.js';

/** Editors find the schema in the installed package; init's next step installs it there. */
export const SCHEMA_PATH = './node_modules/promote-lint/schemas/promoterc.schema.json';

/** The explicit config for a detected layout: the seed's defaults, written out so they can be read and changed. */
export function configFor(layout: DetectedLayout): RawConfig {
  const [source, ...targets] = layout.environments;
  const environments = layout.environments.map((environment) => ({
    name: environment.name,
    overlay: `overlays/${environment.directory}`,
    live: environment.live,
    ...(environment.manualSync ? { manualSync: true } : {}),
  }));
  return {
    $schema: SCHEMA_PATH,
    root: layout.root,
    environments,
    promotion: {
      configs: { from: source.name, to: targets.map((environment) => environment.name) },
      images: layout.environments.slice(1).map((environment, index): [string, string] => [layout.environments[index].name, environment.name]),
    },
    whitelist: DEFAULT_WHITELIST.map((entry) => withExpectations(entry, layout.environments)),
  };
}

/**
 * The defaults' expectations are written for `ci`, `staging` and `prod`; here they go to the
 * environments playing those parts: the source gets CI's, every live environment production's.
 */
function withExpectations(entry: RawWhitelistEntry, environments: DetectedEnvironment[]): RawWhitelistEntry {
  const { expect, ...rest } = entry;
  if (!expect) return { ...rest };
  const mapped: NonNullable<RawWhitelistEntry['expect']> = {};
  environments.forEach((environment, index) => {
    const part = environment.live ? 'prod' : index === 0 ? 'ci' : undefined;
    if (part !== undefined && part in expect) mapped[environment.name] = expect[part];
  });
  return Object.keys(mapped).length > 0 ? { ...rest, expect: mapped } : { ...rest };
}

/** JSON laid out like the project's own `.promoterc.json`: one environment or whitelist entry per line. */
export function renderConfig(config: RawConfig): string {
  return `${render(config, 0)}\n`;
}

function render(value: unknown, depth: number): string {
  if (depth >= 2 || value === null || typeof value !== 'object' || Object.keys(value).length === 0) return inline(value);
  const indent = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (Array.isArray(value)) return `[\n${value.map((item) => indent + render(item, depth + 1)).join(',\n')}\n${close}]`;
  const entries = Object.entries(value).map(([key, item]) => `${indent}${JSON.stringify(key)}: ${render(item, depth + 1)}`);
  return `{\n${entries.join(',\n')}\n${close}}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`);
    return entries.length > 0 ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}
