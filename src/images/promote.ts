import type { EnvFile } from '../compare/snapshot.js';
import { parseConfigText } from '../read/parse.js';
import { sameReference } from './compare.js';
import { applyEdits, keyOwnsLine, lineEnding, lineStartOf, nextLineStart, renderScalar, valueEndsLine, type TextEdit } from './edit.js';
import { imagesOf, type ImageField, type ImageFieldName, type OverlayImage, type OverlayImages } from './read.js';

const FIELDS: readonly ImageFieldName[] = ['newTag', 'digest'];

/** One field of one image set from the source: `before` undefined = line added, `after` undefined = line removed. */
export interface ImageChange {
  image: string;
  field: ImageFieldName;
  before?: string;
  after?: string;
  /** 1-based line in the target before the change */
  line: number;
}

export interface ImagePromotion {
  from: string;
  to: string;
  target: EnvFile;
  before: string;
  after: string;
  changes: ImageChange[];
  skipped: Array<{ image: string; reason: string }>;
}

/**
 * Plans `images --fix` for one step: the target's tag/digest fields take the source's values,
 * by text edits at the fields' ranges, so only those lines change. The target takes the same
 * field kinds as the source: a `digest:` line becomes a `newTag:` line at the same place (and
 * vice versa), keeping its indentation and trailing comment. Images the target lacks are not
 * added (an entry is more than a tag: it needs its newName); target-only images stay as they are.
 */
export function planImagePromotion(source: OverlayImages, target: OverlayImages, only?: ReadonlySet<string>): ImagePromotion {
  const targetFile = target.file as EnvFile;
  const text = targetFile.text ?? '';
  const promotion: ImagePromotion = { from: source.env.name, to: target.env.name, target: targetFile, before: text, after: text, changes: [], skipped: [] };
  const targetByName = new Map(target.images.map((image) => [image.name, image]));
  const edits: TextEdit[] = [];
  for (const sourceImage of source.images) {
    if (only && !only.has(sourceImage.name)) continue;
    const targetImage = targetByName.get(sourceImage.name);
    if (!targetImage) {
      promotion.skipped.push({ image: sourceImage.name, reason: `not in ${target.env.name}: add its entry (name, newName) by hand, then run again` });
      continue;
    }
    if (sameReference(sourceImage, targetImage)) continue;
    const planned = planImage(sourceImage, targetImage, text);
    if (typeof planned === 'string') {
      promotion.skipped.push({ image: sourceImage.name, reason: planned });
      continue;
    }
    edits.push(...planned.edits);
    promotion.changes.push(...planned.changes.map((change) => ({ ...change, line: targetFile.parsed?.position(change.line).line ?? 0 })));
  }
  promotion.after = applyEdits(text, edits);
  verify(promotion, source, target);
  return promotion;
}

/** The edits for one image, or why it cannot be edited safely. `line` holds an offset until the caller maps it. */
function planImage(sourceImage: OverlayImage, targetImage: OverlayImage, text: string): { edits: TextEdit[]; changes: ImageChange[] } | string {
  if (targetImage.shared) return 'its entry comes through an alias or merge key; edit it by hand';
  const targetFields = FIELDS.map((field) => targetImage[field]).filter((field): field is ImageField => field !== undefined);
  if (targetFields.some((field) => /[&!*]/.test(text.slice(field.keyStart, field.valueStart)))) return 'its tag carries an anchor or a tag; edit it by hand';
  const edits: TextEdit[] = [];
  const changes: ImageChange[] = [];
  const wanted = FIELDS.filter((field) => sourceImage[field] !== undefined);
  const removable = FIELDS.filter((field) => targetImage[field] !== undefined && sourceImage[field] === undefined);
  const toAdd: ImageFieldName[] = [];
  for (const field of wanted) {
    const value = (sourceImage[field] as ImageField).value;
    const existing = targetImage[field];
    if (existing) {
      if (existing.value !== value) {
        edits.push({ start: existing.valueStart, end: existing.valueEnd, text: renderScalar(value, existing.raw) });
        changes.push({ image: targetImage.name, field, before: existing.value, after: value, line: existing.keyStart });
      }
      continue;
    }
    const swapped = removable.shift();
    const replaced = swapped ? targetImage[swapped] : undefined;
    if (swapped && replaced) {
      edits.push({ start: replaced.keyStart, end: replaced.valueEnd, text: `${field}: ${renderScalar(value, replaced.raw)}` });
      changes.push({ image: targetImage.name, field: swapped, before: replaced.value, line: replaced.keyStart });
      changes.push({ image: targetImage.name, field, after: value, line: replaced.keyStart });
    } else toAdd.push(field);
  }
  if ((toAdd.length > 0 || removable.length > 0) && targetImage.flow) return 'its entry is a flow mapping { … }; edit it by hand';
  for (const field of removable) {
    const removed = targetImage[field] as ImageField;
    if (!keyOwnsLine(text, removed.keyStart) || !valueEndsLine(text, removed.valueEnd)) return `its ${field} shares a line with other content; edit it by hand`;
    const lineStart = lineStartOf(text, removed.keyStart);
    edits.push({ start: lineStart, end: nextLineStart(text, removed.valueEnd), text: '' });
    changes.push({ image: targetImage.name, field, before: removed.value, line: removed.keyStart });
  }
  if (toAdd.length > 0) {
    const anchor = insertionAnchor(targetImage, text);
    if (!anchor) return 'its last line holds more than its fields; edit it by hand';
    const lines = toAdd.map((field) => `${anchor.indent}${field}: ${renderScalar((sourceImage[field] as ImageField).value, '')}${lineEnding(text)}`);
    const needsNewline = anchor.offset === text.length && !text.endsWith('\n');
    edits.push({ start: anchor.offset, end: anchor.offset, text: (needsNewline ? lineEnding(text) : '') + lines.join('') });
    toAdd.forEach((field) => changes.push({ image: targetImage.name, field, after: (sourceImage[field] as ImageField).value, line: anchor.offset }));
  }
  return { edits, changes };
}

/** After the entry's last line: where a new `newTag:` / `digest:` line goes, at the entry's key indentation. */
function insertionAnchor(image: OverlayImage, text: string): { offset: number; indent: string } | undefined {
  const atLineStart = image.entryEnd === 0 || text[image.entryEnd - 1] === '\n';
  if (!atLineStart && !valueEndsLine(text, image.entryEnd)) return undefined;
  return { offset: atLineStart ? image.entryEnd : nextLineStart(text, image.entryEnd), indent: ' '.repeat(image.entryStart - lineStartOf(text, image.entryStart)) };
}

/**
 * Reads the edited text back: it must parse, the promoted images must now match the source and
 * every other image must be untouched. A plan that fails this is a bug, never a written file.
 */
function verify(promotion: ImagePromotion, source: OverlayImages, target: OverlayImages): void {
  if (promotion.after === promotion.before) return;
  const edited: EnvFile = { ...promotion.target, text: promotion.after, parsed: parseConfigText(promotion.after), problems: [] };
  edited.problems.push(...(edited.parsed?.problems ?? []));
  const after = new Map(imagesOf(edited).images.map((image) => [image.name, image]));
  const changed = new Set(promotion.changes.map((change) => change.image));
  const sourceByName = new Map(source.images.map((image) => [image.name, image]));
  const broken = edited.problems.length > 0 || target.images.length !== after.size || target.images.some((image) => {
    const now = after.get(image.name);
    const expected = changed.has(image.name) ? sourceByName.get(image.name) : image;
    return !now || !expected || !sameReference(now, expected) || now.newName !== image.newName;
  });
  if (broken) throw new Error(`the planned edit of ${promotion.target.repoPath} does not read back as intended; nothing written`);
}
