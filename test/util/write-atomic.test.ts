import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/write-atomic.js';
import { tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the permission bits, and leaves no temporary file', async () => {
    const directory = tempDir();
    const file = path.join(directory, 'kustomization.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(directory)).toEqual(['kustomization.yaml']);
  });

  it('a new file gets the umask, never world-writable bits', async () => {
    const directory = tempDir();
    const file = path.join(directory, 'new.yaml');
    const previous = process.umask(0o022);
    try {
      await writeFileAtomic(file, 'x: 1\n');
    } finally {
      process.umask(previous);
    }
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('writes through a link: the link stays a link, its target gets the text', async () => {
    const directory = tempDir();
    const real = path.join(directory, 'real.yaml');
    const link = path.join(directory, 'link.yaml');
    writeFileSync(real, 'old\n');
    symlinkSync('real.yaml', link);
    await writeFileAtomic(link, 'new\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
  });

  it('a failed rename leaves the original in place and no temporary file behind', async () => {
    const directory = tempDir();
    const occupied = path.join(directory, 'kustomization.yaml');
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, 'keep'), 'x');
    await expect(writeFileAtomic(occupied, 'new\n')).rejects.toThrow();
    expect(readdirSync(directory)).toEqual(['kustomization.yaml']);
    expect(readdirSync(occupied)).toEqual(['keep']);
  });
});
