import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Replaces a file so that a reader (or a crash) sees either the old or the new content, never a
 * half-written file: the text goes to a temporary file in the same directory (same file system,
 * so the rename is atomic), is flushed to disk, takes the old file's permission bits, and is
 * renamed over the original. A link is resolved first, so the file it points to is replaced and
 * the link stays a link. On any failure the temporary file is removed and the original is intact.
 */
export async function writeFileAtomic(filePath: string, text: string): Promise<void> {
  const target = await fs.realpath(filePath).catch(() => path.resolve(filePath));
  // A new file gets the umask's usual bits; an existing one keeps exactly its own.
  const existingMode = await fs.stat(target).then((stats) => stats.mode & 0o7777, () => undefined);
  const mode = existingMode ?? 0o666;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', mode);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      // open() applied the umask: set the original bits exactly.
      if (existingMode !== undefined) await handle.chmod(existingMode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

/** Makes the rename itself durable; not every platform can open a directory, which is fine. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
