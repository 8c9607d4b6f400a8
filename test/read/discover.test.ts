import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, selectServices, servicesForFiles } from '../../src/cli/workspace.js';
import type { Service } from '../../src/read/discover.js';
import { tempDir, writeTree } from '../helpers.js';
import { lintRoot, seedConfig } from '../support/lintTree.js';

async function workspaceOf(files: Record<string, string>, config?: Record<string, unknown>) {
  const root = writeTree(tempDir(), files);
  if (config) writeFileSync(path.join(root, '.promoterc.json'), JSON.stringify(config));
  return { root, workspace: await openWorkspace(undefined, root, undefined) };
}

/** service → file id → the environments whose copy is located (relative to the temp root). */
function layout(services: Service[], root: string) {
  return Object.fromEntries(
    services.map((service) => [
      service.name,
      Object.fromEntries(service.files.map((file) => [file.id, Object.fromEntries([...file.pathByEnv].map(([env, absolute]) => [env, absolute && path.relative(root, absolute)]))])),
    ]),
  );
}

describe('discoverServices: directories under <overlay>/configs/', () => {
  it('finds every service directory of any environment, with every YAML/JSON file in it', async () => {
    const { root, workspace } = await workspaceOf({
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
      'kubernetes/overlays/aws-ci/configs/api/nested/extra.yml': 'b: 1\n',
      'kubernetes/overlays/aws-ci/configs/api/README.md': '# not config\n',
      'kubernetes/overlays/aws-ci/configs/api/.env': 'SECRET=1\n',
      'kubernetes/overlays/aws-staging/configs/api/config.yaml': 'a: 1\n',
      'kubernetes/overlays/aws-prod/configs/api/config.yaml': 'a: 1\n',
      'kubernetes/overlays/aws-prod/configs/worker/settings.json': '{"x": 1}',
    });
    expect(workspace.services.map((service) => service.name)).toEqual(['api', 'worker']);
    expect(layout(workspace.services, root)).toEqual({
      api: {
        'config.yaml': {
          ci: 'kubernetes/overlays/aws-ci/configs/api/config.yaml',
          staging: 'kubernetes/overlays/aws-staging/configs/api/config.yaml',
          prod: 'kubernetes/overlays/aws-prod/configs/api/config.yaml',
        },
        'nested/extra.yml': {
          ci: 'kubernetes/overlays/aws-ci/configs/api/nested/extra.yml',
          staging: 'kubernetes/overlays/aws-staging/configs/api/nested/extra.yml',
          prod: 'kubernetes/overlays/aws-prod/configs/api/nested/extra.yml',
        },
      },
      worker: {
        'settings.json': {
          ci: 'kubernetes/overlays/aws-ci/configs/worker/settings.json',
          staging: 'kubernetes/overlays/aws-staging/configs/worker/settings.json',
          prod: 'kubernetes/overlays/aws-prod/configs/worker/settings.json',
        },
      },
    });
    expect(workspace.services[0].aliases).toEqual(['api']);
  });
});

describe('discoverServices: configured services', () => {
  it('resolves plain paths against each overlay, and names the directory as an alias', async () => {
    const { root, workspace } = await workspaceOf(
      {
        'kubernetes/overlays/aws-ci/configs/gateway/config.yaml': 'a: 1\n',
        'kubernetes/overlays/aws-prod/configs/gateway/config.yaml': 'a: 1\n',
      },
      seedConfig({ services: { 'simplex-gateway': { files: ['configs/gateway/config.yaml'], category: 'Backend' } } }),
    );
    const [service] = workspace.services;
    expect(service).toMatchObject({ name: 'simplex-gateway', category: 'Backend', aliases: ['gateway'] });
    expect(layout(workspace.services, root)['simplex-gateway']['configs/gateway/config.yaml']).toEqual({
      ci: 'kubernetes/overlays/aws-ci/configs/gateway/config.yaml',
      staging: 'kubernetes/overlays/aws-staging/configs/gateway/config.yaml',
      prod: 'kubernetes/overlays/aws-prod/configs/gateway/config.yaml',
    });
  });

  it('resolves {env} templates against the root, for Helm-style values-{env}.yaml without overlays', async () => {
    const { root, workspace } = await workspaceOf(
      { 'charts/api/values-dev.yaml': 'a: 1\n', 'charts/api/values-prod.yaml': 'a: 2\n' },
      {
        root: 'charts',
        environments: [
          { name: 'dev', live: false },
          { name: 'prod', live: true },
        ],
        services: { api: { files: ['api/values-{env}.yaml'] } },
        whitelist: [],
      },
    );
    expect(layout(workspace.services, root)).toEqual({
      api: { 'api/values-{env}.yaml': { dev: 'charts/api/values-dev.yaml', prod: 'charts/api/values-prod.yaml' } },
    });
    expect(workspace.services[0].aliases).toEqual(['api']);
  });

  it('expands globs in every environment and pairs the copies by their id', async () => {
    const { root, workspace } = await workspaceOf(
      {
        'components/mintmaker/development/kustomization.yaml': 'a: 1\n',
        'components/mintmaker/development/development-patch.yaml': 'a: 1\n',
        'components/mintmaker/staging/base/kustomization.yaml': 'a: 1\n',
        'components/mintmaker/staging/kustomization.yaml': 'a: 1\n',
        'components/mintmaker/staging/notes.txt': 'not matched\n',
      },
      {
        root: 'components',
        environments: [
          { name: 'development', live: false },
          { name: 'staging', live: true },
        ],
        services: { mintmaker: { files: ['mintmaker/{env}/**/*.{yaml,json}'] } },
        whitelist: [],
      },
    );
    const files = layout(workspace.services, root).mintmaker;
    expect(Object.keys(files)).toEqual(['mintmaker/{env}/base/kustomization.yaml', 'mintmaker/{env}/development-patch.yaml', 'mintmaker/{env}/kustomization.yaml']);
    expect(files['mintmaker/{env}/kustomization.yaml']).toEqual({
      development: 'components/mintmaker/development/kustomization.yaml',
      staging: 'components/mintmaker/staging/kustomization.yaml',
    });
    // the env name inside a file name stays: this file is development's only, not a template of it
    expect(files['mintmaker/{env}/development-patch.yaml'].development).toBe('components/mintmaker/development/development-patch.yaml');
    expect(workspace.services[0].aliases).toEqual(['mintmaker']);
  });

  it('expands a glob relative to each overlay, listing a file of one environment only once', async () => {
    const { root, workspace } = await workspaceOf(
      {
        'kubernetes/overlays/aws-ci/api-target-group.yaml': 'a: 1\n',
        'kubernetes/overlays/aws-ci/admin-target-group.yaml': 'a: 1\n',
        'kubernetes/overlays/aws-prod/api-target-group.yaml': 'a: 1\n',
      },
      seedConfig({ services: { 'target-groups': { files: ['*-target-group.yaml'] } } }),
    );
    const files = layout(workspace.services, root)['target-groups'];
    expect(Object.keys(files)).toEqual(['admin-target-group.yaml', 'api-target-group.yaml']);
    expect(files['admin-target-group.yaml'].prod).toBe('kubernetes/overlays/aws-prod/admin-target-group.yaml');
    expect(workspace.services[0].aliases).toEqual([]);
  });

  it('lists a file named by two entries of one service once', async () => {
    const { workspace } = await workspaceOf(
      { 'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n' },
      seedConfig({ services: { api: { files: ['configs/api/config.yaml', 'configs/api/*.yaml'] } } }),
    );
    expect(workspace.services[0].files.map((file) => file.id)).toEqual(['configs/api/config.yaml']);
  });
});

describe('selectServices and servicesForFiles', () => {
  const files = {
    'kubernetes/overlays/aws-ci/configs/gateway/config.yaml': 'a: 1\n',
    'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
  };
  const config = seedConfig({
    services: { 'simplex-gateway': { files: ['configs/gateway/config.yaml'] }, 'simplex-api': { files: ['configs/api/config.yaml'] } },
  });

  it('selects by name or by directory name, and refuses an unknown one', async () => {
    const { workspace } = await workspaceOf(files, config);
    expect(selectServices(workspace.services, ['gateway']).map((service) => service.name)).toEqual(['simplex-gateway']);
    expect(selectServices(workspace.services, ['simplex-api', 'api']).map((service) => service.name)).toEqual(['simplex-api']);
    expect(() => selectServices(workspace.services, ['nope'])).toThrow('unknown service "nope" (known: simplex-gateway, simplex-api)');
  });

  it('maps files of any environment to their services and skips the others', async () => {
    const { workspace } = await workspaceOf(files, config);
    const narrowed = servicesForFiles(workspace, ['kubernetes/overlays/aws-prod/configs/api/config.yaml', 'README.md']);
    expect(narrowed.services.map((service) => service.name)).toEqual(['simplex-api']);
    expect(narrowed.skipped).toEqual(['README.md']);
  });
});

describe('reading files through links', () => {
  it('refuses a symbolic link that leaves the root, as a parse error of that file', async () => {
    const outside = writeTree(tempDir(), { 'secret.yaml': 'password: hunter2\n' });
    const root = writeTree(tempDir(), {
      '.promoterc.json': JSON.stringify(seedConfig()),
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
      'kubernetes/overlays/aws-staging/configs/api/config.yaml': 'a: 1\n',
    });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'kubernetes/overlays/aws-staging/configs/api/linked.yaml'));
    const { result, of } = await lintRoot(root);
    expect(of('parse-error')).toEqual([
      expect.objectContaining({
        env: 'staging',
        file: 'kubernetes/overlays/aws-staging/configs/api/linked.yaml',
        message: 'is a symbolic link to a place outside the root; not followed',
      }),
    ]);
    expect(JSON.stringify(result.findings)).not.toContain('hunter2');
  });

  it('follows a symbolic link that stays inside the root', async () => {
    const root = writeTree(tempDir(), {
      '.promoterc.json': JSON.stringify(seedConfig()),
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
      'kubernetes/shared/config.yaml': 'a: 2\n',
    });
    symlinkSync(path.join(root, 'kubernetes/shared/config.yaml'), path.join(root, 'kubernetes/overlays/aws-ci/configs/api/shared.yaml'));
    const { of } = await lintRoot(root);
    expect(of('parse-error')).toEqual([]);
  });
});
