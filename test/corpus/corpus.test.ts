import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli, tempDir, type CliRun } from '../helpers.js';
import type { JsonReport } from '../cli/fixture.js';

/**
 * Two real GitOps repositories (../shared/corpus beside the clone; a worktree may sit deeper, so
 * every ancestor is tried). Their absence is a failure, never a skip: these tests are the proof
 * that real files with hundreds of anchors, streams and JSON patches read without a false error.
 */
function findCorpus(): string {
  const fromEnv = process.env.PROMOTE_LINT_CORPUS;
  if (fromEnv) return path.resolve(fromEnv);
  for (let directory = PROJECT_ROOT; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'shared', 'corpus');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) break;
  }
  throw new Error(`corpus not found: no shared/corpus/ beside ${PROJECT_ROOT} or any parent (set PROMOTE_LINT_CORPUS)`);
}

const CONFIG_FILE = /\.(ya?ml|json)$/i;

function configFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && CONFIG_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The fixture config, its `root` (relative to the corpus directory) made absolute, in a temp dir. */
function corpusConfig(fixture: string, corpus: string): { cwd: string; root: string } {
  const config = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/corpus', fixture), 'utf8')) as { root: string };
  const root = path.join(corpus, config.root);
  const cwd = tempDir('promote-lint-corpus-');
  writeFileSync(path.join(cwd, '.promoterc.json'), JSON.stringify({ ...config, root }, null, 2));
  return { cwd, root };
}

describe.each([
  { repo: 'cds-snc__notification-manifests', fixture: 'cds-snc.promoterc.json', services: 10, environments: 4 },
  { repo: 'redhat-appstudio__infra-deployments', fixture: 'redhat-appstudio.promoterc.json', services: 8, environments: 3 },
])('the $repo corpus', ({ repo, fixture, services, environments }) => {
  const corpus = findCorpus();
  const { cwd, root } = corpusConfig(fixture, corpus);
  const expectedFiles = configFilesUnder(path.join(corpus, repo));
  let jsonRun: CliRun;
  let stylishRun: CliRun;
  beforeAll(() => {
    jsonRun = runCli(['--format', 'json'], { cwd });
    stylishRun = runCli([], { cwd });
  });

  it('is there, with real files in it', () => {
    expect(existsSync(root)).toBe(true);
    expect(expectedFiles.length).toBeGreaterThan(100);
  });

  it('reads every YAML/JSON file without a crash or a false parse error', () => {
    expect(jsonRun.stderr).toBe('');
    expect([0, 1]).toContain(jsonRun.exitCode);
    const report = JSON.parse(jsonRun.stdout) as JsonReport;
    expect(report.findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(finding.file).not.toBe('');
      // only a file absent from an environment has no line to point at
      expect(finding.line).toBeGreaterThanOrEqual(finding.message.includes(' exists in ') ? 0 : 1);
    }
  });

  it('says it checked every one of those files', () => {
    expect(stylishRun.exitCode).toBe(jsonRun.exitCode);
    expect(stylishRun.stdout).toContain(`checked ${services} services × ${environments} environments (${expectedFiles.length} files)`);
  });

  it('matches real keys with its whitelist (no entry unused)', () => {
    const report = JSON.parse(jsonRun.stdout) as JsonReport;
    expect(report.findings.filter((finding) => finding.ruleId === 'unused-whitelist')).toEqual([]);
    expect(report.summary.expected).toBeGreaterThan(0);
  });
});
