import { spawnSync } from 'node:child_process';
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

  it('uses a temporary name unique per process and call, so parallel writes never collide', async () => {
    const file = path.join(tempDir(), 'config.yaml');
    await Promise.all(Array.from({ length: 8 }, (_, index) => writeFileAtomic(file, `value: ${index}\n`)));
    expect(readFileSync(file, 'utf8')).toMatch(/^value: [0-7]\n$/);
    expect(readdirSync(path.dirname(file))).toEqual(['config.yaml']);
  });

  it('cleans up a temporary file left by a killed run, but not one of a live process', async () => {
    const directory = tempDir();
    const file = path.join(directory, 'config.yaml');
    writeFileSync(file, 'old\n');
    const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = `.config.yaml.promote-lint-${deadPid}-abcdef123456.tmp`;
    const live = `.config.yaml.promote-lint-${process.ppid}-abcdef123456.tmp`;
    writeFileSync(path.join(directory, stale), 'half');
    writeFileSync(path.join(directory, live), 'busy');
    await writeFileAtomic(file, 'new\n');
    expect(readdirSync(directory).sort()).toEqual([live, 'config.yaml'].sort());
  });
});
