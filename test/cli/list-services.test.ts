import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { cliFixture } from './fixture.js';

describe('promote-lint list-services', () => {
  it('lists each service, its category and where its files are, as text', () => {
    const run = runCli(['list-services'], { cwd: cliFixture() });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        'simplex-api  (Backend)',
        '  configs/simplex-api/config.yaml  ci:yes staging:yes prod:yes',
        'simplex-gateway  (Backend)',
        '  configs/gateway/config.yaml  ci:yes staging:yes prod:yes',
        '2 services in 3 environments',
        '',
      ].join('\n'),
    );
  });

  it('marks a file an environment lacks', () => {
    const cwd = cliFixture({ 'kubernetes/overlays/aws-ci/configs/gateway/extra.yaml': 'a: 1\n', '.promoterc.json': JSON.stringify({ root: 'kubernetes', whitelist: [] }) });
    const run = runCli(['list-services'], { cwd });
    expect(run.stdout).toContain('gateway\n  config.yaml  ci:yes staging:yes prod:yes\n  extra.yaml  ci:yes staging:no prod:no\n');
  });

  it('prints JSON with each environment’s file relative to the repository, null where absent', () => {
    const cwd = cliFixture({ 'kubernetes/overlays/aws-ci/configs/gateway/extra.yaml': 'a: 1\n', '.promoterc.json': JSON.stringify({ root: 'kubernetes', whitelist: [] }) });
    const run = runCli(['list-services', '--format', 'json'], { cwd });
    expect(run.exitCode).toBe(0);
    const { services } = JSON.parse(run.stdout);
    expect(services.map((service: { name: string }) => service.name)).toEqual(['gateway', 'simplex-api']);
    expect(services[0]).toEqual({
      name: 'gateway',
      category: null,
      files: [
        {
          id: 'config.yaml',
          environments: {
            ci: 'kubernetes/overlays/aws-ci/configs/gateway/config.yaml',
            staging: 'kubernetes/overlays/aws-staging/configs/gateway/config.yaml',
            prod: 'kubernetes/overlays/aws-prod/configs/gateway/config.yaml',
          },
        },
        { id: 'extra.yaml', environments: { ci: 'kubernetes/overlays/aws-ci/configs/gateway/extra.yaml', staging: null, prod: null } },
      ],
    });
  });
});
