import type { OverlayImage, OverlayImages } from './read.js';

/**
 * How an image differs along one step of the image promotion path:
 * `changed` (tag or digest differ), `source-only` (the target lacks it), `target-only`.
 */
export interface ImageDifference {
  from: string;
  to: string;
  name: string;
  kind: 'changed' | 'source-only' | 'target-only';
  sourceImage?: OverlayImage;
  targetImage?: OverlayImage;
}

/** Two entries pull the same image when tag and digest both agree (an absent one agrees only with absent). */
export function sameReference(left: OverlayImage, right: OverlayImage): boolean {
  return left.newTag?.value === right.newTag?.value && left.digest?.value === right.digest?.value;
}

/**
 * Compares the images of each [from, to] pair. A pair whose environments have no overlay, or no
 * readable kustomization, compares nothing: there is no image list to hold against the other.
 * The image's `newName` is not compared: registries may differ per environment by design.
 */
export function compareImages(overlays: readonly OverlayImages[], pairs: ReadonlyArray<readonly [string, string]>): ImageDifference[] {
  const differences: ImageDifference[] = [];
  const byEnv = new Map(overlays.map((overlay) => [overlay.env.name, overlay]));
  for (const [from, to] of pairs) {
    const source = byEnv.get(from);
    const target = byEnv.get(to);
    if (!source || !target || !comparable(source) || !comparable(target)) continue;
    const targetByName = new Map(target.images.map((image) => [image.name, image]));
    const sourceNames = new Set(source.images.map((image) => image.name));
    for (const sourceImage of source.images) {
      const targetImage = targetByName.get(sourceImage.name);
      if (!targetImage) differences.push({ from, to, name: sourceImage.name, kind: 'source-only', sourceImage });
      else if (!sameReference(sourceImage, targetImage)) differences.push({ from, to, name: sourceImage.name, kind: 'changed', sourceImage, targetImage });
    }
    for (const targetImage of target.images) {
      if (!sourceNames.has(targetImage.name)) differences.push({ from, to, name: targetImage.name, kind: 'target-only', targetImage });
    }
  }
  return differences;
}

/** A file with problems is left out (parse-error reports it); an absent file simply has no images. */
function comparable(overlay: OverlayImages): boolean {
  return overlay.file !== undefined && overlay.file.problems.length === 0;
}

/** `tag v1.2.0`, `digest sha256:0123456789ab…`, or both; what a message or a table cell shows. */
export function describeReference(image: OverlayImage | undefined): string {
  if (!image) return '(absent)';
  const parts: string[] = [];
  if (image.newTag) parts.push(`tag ${image.newTag.value}`);
  if (image.digest) parts.push(`digest ${shortDigest(image.digest.value)}`);
  return parts.length > 0 ? parts.join(' + ') : "the base's tag";
}

/** A digest cut to its algorithm and 12 hex digits, as `docker images` shows it. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['', digest];
  const cut = hex.length > 12 ? `${hex.slice(0, 12)}…` : hex;
  return algorithm ? `${algorithm}:${cut}` : cut;
}

/** The image path as a person reads it: `ci → staging → prod` for a chain, else the pairs. */
export function describePath(pairs: ReadonlyArray<readonly [string, string]>): string {
  const chain = [pairs[0]?.[0]];
  for (const [from, to] of pairs) {
    if (chain[chain.length - 1] !== from) return pairs.map(([left, right]) => `${left} → ${right}`).join(', ');
    chain.push(to);
  }
  return pairs.length === 0 ? '(no image promotion path)' : chain.join(' → ');
}
