import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/cli/workspace.js';
import { readOverlayImages } from '../../src/images/read.js';
import { writeTree } from '../helpers.js';
import { imageTree, kustomization } from './fixtures.js';

async function imagesOfTree(root: string) {
  const workspace = await openWorkspace(undefined, root, undefined);
  return readOverlayImages(workspace.config, workspace.source);
}

describe('readOverlayImages', () => {
  it('reads name, newName, newTag and digest with the offsets of their lines', async () => {
    const text = kustomization('ci', 'images:\n  - name: api\n    newName: registry.example.com/api\n    newTag: "1.10"\n  - name: job\n    digest: sha256:abc # pinned');
    const root = imageTree({ ci: text });
    const [ci, staging] = await imagesOfTree(root);
    expect(staging.file?.exists).toBe(false);
    expect(staging.images).toEqual([]);
    const [api, job] = ci.images;
    expect(api).toMatchObject({ name: 'api', newName: 'registry.example.com/api', newTag: { value: '1.10', raw: '"1.10"' }, shared: false, flow: false });
    expect(text.slice(api.newTag?.keyStart, api.newTag?.valueEnd)).toBe('newTag: "1.10"');
    expect(job.digest?.value).toBe('sha256:abc');
    expect(job.newTag).toBeUndefined();
    expect(ci.file?.parsed?.position(job.digest?.keyStart ?? 0)).toEqual({ line: 11, column: 5 });
    expect(text.slice(ci.imagesKeyStart, (ci.imagesKeyStart ?? 0) + 7)).toBe('images:');
  });

  it('keeps a non-string tag as written (newTag: 1.10 is the text 1.10, not the number 1.1)', async () => {
    const root = imageTree({ ci: kustomization('ci', 'images:\n  - name: api\n    newTag: 1.10') });
    const [ci] = await imagesOfTree(root);
    expect(ci.images[0].newTag?.value).toBe('1.10');
  });

  it('finds kustomization.yml and Kustomization too', async () => {
    const root = imageTree({});
    writeTree(root, {
      'kubernetes/overlays/aws-ci/kustomization.yml': 'images:\n  - name: a\n    newTag: v1\n',
      'kubernetes/overlays/aws-staging/Kustomization': 'images:\n  - name: a\n    newTag: v2\n',
    });
    const [ci, staging] = await imagesOfTree(root);
    expect(path.basename(ci.file?.absolutePath ?? '')).toBe('kustomization.yml');
    expect(staging.images[0].newTag?.value).toBe('v2');
  });

  it('turns a malformed images: into problems with offsets, never a throw', async () => {
    const root = imageTree({
      ci: 'images: v1\n',
      staging: 'images:\n  - newTag: v1\n  - just-a-string\n',
      prod: '- not\n- a map\n',
    });
    const [ci, staging, prod] = await imagesOfTree(root);
    expect(ci.file?.problems.map((problem) => problem.message)).toEqual(['images: must be a list of { name, newName?, newTag?, digest? }']);
    expect(staging.file?.problems.map((problem) => problem.message)).toEqual(['images: an entry has no name', 'images: every entry must be a mapping with a name']);
    expect(prod.file?.problems.map((problem) => [problem.message, problem.offset])).toEqual([['a kustomization must be a mapping', 0]]);
  });

  it('marks entries reached through an alias or a merge key as shared', async () => {
    const root = imageTree({ ci: 'x-base: &base\n  newName: r/api\n  newTag: v1\nimages:\n  - name: api\n    <<: *base\n  - name: web\n    newTag: v2\n' });
    const [ci] = await imagesOfTree(root);
    expect(ci.images.map((image) => [image.name, image.shared, image.newTag?.value])).toEqual([
      ['api', true, 'v1'],
      ['web', false, 'v2'],
    ]);
  });
});
