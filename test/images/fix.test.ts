import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, PROJECT_ROOT, runCli } from '../helpers.js';
import { imageTree, kustomization } from './fixtures.js';

const overlayFile = (root: string, env: string) => path.join(root, 'kubernetes', 'overlays', `aws-${env}`, 'kustomization.yaml');
const read = (file: string) => readFileSync(file, 'utf8');

/** The file with exactly these 1-based lines replaced: what a minimal edit must produce. */
function withLines(text: string, replacements: Record<number, string>): string {
  const lines = text.split('\n');
  for (const [line, content] of Object.entries(replacements)) lines[Number(line) - 1] = content;
  return lines.join('\n');
}

function snapshotOverlays(root: string): Record<string, string> {
  return Object.fromEntries(['ci', 'staging', 'prod'].map((env) => [env, read(overlayFile(root, env))]));
}

describe('promote-lint images --fix on the bundled example', () => {
  it('ci → staging changes only the two tag lines of staging, byte for byte', () => {
    const root = copyExample();
    const before = snapshotOverlays(root);
    const run = runCli(['images', '--fix', '--from', 'ci', '--to', 'staging'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(read(overlayFile(root, 'staging'))).toBe(withLines(before.staging, { 32: '    newTag: v1.43.0', 38: '    newTag: v2.7.0' }));
    expect(read(overlayFile(root, 'ci'))).toBe(before.ci);
    expect(read(overlayFile(root, 'prod'))).toBe(before.prod);
    expect(run.stdout).toContain('simplex-api             tag v1.42.1 → tag v1.43.0  (line 32)');
    expect(run.stdout).toContain('argocd app sync simplex-aws-staging');
  });

  it('staging → prod replaces the digest line by a tag line at the same place, keeping indentation and comment', () => {
    const root = copyExample();
    const before = snapshotOverlays(root);
    const run = runCli(['images', '--fix', '--from', 'staging', '--to', 'prod'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(read(overlayFile(root, 'prod'))).toBe(withLines(before.prod, { 42: '    newTag: v1.9.2  # v1.9.1, pinned during the cron incident freeze' }));
    expect(run.stdout).toContain('# MANUAL — run only on an explicit request: argocd app sync simplex-aws-prod');
    expect(run.stdout).not.toMatch(/^argocd app sync simplex-aws-prod/m);
  });

  it('refuses ci → prod with exit 2 and writes nothing: prod takes its tags from staging only', () => {
    const root = copyExample();
    const before = snapshotOverlays(root);
    const run = runCli(['images', '--fix', '--from', 'ci', '--to', 'prod'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'promote-lint: refused: ci → prod is not a step of the image path (ci → staging → prod); prod takes its images from staging only. To allow it, add ["ci", "prod"] to promotion.images\n',
    );
    expect(snapshotOverlays(root)).toEqual(before);
  });

  it('allows ci → prod when the config lists that step', () => {
    const root = copyExample();
    const config = JSON.parse(read(path.join(PROJECT_ROOT, '.promoterc.json')));
    config.root = 'kubernetes';
    delete config.$schema;
    config.promotion.images.push(['ci', 'prod']);
    writeFileSync(path.join(root, '.promoterc.json'), JSON.stringify(config));
    const run = runCli(['images', '--fix', '--from', 'ci', '--to', 'prod'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(read(overlayFile(root, 'prod'))).toContain('    newTag: v1.43.0\n');
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const root = copyExample();
    const before = snapshotOverlays(root);
    const stagingDir = path.dirname(overlayFile(root, 'staging'));
    const entriesBefore = readdirSync(stagingDir);
    const run = runCli(['images', '--fix', '--dry-run', '--from', 'ci', '--to', 'staging'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(snapshotOverlays(root)).toEqual(before);
    expect(readdirSync(stagingDir)).toEqual(entriesBefore);
    expect(run.stdout).toContain(
      [
        '--- a/overlays/aws-staging/kustomization.yaml',
        '+++ b/overlays/aws-staging/kustomization.yaml',
        '@@ -29,13 +29,13 @@',
        ' images:',
        '   - name: simplex-api',
        '     newName: 123456789012.dkr.ecr.us-east-1.amazonaws.com/simplex/simplex-api',
        '-    newTag: v1.42.1',
        '+    newTag: v1.43.0',
      ].join('\n'),
    );
    expect(run.stdout).toContain('dry run: nothing written');
  });

  it('--image limits the promotion to the named images; a second run changes nothing', () => {
    const root = copyExample();
    const before = read(overlayFile(root, 'staging'));
    expect(runCli(['images', '--fix', '--from', 'ci', '--to', 'staging', '--image', 'simplex-api'], { cwd: root }).exitCode).toBe(0);
    expect(read(overlayFile(root, 'staging'))).toBe(withLines(before, { 32: '    newTag: v1.43.0' }));
    const again = runCli(['images', '--fix', '--from', 'ci', '--to', 'staging', '--image', 'simplex-api'], { cwd: root });
    expect(again.stdout).toContain('staging already has ci\'s tags for these images; nothing written');
    expect(read(overlayFile(root, 'staging'))).toBe(withLines(before, { 32: '    newTag: v1.43.0' }));
  });

  it('an unknown --image, or --fix without a step when the path has two, is a usage error (exit 2)', () => {
    const root = copyExample();
    expect(runCli(['images', '--fix', '--to', 'staging', '--image', 'nope'], { cwd: root })).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('unknown image "nope"') });
    expect(runCli(['images', '--fix'], { cwd: root })).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('--from ci --to staging, --from staging --to prod') });
    expect(runCli(['images', '--fix', '--to', 'qa'], { cwd: root })).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('unknown environment "qa"') });
  });

  it('--to alone picks the one step that leads there; json reports the changes', () => {
    const root = copyExample();
    const run = runCli(['images', '--fix', '--to', 'prod', '-f', 'json'], { cwd: root });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ from: 'staging', to: 'prod', dryRun: false, written: true });
    expect(report.changes).toEqual([{ image: 'simplex-cron', field: 'digest', before: `sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef`, line: 42 }, { image: 'simplex-cron', field: 'newTag', after: 'v1.9.2', line: 42 }]);
  });
});

describe('images --fix edits only what it must', () => {
  const entry = (fields: string) => `images:\n  - name: api\n    newName: registry.example.com/api\n${fields}`;

  it('keeps the target quoting style and quotes a tag that would read back as a number', () => {
    const root = imageTree({
      ci: kustomization('ci', entry('    newTag: "1.10"\n  - name: web\n    newTag: v2')),
      staging: kustomization('staging', entry("    newTag: '1.9' # keep me\n  - name: web\n    newTag: \"v1\"")),
    });
    runCli(['images', '--fix', '--to', 'staging'], { cwd: root });
    expect(read(overlayFile(root, 'staging'))).toBe(kustomization('staging', entry("    newTag: '1.10' # keep me\n  - name: web\n    newTag: \"v2\"")));
    const plain = imageTree({ ci: kustomization('ci', entry('    newTag: "1.10"')), staging: kustomization('staging', entry('    newTag: v1')) });
    runCli(['images', '--fix', '--to', 'staging'], { cwd: plain });
    expect(read(overlayFile(plain, 'staging'))).toBe(kustomization('staging', entry('    newTag: "1.10"')));
  });

  it('adds a missing tag line after the entry and removes a tag the source does not pin', () => {
    const root = imageTree({
      ci: kustomization('ci', `${entry('    newTag: v2')}\n  - name: web`),
      staging: kustomization('staging', `${entry('')}  - name: web\n    newTag: v1   # old`),
    });
    expect(runCli(['images', '--fix', '--to', 'staging'], { cwd: root }).exitCode).toBe(0);
    expect(read(overlayFile(root, 'staging'))).toBe(kustomization('staging', `${entry('    newTag: v2\n')}  - name: web`));
  });

  it('keeps CRLF line endings and the file mode', () => {
    const crlf = (text: string) => text.replaceAll('\n', '\r\n');
    const root = imageTree({ ci: crlf(kustomization('ci', entry('    digest: sha256:aaaa'))), staging: crlf(kustomization('staging', entry(''))) });
    chmodSync(overlayFile(root, 'staging'), 0o640);
    expect(runCli(['images', '--fix', '--to', 'staging'], { cwd: root }).exitCode).toBe(0);
    expect(read(overlayFile(root, 'staging'))).toBe(crlf(kustomization('staging', entry('    digest: sha256:aaaa\n'))));
    expect(statSync(overlayFile(root, 'staging')).mode & 0o777).toBe(0o640);
  });

  it('skips, with the reason, an image it cannot edit safely: not in the target, an alias, a flow mapping', () => {
    const root = imageTree({
      ci: kustomization('ci', 'images:\n  - name: api\n    newTag: v2\n  - name: web\n    newTag: v2\n  - name: job\n    newTag: v2\n  - name: new\n    newTag: v1'),
      staging: kustomization('staging', 'images:\n  - name: api\n    newTag: &t v1\n  - name: web\n    newTag: *t\n  - {name: job}'),
    });
    const before = read(overlayFile(root, 'staging'));
    const run = runCli(['images', '--fix', '--to', 'staging'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('skipped api: its tag carries an anchor or a tag; edit it by hand');
    expect(run.stdout).toContain('skipped web: its entry comes through an alias or merge key; edit it by hand');
    expect(run.stdout).toContain('skipped job: its entry is a flow mapping { … }; edit it by hand');
    expect(run.stdout).toContain('skipped new: not in staging');
    expect(read(overlayFile(root, 'staging'))).toBe(before);
  });

  it('replaces a value inside a flow mapping in place', () => {
    const root = imageTree({ ci: kustomization('ci', 'images:\n  - {name: api, newTag: v2}'), staging: kustomization('staging', 'images:\n  - { name: api, newTag: v1 }  # flow') });
    runCli(['images', '--fix', '--to', 'staging'], { cwd: root });
    expect(read(overlayFile(root, 'staging'))).toBe(kustomization('staging', 'images:\n  - { name: api, newTag: v2 }  # flow'));
  });

  it('a target kustomization with a syntax error: file:line, exit 1, nothing written', () => {
    const root = imageTree({ ci: kustomization('ci', entry('    newTag: v2')), staging: 'images:\n  - name: api\n    newTag: [v1\n' });
    const before = read(overlayFile(root, 'staging'));
    const run = runCli(['images', '--fix', '--to', 'staging'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^promote-lint: overlays\/aws-staging\/kustomization\.yaml:\d+:\d+: .+; nothing written\n$/);
    expect(read(overlayFile(root, 'staging'))).toBe(before);
  });
});
