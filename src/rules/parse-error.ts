import type { Rule } from './types.js';

/**
 * A file that could not be read as YAML/JSON: a syntax error, a duplicate key, an alias bomb, a
 * link out of the root. Such a file is left out of every comparison and never written by --fix.
 */
export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    description: 'A file that is not valid YAML/JSON, has duplicate keys, or exceeds alias limits',
    help: 'Fix the file at the reported line; until then promote-lint compares and fixes nothing in it.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    const reported = new Set<string>();
    for (const file of context.files) {
      for (const envFile of file.byEnv.values()) {
        if (reported.has(envFile.absolutePath)) continue;
        reported.add(envFile.absolutePath);
        for (const problem of envFile.problems) {
          context.report({
            service: file.service.name,
            env: envFile.env.name,
            key: '',
            place: { envFile, offset: problem.offset },
            message: problem.message,
          });
        }
      }
    }
    // A broken kustomization hides its image list from image-drift: that must not pass silently.
    for (const overlay of context.images ?? []) {
      const envFile = overlay.file;
      if (!envFile || reported.has(envFile.absolutePath)) continue;
      reported.add(envFile.absolutePath);
      for (const problem of envFile.problems) {
        context.report({ service: '', env: overlay.env.name, key: '', place: { envFile, offset: problem.offset }, message: problem.message });
      }
    }
  },
};
