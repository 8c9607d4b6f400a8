import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers.js';
import { imageTree, kustomization } from './fixtures.js';

describe('promote-lint images (the table)', () => {
  it('shows every image in every environment, drift marked, and the command for each step', () => {
    const run = runCli(['images'], { cwd: copyExample() });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        'image                   ci                  staging             prod',
        'simplex-api             v1.43.0             v1.42.1 ≠           v1.42.1',
        'simplex-gateway         v0.18.3             v0.18.3             v0.18.3',
        'simplex-router-backend  v2.7.0              v2.6.4 ≠            v2.6.4',
        'simplex-cron            v1.9.2              v1.9.2              @sha256:0123456789ab… ≠',
        'front                   2025.06.12-a1b2c3d  2025.06.12-a1b2c3d  2025.06.12-a1b2c3d',
        '',
        '≠ differs from the environment it takes its images from (ci → staging → prod); — not in that overlay',
        'ci → staging: 2 images differ (simplex-api, simplex-router-backend) — promote-lint images --fix --from ci --to staging',
        'staging → prod: 1 image differs (simplex-cron) — promote-lint images --fix --from staging --to prod',
        '',
      ].join('\n'),
    );
  });

  it('--format json gives scripts each image per environment with file:line and its drift', () => {
    const report = JSON.parse(runCli(['images', '-f', 'json'], { cwd: copyExample() }).stdout);
    expect(report.environments).toEqual(['ci', 'staging', 'prod']);
    expect(report.promotion).toEqual([['ci', 'staging'], ['staging', 'prod']]);
    expect(report.summary).toEqual({ images: 5, drifting: 3 });
    const cron = report.images.find((image: { name: string }) => image.name === 'simplex-cron');
    expect(cron.environments.prod).toEqual({
      newName: '123456789012.dkr.ecr.us-east-1.amazonaws.com/simplex/simplex-cron',
      newTag: null,
      digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      file: 'overlays/aws-prod/kustomization.yaml',
      line: 42,
    });
    expect(cron.drift).toEqual([{ from: 'staging', to: 'prod', kind: 'changed' }]);
  });

  it('says when everything is in step; --image narrows the rows', () => {
    const same = kustomization('x', 'images:\n  - name: api\n    newTag: v1\n  - name: web\n    newTag: v1');
    const root = imageTree({ ci: same, staging: same, prod: same });
    const run = runCli(['images', '--image', 'web'], { cwd: root });
    expect(run.stdout).toContain('✔ every image is in step along ci → staging → prod');
    expect(run.stdout).toMatch(/^web +v1 +v1 +v1$/m);
    expect(run.stdout).not.toMatch(/^api /m);
  });

  it('a broken kustomization: file:line on stderr, exit 1; no kustomization anywhere: exit 2', () => {
    const root = imageTree({ ci: kustomization('ci', 'images:\n  - name: api\n    newTag: v1'), staging: 'images:\n  - name: api\n    newTag: v1\n  - name: api\n' });
    const run = runCli(['images'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('overlays/aws-staging/kustomization.yaml:4:5: images: "api" is listed twice\n');
    expect(runCli(['images'], { cwd: imageTree({}) })).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('no kustomization.yaml in any environment overlay') });
  });
});
