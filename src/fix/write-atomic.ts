import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TEMP_MARK = '.promote-lint-';

/**
 * Replaces a file so that a reader (or a crash) sees either the old bytes or the new ones, never
 * a mix: the new bytes go to a temporary file beside it (same directory, so the rename cannot
 * cross file systems), are flushed to disk, take the old file's mode, and are renamed over it.
 * The temporary name is unique per process and call; it is removed when anything fails, and a
 * leftover from a killed run (its process gone) is removed by the next write in that directory.
 */
export async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  const directory = path.dirname(filePath);
  const base = path.basename(filePath);
  await removeStaleTemps(directory, base);
  const temp = path.join(directory, `.${base}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const existing = await fs.stat(filePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    await handle.writeFile(content, 'utf8');
    if (existing) {
      // open() applied the umask; the file keeps exactly the mode (and, where allowed, the owner) it had.
      await handle.chmod(existing.mode & 0o7777);
      if (typeof process.getuid === 'function' && process.getuid() !== existing.uid) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable; some file systems refuse to sync a directory, which is fine. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // the rename is atomic either way; durability of the directory entry is best effort
  }
}

async function removeStaleTemps(directory: string, base: string): Promise<void> {
  const prefix = `.${base}${TEMP_MARK}`;
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await fs.unlink(path.join(directory, name)).catch(() => undefined);
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
