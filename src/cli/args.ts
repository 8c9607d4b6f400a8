import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export const COMMANDS = ['lint', 'list-services', 'images', 'plan', 'init'] as const;
export type Command = (typeof COMMANDS)[number];

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CliOptions {
  command: Command;
  files: string[];
  config?: string;
  cwd?: string;
  services: string[];
  /** read the git index and guard whitelisted values of live environments against HEAD */
  staged: boolean;
  /** lint: guard whitelisted values against this REF instead (HEAD's tree is linted); plan: the ref overlays are compared with */
  base?: string;
  /** key patterns whose change is deliberate */
  allow: string[];
  from?: string;
  to?: string[];
  diffOnly: boolean;
  showExpected: boolean;
  format: FormatName;
  output?: string;
  maxWarnings: number;
  quiet: boolean;
  noColor: boolean;
  debug: boolean;
  /** init: replace files that already exist */
  force: boolean;
  help: boolean;
  version: boolean;
  /** `--fix`: promote the source's business keys (lint) or image tags (`images`) into the targets */
  fix: boolean;
  dryRun: boolean;
  /** `--fix --prune`: also remove non-whitelisted keys only a target has */
  prune: boolean;
  /** `images --image NAME`: only these images */
  images: string[];
}

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  cwd: { type: 'string' },
  service: { type: 'string', short: 's', multiple: true },
  staged: { type: 'boolean' },
  base: { type: 'string' },
  allow: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  'diff-only': { type: 'boolean' },
  'show-expected': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  debug: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  fix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  prune: { type: 'boolean' },
  image: { type: 'string', multiple: true },
} as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\s*\n\s*/g, ' ')} (see promote-lint --help)`);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const isCommand = (COMMANDS as readonly string[]).includes(first ?? '');
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected one of ${FORMATS.join(', ')})`);
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings expects a whole number, got "${values['max-warnings']}"`);
  }
  const command: Command = isCommand ? (first as Command) : 'lint';
  checkGuardFlags(command, values);
  checkFixFlags(command, values);
  return {
    command,
    files: isCommand ? rest : positionals,
    config: values.config,
    cwd: values.cwd,
    services: values.service ?? [],
    staged: values.staged ?? false,
    base: values.base,
    allow: values.allow ?? [],
    from: values.from,
    to: values.to?.split(',').map((name) => name.trim()).filter(Boolean),
    diffOnly: values['diff-only'] ?? false,
    showExpected: values['show-expected'] ?? false,
    format: format as FormatName,
    output: values.output,
    maxWarnings,
    quiet: values.quiet ?? false,
    noColor: values['no-color'] ?? false,
    debug: values.debug ?? false,
    force: values.force ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    fix: values.fix ?? false,
    dryRun: values['dry-run'] ?? false,
    prune: values.prune ?? false,
    images: values.image ?? [],
  };
}

/** --staged / --base / --allow guard a lint run (`plan --base REF` has a meaning of its own). */
function checkGuardFlags(command: Command, values: { staged?: boolean; base?: string; allow?: string[] }): void {
  if (values.staged && command !== 'lint') throw new UsageError(`--staged applies to linting, not to \`${command}\``);
  if (values.staged && values.base !== undefined) throw new UsageError('--staged and --base exclude each other: --staged guards the index against HEAD, --base guards HEAD against REF');
  if (values.allow && (command !== 'lint' || (!values.staged && values.base === undefined))) {
    throw new UsageError('--allow only applies with --staged or --base (it permits a change of a whitelisted value)');
  }
}

/** `--fix` of the lint command writes the working tree: --dry-run and --prune qualify it, the git modes do not mix with it. */
function checkFixFlags(command: Command, values: { fix?: boolean; 'dry-run'?: boolean; prune?: boolean; staged?: boolean; base?: string }): void {
  if (values.prune && command !== 'lint') throw new UsageError(`--prune applies to --fix of the configs, not to \`${command}\``);
  if (command !== 'lint') return;
  if ((values['dry-run'] || values.prune) && !values.fix) throw new UsageError(`--${values['dry-run'] ? 'dry-run' : 'prune'} only works with --fix`);
  if (values.fix && (values.staged || values.base !== undefined)) throw new UsageError(`--fix edits the working tree; it does not combine with --${values.staged ? 'staged' : 'base'}`);
}

export const HELP = `Usage: promote-lint [files...] [options]
       promote-lint list-services
       promote-lint images [--fix [--dry-run] --from ENV --to ENV] [--image NAME...]
       promote-lint plan [--to ENV[,ENV]] [--base REF]
       promote-lint init [--force]

Lint configuration drift between kustomize overlays (CI → staging, prod).

Options:
  -c, --config PATH        explicit config file (default: search for .promoterc*)
      --cwd DIR            run as if started in DIR
  -s, --service NAME       only these services (repeatable; name or directory)
      --staged             lint the git index; a change of a whitelisted value in a live
                           environment (against HEAD) is an error
      --base REF           lint HEAD; guard whitelisted values against REF (CI on a pull request)
      --allow KEY          permit a deliberate change of a whitelisted key (repeatable, patterns
                           allowed; also PROMOTE_LINT_ALLOW=KEY,KEY)
      --from ENV           source environment (default: promotion.configs.from)
      --to ENV[,ENV]       target environments (default: promotion.configs.to)
      --diff-only          the key × environment matrix of differing keys
      --show-expected      include whitelisted (expected) differences, masked
      --fix                promote the source's business keys into the targets (writes files)
      --dry-run            with --fix: print a unified diff per file, write nothing
      --prune              with --fix: also remove non-whitelisted keys only a target has
  -f, --format NAME        ${FORMATS.join(' | ')}
  -o, --output FILE        write the report to FILE
      --max-warnings N     exit 1 when there are more than N warnings
  -q, --quiet              report errors only
      --no-color           no colours (NO_COLOR and FORCE_COLOR are honoured)
      --debug              print stack traces of internal errors
  -h, --help, -v, --version

Images (the kustomization images: of each overlay, along promotion.images):
  images                   the image × environment table, drift marked (-f json for scripts)
  images --fix             set the --to environment's tags/digests from --from (one step of
                           the image path; prod takes its tags from staging only)
      --dry-run            print the unified diff, write nothing
      --image NAME         only these images (repeatable)

Deploy plan (printed, never run):
  plan                     argocd app get/diff/sync for the environments whose overlays differ
                           from the upstream branch (or HEAD); a manual-sync sync line is
                           commented out and marked MANUAL
      --to ENV[,ENV]       plan these environments instead
      --base REF           compare the overlays with REF instead of the upstream branch

Set up a GitOps repository (run at its root):
  init                     write .promoterc.json for the overlays found, .husky/pre-commit
                           (npx lint-staged), .lintstagedrc.json (promote-lint --staged) and
                           "prepare": "husky"; prints what it did and the next command
      --force              replace those files where they exist (never .gitignore)

Exit codes: 0 clean, 1 lint errors or too many warnings (or errors --fix could not fix),
2 usage or configuration error.
`;
