import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/fix/write-atomic.js';
import { tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the file mode, and leaves no temporary file', async () => {
    const directory = tempDir();
    const file = path.join(directory, 'config.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(directory)).toEqual(['config.yaml']);
  });

  it('creates a file that did not exist', async () => {
    const file = path.join(tempDir(), 'new.yaml');
    await writeFileAtomic(file, 'a: 1\n');
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
  });

  it('removes its temporary file and leaves the target alone when the rename fails', async () => {
    const directory = tempDir();
    const target = path.join(directory, 'config.yaml');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'new\n')).rejects.toThrow();
    expect(readdirSync(directory)).toEqual(['config.yaml']);
    expect(readFileSync(path.join(target, 'inside'), 'utf8')).toBe('x');
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
