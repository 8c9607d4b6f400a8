import { compareImages, describeReference, type ImageDifference } from '../images/compare.js';
import type { ImageFieldName, OverlayImage, OverlayImages } from '../images/read.js';
import type { FindingPlace, Rule } from './types.js';

/**
 * An image whose tag or digest differs along the image promotion path (`ci → staging`,
 * `staging → prod`), or that one side of a step lacks. Reported in the target's kustomization at
 * the `newTag:` / `digest:` line that `promote-lint images --fix` would change. CI is ahead by
 * design, so this is a warning, like `drift`.
 */
export const imageDrift: Rule = {
  meta: {
    id: 'image-drift',
    description: "An image's tag or digest differs along the image promotion path",
    help: 'Promote the tags one step at a time with `promote-lint images --fix --from ENV --to ENV` (prod takes its tags from staging).',
    defaultSeverity: 'warn',
    fixable: true,
  },
  check(context) {
    // Narrowed to some services, the run did not read the image lists at all.
    if (!context.images) return;
    const byEnv = new Map(context.images.map((overlay) => [overlay.env.name, overlay]));
    for (const difference of compareImages(context.images, context.config.imagePromotion)) {
      const target = byEnv.get(difference.to);
      if (!target?.file) continue;
      const { key, place } = whereToReport(difference, target);
      context.report({
        service: difference.name,
        env: difference.to,
        key,
        place,
        message: messageFor(difference),
        fixable: difference.kind === 'changed',
      });
    }
  },
};

function messageFor({ kind, name, from, to, sourceImage, targetImage }: ImageDifference): string {
  if (kind === 'source-only') return `image ${name} is in ${from} but missing in ${to}`;
  if (kind === 'target-only') return `image ${name} is in ${to} but not in ${from}`;
  return `image ${name} is ${describeReference(targetImage)} in ${to}, ${describeReference(sourceImage)} in ${from}`;
}

/**
 * A changed image points at the target field that differs (the digest when digests differ, else
 * the tag), falling back to the entry when the target pins neither. A missing image points at
 * the target's `images:` key, or the top of its kustomization.
 */
function whereToReport(difference: ImageDifference, target: OverlayImages): { key: string; place: FindingPlace } {
  const envFile = target.file;
  const entryKey = `images[name=${difference.name}]`;
  if (!envFile?.exists) return { key: entryKey, place: { file: envFile?.repoPath ?? '', line: 0, column: 0 } };
  const targetImage = difference.targetImage;
  if (!targetImage) return { key: entryKey, place: { envFile, offset: target.imagesKeyStart ?? 0 } };
  if (difference.kind === 'target-only') return { key: entryKey, place: { envFile, offset: targetImage.entryStart } };
  const fieldName = differingField(difference.sourceImage, targetImage);
  const field = fieldName ? targetImage[fieldName] : undefined;
  if (!fieldName || !field) return { key: entryKey, place: { envFile, offset: targetImage.entryStart } };
  return { key: `${entryKey}.${fieldName}`, place: { envFile, offset: field.keyStart, endOffset: field.valueEnd } };
}

function differingField(sourceImage: OverlayImage | undefined, targetImage: OverlayImage): ImageFieldName | undefined {
  if (sourceImage && sourceImage.digest?.value !== targetImage.digest?.value && targetImage.digest) return 'digest';
  if (targetImage.newTag) return 'newTag';
  return targetImage.digest ? 'digest' : undefined;
}
