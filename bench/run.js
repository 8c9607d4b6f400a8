// `npm run bench [-- --services N --keys K --runs R]`: generates the synthetic monorepo, measures
// the CLI against the floor (read + parseDocument every file) and a Python peer, prints a table.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ENVIRONMENTS, generateRepo, serviceName } from './generate.js';
import { cleanScratch, measure, rssMethod, runOnce } from './measure.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(PROJECT_ROOT, 'bin', 'promote-lint.js');
const FLOOR = path.join(PROJECT_ROOT, 'bench', 'floor.js');
const PEER = path.join(PROJECT_ROOT, 'bench', 'peer.py');

const { values: flags } = parseArgs({
  options: {
    services: { type: 'string', default: '500' },
    keys: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(PROJECT_ROOT, '.bench') },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) {
  process.stdout.write('npm run bench -- [--services 500] [--keys 200] [--runs 5] [--out .bench]\n');
  process.exit(0);
}
const services = Number(flags.services);
const keys = Number(flags.keys);
const runs = Number(flags.runs);
const outDir = path.resolve(flags.out);
const repo = path.join(outDir, `repo-${services}x${keys}`);

mkdirSync(outDir, { recursive: true });
const files = generateRepo(repo, { services, keys });
const megabytes = files.reduce((sum, file) => sum + file.bytes, 0) / 1e6;
const configFiles = files.filter((file) => file.relative.includes('/configs/')).length;
const hasGit = spawnSync('git', ['--version']).status === 0;
if (hasGit) commitAll(repo);

const help = runOnce('node', [BIN, '--help'], { cwd: PROJECT_ROOT }).stdout;
const python = findPython();
const results = [];
const record = (name, result, note = '') => {
  results.push({ name, ...result, note });
  process.stderr.write(`  ${name}: ${result ? `${result.ms.toFixed(0)} ms (CPU ${result.cpuMs.toFixed(0)} ms), ${result.rssMB.toFixed(0)} MB` : note}\n`);
  return result;
};

process.stderr.write(`bench: ${services} services × ${ENVIRONMENTS.length} environments × ~${keys} keys (${configFiles} config files, ${megabytes.toFixed(1)} MB) in ${path.relative(PROJECT_ROOT, repo)}, median of ${runs} runs\n`);
const nodeStart = record('node -e "" (start-up)', measure('node', ['-e', ''], { runs }));
record('promote-lint --version', measure('node', [BIN, '--version'], { runs }));
const smallReport = path.join(outDir, 'small.json');
record('small repo: the bundled example (9 files)', measure('node', [BIN, '--format', 'json', '--output', smallReport], { runs, cwd: PROJECT_ROOT, okStatus: [0, 1] }));
const floor = record('floor: read + yaml parseDocument, every file', measure('node', [FLOOR, repo], { runs }));
const peer = python
  ? record(`python peer: PyYAML CSafeLoader flatten + compare (${python.version})`, measure(python.command, [PEER, repo], { runs }))
  : record('python peer', undefined, 'skipped (no PyYAML with libyaml)');
const fullReport = path.join(outDir, 'full.json');
const full = record('full check: promote-lint --format json -o FILE', measure('node', [BIN, '--format', 'json', '--output', fullReport], { runs, cwd: repo, okStatus: [0, 1] }));
const staged = measureStaged();
const fix = measureFix();
cleanScratch();

const ratio = (numerator, denominator, key = 'ms') => (numerator && denominator ? numerator[key] / denominator[key] : undefined);
const targets = [
  ['full check / floor', ratio(full, floor), 1.0, ratio(full, floor, 'cpuMs')],
  ['full check / python peer', ratio(full, peer), 0.7, ratio(full, peer, 'cpuMs')],
  ['staged one service / node start-up', ratio(staged, nodeStart), 3.0, ratio(staged, nodeStart, 'cpuMs')],
  ['--fix / floor', ratio(fix, floor), 2.0, ratio(fix, floor, 'cpuMs')],
  ['peak RSS of the full check (MB)', full.rssMB, 400],
  ['peak RSS of --fix (MB)', fix?.rssMB, 400],
];
const table = renderTable();
process.stdout.write(`${table}\n`);
writeFileSync(path.join(outDir, 'results.md'), `${table}\n`);

function renderTable() {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    `${services} services × ${ENVIRONMENTS.length} environments × ~${keys} keys: ${configFiles} config files, ${megabytes.toFixed(1)} MB. ` +
      `Median of ${runs} runs (after one warm-up), peak RSS by ${rssMethod}.`,
    `Machine: ${os.availableParallelism()} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    '',
    '| measurement | wall ms | CPU ms | peak RSS MB | note |',
    '|---|---:|---:|---:|---|',
  ];
  const number = (value) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(0));
  for (const row of results) lines.push(`| ${row.name} | ${number(row.ms)} | ${number(row.cpuMs)} | ${number(row.rssMB)} | ${row.note} |`);
  lines.push('', '| target (ratios of wall time) | measured | limit | holds | same ratio in CPU time |', '|---|---:|---:|---|---:|');
  for (const [name, value, limit, cpuRatio] of targets) {
    const isRss = name.includes('RSS');
    const measured = value === undefined ? 'not measured' : isRss ? value.toFixed(0) : `${value.toFixed(2)}×`;
    const holds = value === undefined ? '–' : value <= limit ? 'yes' : `no (${(value / limit).toFixed(2)}× the limit)`;
    lines.push(`| ${name} | ${measured} | ${isRss ? limit : `${limit.toFixed(1)}×`} | ${holds} | ${cpuRatio === undefined ? '' : `${cpuRatio.toFixed(2)}×`} |`);
  }
  return lines.join('\n');
}

function measureStaged() {
  if (!/^\s+--staged\s/m.test(help)) return record('--staged, one staged service', undefined, 'skipped (this build has no --staged)');
  if (!hasGit) return record('--staged, one staged service', undefined, 'skipped (no git)');
  // A business change to one service in CI, staged the way a developer would before committing.
  const file = path.join(repo, 'kubernetes', ENVIRONMENTS[0].overlay, 'configs', serviceName(7), 'config.yaml');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('  writeTimeout: 60s', '  writeTimeout: 90s'));
  git(repo, 'add', file);
  try {
    return record('--staged, one staged service (lint-staged passes its file)', measure('node', [BIN, '--staged', file], { runs, cwd: repo, okStatus: [0, 1] }));
  } finally {
    git(repo, 'reset', '-q', '--hard');
  }
}

function measureFix() {
  if (!/^\s+--fix\s/m.test(help)) return record('--fix on a fresh copy', undefined, 'skipped (this build has no --fix)');
  const copies = mkdtempSync(path.join(os.tmpdir(), 'promote-lint-fix-'));
  let count = 0;
  try {
    const fresh = () => {
      const copy = path.join(copies, String(count++));
      cpSync(repo, copy, { recursive: true, filter: (source) => path.basename(source) !== '.git' });
      return copy;
    };
    return record('--fix on a fresh copy', measure('node', [BIN, '--fix'], { runs, before: fresh, cwd: (copy) => copy, okStatus: [0, 1] }));
  } finally {
    rmSync(copies, { recursive: true, force: true });
  }
}

function commitAll(directory) {
  git(directory, 'init', '-q');
  git(directory, 'add', '-A');
  git(directory, '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '--no-verify', '-m', 'synthetic monorepo');
}

function git(directory, ...args) {
  const result = spawnSync('git', args, { cwd: directory, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A Python whose PyYAML has the libyaml C loader: the one on PATH, else Debian's. */
function findPython() {
  for (const command of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(command, ['-c', 'import sys, yaml; yaml.CSafeLoader; print(sys.version.split()[0], yaml.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) {
      const [pythonVersion, yamlVersion] = probe.stdout.trim().split(' ');
      return { command, version: `Python ${pythonVersion}, PyYAML ${yamlVersion}` };
    }
  }
  return undefined;
}
