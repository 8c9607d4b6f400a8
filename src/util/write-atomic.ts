import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TEMP_MARK = '.promote-lint-';

/**
 * Replaces a file so that a reader (or a crash) sees either the old or the new content, never a
 * half-written file: the text goes to a temporary file in the same directory (same file system,
 * so the rename is atomic), is flushed to disk, takes the old file's permission bits (and owner,
 * where allowed), and is renamed over the original. A link is resolved first, so the file it
 * points to is replaced and the link stays a link. On any failure the temporary file is removed
 * and the original is intact. The temporary name, `.<name>.promote-lint-<pid>-<random>.tmp`, is
 * unique per process and call; one left behind by a killed run (its process gone) is removed by
 * the next write of that file.
 */
export async function writeFileAtomic(filePath: string, text: string): Promise<void> {
  const target = await fs.realpath(filePath).catch(() => path.resolve(filePath));
  const directory = path.dirname(target);
  await removeStaleTemporaries(directory, path.basename(target));
  // A new file gets the umask's usual bits; an existing one keeps exactly its own.
  const existing = await fs.stat(target).catch(() => undefined);
  const existingMode = existing ? existing.mode & 0o7777 : undefined;
  const temporary = path.join(directory, `.${path.basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', existingMode ?? 0o666);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      // open() applied the umask: set the original bits exactly.
      if (existingMode !== undefined) await handle.chmod(existingMode);
      if (existing && typeof process.getuid === 'function' && process.getuid() !== existing.uid) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable; not every platform can open a directory, which is fine. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

async function removeStaleTemporaries(directory: string, base: string): Promise<void> {
  const prefix = `.${base}${TEMP_MARK}`;
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await fs.rm(path.join(directory, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
