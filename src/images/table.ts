import { describePath, shortDigest, type ImageDifference } from './compare.js';
import type { ImageField, OverlayImage, OverlayImages } from './read.js';

const DRIFT_MARK = '≠';

/** What `images` shows and `images -f json` prints: every image in every environment, with its drift. */
export interface ImageTable {
  environments: string[];
  pairs: ReadonlyArray<readonly [string, string]>;
  rows: Array<{ name: string; byEnv: Map<string, OverlayImage | undefined>; drift: ImageDifference[] }>;
  overlays: readonly OverlayImages[];
}

export function buildImageTable(overlays: readonly OverlayImages[], pairs: ReadonlyArray<readonly [string, string]>, differences: readonly ImageDifference[], only: readonly string[]): ImageTable {
  const shown = overlays.filter((overlay) => overlay.file?.exists);
  const names: string[] = [];
  for (const overlay of shown) for (const image of overlay.images) if (!names.includes(image.name)) names.push(image.name);
  const rows = names
    .filter((name) => only.length === 0 || only.includes(name))
    .map((name) => ({
      name,
      byEnv: new Map(shown.map((overlay) => [overlay.env.name, overlay.images.find((image) => image.name === name)])),
      drift: differences.filter((difference) => difference.name === name),
    }));
  return { environments: shown.map((overlay) => overlay.env.name), pairs, rows, overlays: shown };
}

/** The seed's `make compare-images`: image × environment, each target cell that differs from its source marked. */
export function formatImageTable(table: ImageTable): string {
  if (table.rows.length === 0) return 'no images: in any overlay kustomization\n';
  const header = ['image', ...table.environments];
  const body = table.rows.map((row) => [
    row.name,
    ...table.environments.map((env) => {
      const marked = row.drift.some((difference) => difference.to === env);
      return `${cellText(row.byEnv.get(env))}${marked ? ` ${DRIFT_MARK}` : ''}`;
    }),
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column].length)));
  const render = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const lines = [render(header), ...body.map(render), ''];
  lines.push(`${DRIFT_MARK} differs from the environment it takes its images from (${describePath(table.pairs)}); — not in that overlay`);
  let drifting = 0;
  for (const [from, to] of table.pairs) {
    const names = table.rows.filter((row) => row.drift.some((difference) => difference.from === from && difference.to === to)).map((row) => row.name);
    if (names.length === 0) continue;
    drifting += names.length;
    lines.push(`${from} → ${to}: ${names.length} image${names.length === 1 ? ' differs' : 's differ'} (${names.join(', ')}) — promote-lint images --fix --from ${from} --to ${to}`);
  }
  if (drifting === 0) lines.push(`✔ every image is in step along ${describePath(table.pairs)}`);
  return `${lines.join('\n')}\n`;
}

/** `tag`, `@sha256:0123456789ab…`, `tag@sha256:…`, `(base)` for an entry pinning neither, `—` when absent. */
function cellText(image: OverlayImage | undefined): string {
  if (!image) return '—';
  if (!image.newTag && !image.digest) return '(base)';
  return `${image.newTag?.value ?? ''}${image.digest ? `@${shortDigest(image.digest.value)}` : ''}`;
}

/** The JSON view: field names here are what scripts read, keep them stable. */
export function imageTableJson(table: ImageTable): string {
  const fileOf = new Map(table.overlays.map((overlay) => [overlay.env.name, overlay.file]));
  const images = table.rows.map((row) => ({
    name: row.name,
    environments: Object.fromEntries(
      table.environments.map((env) => {
        const image = row.byEnv.get(env);
        const file = fileOf.get(env);
        if (!image || !file) return [env, null];
        const field: ImageField | undefined = image.newTag ?? image.digest;
        return [env, { newName: image.newName ?? null, newTag: image.newTag?.value ?? null, digest: image.digest?.value ?? null, file: file.repoPath, line: file.parsed?.position(field?.keyStart ?? image.entryStart).line ?? 0 }];
      }),
    ),
    drift: row.drift.map((difference) => ({ from: difference.from, to: difference.to, kind: difference.kind })),
  }));
  const summary = { images: images.length, drifting: images.filter((image) => image.drift.length > 0).length };
  return `${JSON.stringify({ environments: table.environments, promotion: table.pairs, images, summary }, null, 2)}\n`;
}
