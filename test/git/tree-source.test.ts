import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGitSnapshots } from '../../src/git/snapshots.js';
import { diskSource, LinkEscapesRoot } from '../../src/read/source.js';
import { writeTree } from '../helpers.js';
import { commitAll, gitEnv, initRepo } from './git-repo.js';

describe('a FileSource over the git index', () => {
  it('lists and reads what the working tree would give, following links only inside the root', async () => {
    const repo = initRepo({
      'kubernetes/overlays/aws-ci/configs/api/config.yaml': 'a: 1\n',
      'kubernetes/overlays/aws-ci/configs/gateway/config.yaml': 'b: 2\n',
      'kubernetes/overlays/aws-ci/kustomization.yaml': 'kind: Kustomization\n',
      'secret.yaml': 'token: outside\n',
    });
    const configs = path.join(repo, 'kubernetes/overlays/aws-ci/configs');
    symlinkSync('api', path.join(configs, 'api-alias'));
    symlinkSync('config.yaml', path.join(configs, 'gateway', 'linked.yaml'));
    symlinkSync('../../../../../secret.yaml', path.join(configs, 'gateway', 'escape.yaml'));
    writeTree(repo, { 'kubernetes/overlays/aws-ci/configs/worker/config.yaml': 'c: 3\n' });
    commitAll(repo, 'links');
    writeTree(repo, { 'kubernetes/overlays/aws-ci/configs/untracked/config.yaml': 'd: 4\n' });

    const root = path.join(repo, 'kubernetes');
    const snapshots = await openGitSnapshots(root, { kind: 'staged' }, gitEnv());
    try {
      const index = snapshots.current;
      const disk = diskSource(root);
      expect(await index.listDirectories(configs)).toEqual(['api', 'gateway', 'worker']);
      expect(await disk.listDirectories(configs)).toEqual(['api', 'gateway', 'untracked', 'worker']);
      const overlay = path.join(root, 'overlays/aws-ci');
      expect(await index.listFiles(overlay)).toEqual((await disk.listFiles(overlay)).filter((file) => !file.includes('untracked')));
      for (const file of ['configs/api-alias/config.yaml', 'configs/gateway/linked.yaml', 'kustomization.yaml']) {
        expect(await index.readText(path.join(overlay, file))).toBe(await disk.readText(path.join(overlay, file)));
      }
      expect(await index.readText(path.join(overlay, 'configs/api-alias/config.yaml'))).toBe('a: 1\n');
      expect(await index.readText(path.join(overlay, 'missing.yaml'))).toBeUndefined();
      await expect(index.readText(path.join(configs, 'gateway', 'escape.yaml'))).rejects.toBeInstanceOf(LinkEscapesRoot);
      await expect(disk.readText(path.join(configs, 'gateway', 'escape.yaml'))).rejects.toBeInstanceOf(LinkEscapesRoot);
      // HEAD is the baseline: the same commit here, read through the same cat-file process.
      expect(await snapshots.baseline.readText(path.join(overlay, 'configs/gateway/config.yaml'))).toBe('b: 2\n');
      expect(snapshots.baselineLabel).toBe('HEAD');
    } finally {
      snapshots.close();
    }
  });

  it('lists in the disk source’s order when names sort differently by code point and by locale', async () => {
    const names = ['B', 'a', 'ab', 'a-b', 'A', 'a_b', 'b10', 'b9', 'Z'];
    const repo = initRepo(Object.fromEntries(names.map((name) => [`kubernetes/overlays/aws-ci/configs/${name}/config.yaml`, 'a: 1\n'])));
    const root = path.join(repo, 'kubernetes');
    const configs = path.join(root, 'overlays/aws-ci/configs');
    const snapshots = await openGitSnapshots(root, { kind: 'staged' }, gitEnv());
    try {
      expect(await snapshots.current.listFiles(configs)).toEqual(await diskSource(root).listFiles(configs));
      expect(await snapshots.current.listDirectories(configs)).toEqual(await diskSource(root).listDirectories(configs));
    } finally {
      snapshots.close();
    }
  });
});
