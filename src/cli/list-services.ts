import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliOptions } from './args.js';
import { writeOut, type CliIO } from './io.js';
import type { Workspace } from './workspace.js';

/** `promote-lint list-services`: each service, its category, and its files per environment. */
export function listServices(workspace: Workspace, options: CliOptions, io: CliIO): number {
  const { config, services } = workspace;
  const rows = services.map((service) => ({
    name: service.name,
    category: service.category ?? null,
    files: service.files.map((file) => ({
      id: file.id,
      environments: Object.fromEntries(
        config.environments.map((env) => {
          const absolute = file.pathByEnv.get(env.name);
          return [env.name, absolute && existsSync(absolute) ? path.relative(config.repoRoot, absolute).split(path.sep).join('/') : null];
        }),
      ),
    })),
  }));
  if (options.format === 'json') {
    writeOut(io, `${JSON.stringify({ services: rows }, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(`${row.name}${row.category ? `  (${row.category})` : ''}`);
    for (const file of row.files) {
      const presence = config.environments.map((env) => `${env.name}:${file.environments[env.name] ? 'yes' : 'no'}`).join(' ');
      lines.push(`  ${file.id}  ${presence}`);
    }
  }
  lines.push(`${rows.length} service${rows.length === 1 ? '' : 's'} in ${config.environments.length} environments`);
  writeOut(io, `${lines.join('\n')}\n`);
  return 0;
}
