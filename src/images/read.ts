import path from 'node:path';
import type { Environment, ResolvedConfig } from '../config/resolve.js';
import type { EnvFile } from '../compare/snapshot.js';
import { parseConfigText } from '../read/parse.js';
import { LinkEscapesRoot, type FileSource } from '../read/source.js';
import type { MapNode, TreeNode } from '../read/tree.js';

/** The names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export type ImageFieldName = 'newTag' | 'digest';

/** A `newTag:` or `digest:` of an image entry, with the offsets an edit needs. */
export interface ImageField {
  /** the scalar as a string; the raw text for a non-string scalar, so `1.10` stays `1.10` */
  value: string;
  /** the value's text as written, quotes included */
  raw: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

export interface OverlayImage {
  name: string;
  /** offset of the entry's first key (the `name:` of `- name: api`) */
  entryStart: number;
  /** offset just past the entry's last value (past its line's newline, for a block mapping) */
  entryEnd: number;
  newName?: string;
  newTag?: ImageField;
  digest?: ImageField;
  /** the entry or one of its fields comes through an alias or merge key: editing its text would change other places */
  shared: boolean;
  /** written as a flow mapping `{ name: api, newTag: v1 }`: values can be replaced, lines not added or removed */
  flow: boolean;
}

/** The `images:` of one environment's kustomization file. */
export interface OverlayImages {
  env: Environment;
  /** undefined when the environment has no overlay (a `{env}` template repository) */
  file?: EnvFile;
  /** offset of the `images:` key, where a finding about a missing image points */
  imagesKeyStart?: number;
  images: OverlayImage[];
}

/** Reads the `images:` of every environment's kustomization, in the config's environment order. */
export async function readOverlayImages(config: ResolvedConfig, source: FileSource): Promise<OverlayImages[]> {
  return Promise.all(config.environments.map((env) => readEnvironmentImages(config, source, env)));
}

async function readEnvironmentImages(config: ResolvedConfig, source: FileSource, env: Environment): Promise<OverlayImages> {
  if (!env.overlay) return { env, images: [] };
  const file = await readKustomization(config, source, env, env.overlay);
  return { env, file, ...imagesOf(file) };
}

/** The image list of a kustomization already read; structural problems are added to the file's problems. */
export function imagesOf(file: EnvFile): Pick<OverlayImages, 'imagesKeyStart' | 'images'> {
  const images: OverlayImage[] = [];
  const document = file.parsed?.documents[0];
  if (!file.parsed || file.problems.length > 0 || !document) return { images };
  if (document.kind !== 'map') {
    file.problems.push({ message: 'a kustomization must be a mapping', offset: document.start });
    return { images };
  }
  const imagesEntry = document.entries.find((entry) => entry.key === 'images');
  if (!imagesEntry || (imagesEntry.value.kind === 'scalar' && imagesEntry.value.value === null)) return { images };
  if (imagesEntry.value.kind !== 'seq') {
    file.problems.push({ message: 'images: must be a list of { name, newName?, newTag?, digest? }', offset: imagesEntry.keyStart });
    return { images, imagesKeyStart: imagesEntry.keyStart };
  }
  const seen = new Set<string>();
  for (const item of imagesEntry.value.items) {
    const image = readImageEntry(item, file.text ?? '', imagesEntry.value.aliased === true || imagesEntry.merged);
    if (typeof image === 'string') {
      file.problems.push({ message: image, offset: item.start });
    } else if (seen.has(image.name)) {
      file.problems.push({ message: `images: "${image.name}" is listed twice`, offset: image.entryStart });
    } else {
      seen.add(image.name);
      images.push(image);
    }
  }
  return { images, imagesKeyStart: imagesEntry.keyStart };
}

/** The first kustomization file name that exists in the overlay; a missing one reads as absent. */
async function readKustomization(config: ResolvedConfig, source: FileSource, env: Environment, overlay: string): Promise<EnvFile> {
  let found: EnvFile | undefined;
  for (const name of KUSTOMIZATION_NAMES) {
    const absolutePath = path.join(overlay, name);
    const envFile: EnvFile = { env, repoPath: toRepoPath(config, absolutePath), absolutePath, exists: false, problems: [] };
    found ??= envFile;
    try {
      envFile.text = await source.readText(absolutePath);
    } catch (error) {
      envFile.exists = true;
      envFile.problems.push({ message: error instanceof LinkEscapesRoot ? error.message : `cannot read: ${(error as Error).message}`, offset: 0 });
      return envFile;
    }
    if (envFile.text === undefined) continue;
    envFile.exists = true;
    envFile.parsed = parseConfigText(envFile.text);
    envFile.problems.push(...envFile.parsed.problems);
    return envFile;
  }
  return found as EnvFile;
}

/** One entry of `images:`, or the reason it cannot be read. */
function readImageEntry(item: TreeNode, text: string, sharedList: boolean): OverlayImage | string {
  if (item.kind !== 'map') return 'images: every entry must be a mapping with a name';
  const entryOf = (key: string) => item.entries.find((entry) => entry.key === key);
  const nameEntry = entryOf('name');
  if (!nameEntry || nameEntry.value.kind !== 'scalar' || nameEntry.value.value === null) return 'images: an entry has no name';
  const fieldOf = (key: ImageFieldName): ImageField | undefined => {
    const entry = entryOf(key);
    if (!entry || entry.value.kind !== 'scalar' || entry.value.value === null) return undefined;
    const raw = text.slice(entry.value.start, entry.value.end);
    const value = typeof entry.value.value === 'string' ? entry.value.value : raw;
    return { value, raw, keyStart: entry.keyStart, valueStart: entry.value.start, valueEnd: entry.value.end };
  };
  const newName = entryOf('newName')?.value;
  return {
    name: String(nameEntry.value.value),
    entryStart: item.entries[0]?.keyStart ?? item.start,
    entryEnd: item.end,
    newName: newName?.kind === 'scalar' && newName.value !== null ? String(newName.value) : undefined,
    newTag: fieldOf('newTag'),
    digest: fieldOf('digest'),
    shared: sharedList || isShared(item),
    flow: text[item.start] === '{',
  };
}

function isShared(item: MapNode & { aliased?: boolean }): boolean {
  return item.aliased === true || item.entries.some((entry) => entry.merged || entry.value.aliased === true);
}

function toRepoPath(config: ResolvedConfig, absolutePath: string): string {
  return path.relative(config.repoRoot, absolutePath).split(path.sep).join('/');
}
