import path from 'node:path';
import { isInside, type FileSource } from '../read/source.js';

/**
 * The repository as it would be after a fix: the fixed texts from memory, everything else from
 * the real source. `--dry-run` re-checks against this, so it reports exactly what `--fix` would
 * leave behind without writing a byte.
 */
export function overlaySource(base: FileSource, texts: ReadonlyMap<string, string>): FileSource {
  return {
    async readText(absolutePath) {
      return texts.has(absolutePath) ? texts.get(absolutePath) : base.readText(absolutePath);
    },
    async listFiles(absoluteDirectory) {
      const listed = await base.listFiles(absoluteDirectory);
      const added = [...texts.keys()].filter((file) => isInside(absoluteDirectory, file) && file !== absoluteDirectory && !listed.includes(file));
      return [...listed, ...added].sort();
    },
    async listDirectories(absoluteDirectory) {
      const listed = await base.listDirectories(absoluteDirectory);
      const added = [...texts.keys()]
        .map((file) => path.relative(absoluteDirectory, file))
        .filter((relative) => relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && relative.includes(path.sep))
        .map((relative) => relative.split(path.sep)[0]);
      return [...new Set([...listed, ...added])].sort();
    },
  };
}
