import { UsageError } from '../errors.js';
import { compareImages, describeReference } from '../images/compare.js';
import { chooseImageStep } from '../images/pairs.js';
import { planImagePromotion, type ImagePromotion } from '../images/promote.js';
import { readOverlayImages, type OverlayImages } from '../images/read.js';
import { buildImageTable, formatImageTable, imageTableJson } from '../images/table.js';
import { formatPlan, planEnvironment } from '../plan/commands.js';
import { unifiedDiff } from '../util/unified-diff.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { CliOptions } from './args.js';
import { writeErr, writeOut, type CliIO } from './io.js';
import type { Workspace } from './workspace.js';

/** `promote-lint images`: the image × environment table, or with --fix one promotion step. */
export async function imagesCommand(workspace: Workspace, options: CliOptions, io: CliIO): Promise<number> {
  const { config } = workspace;
  const overlays = await readOverlayImages(config, workspace.source);
  if (!overlays.some((overlay) => overlay.file?.exists)) {
    throw new UsageError('no kustomization.yaml in any environment overlay: there are no images to compare');
  }
  if (options.fix || options.dryRun) return fixImages(workspace, overlays, options, io);
  const problems = reportProblems(overlays, io);
  const table = buildImageTable(overlays, config.imagePromotion, compareImages(overlays, config.imagePromotion), options.images);
  writeOut(io, options.format === 'json' ? imageTableJson(table) : formatImageTable(table));
  return problems > 0 ? 1 : 0;
}

async function fixImages(workspace: Workspace, overlays: OverlayImages[], options: CliOptions, io: CliIO): Promise<number> {
  const [from, to] = chooseImageStep(workspace.config, options.from, options.to);
  const source = usableOverlay(overlays, from);
  const target = usableOverlay(overlays, to);
  const known = new Set([...source.images, ...target.images].map((image) => image.name));
  const unknown = options.images.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new UsageError(`unknown image "${unknown[0]}" (in ${from} and ${to}: ${[...known].join(', ')})`);
  const promotion = planImagePromotion(source, target, options.images.length > 0 ? new Set(options.images) : undefined);
  const changed = promotion.after !== promotion.before;
  if (changed && !options.dryRun) await writeFileAtomic(promotion.target.absolutePath, promotion.after);
  const env = workspace.config.environments.find((candidate) => candidate.name === to);
  if (options.format === 'json') {
    writeOut(io, `${JSON.stringify({ from, to, file: promotion.target.repoPath, dryRun: options.dryRun, written: changed && !options.dryRun, changes: promotion.changes, skipped: promotion.skipped }, null, 2)}\n`);
    return 0;
  }
  const lines = [...describePromotion(promotion, source, target)];
  if (!changed) lines.push(`${to} already has ${from}'s tags${options.images.length > 0 ? ' for these images' : ''}; nothing written`);
  else if (options.dryRun) lines.push('', unifiedDiff(promotion.before, promotion.after, { from: `a/${promotion.target.repoPath}`, to: `b/${promotion.target.repoPath}` }).trimEnd(), '', 'dry run: nothing written');
  else {
    lines.push(`wrote ${promotion.target.repoPath}`, '', 'next: review the diff, commit and push, then deploy:', '');
    if (env) lines.push(formatPlan([planEnvironment(env, `just promoted from ${from}`)]).trimEnd());
  }
  writeOut(io, `${lines.join('\n')}\n`);
  return 0;
}

/** The environment's image list, or a usage error saying why it cannot take part in a promotion. */
function usableOverlay(overlays: readonly OverlayImages[], envName: string): OverlayImages {
  const overlay = overlays.find((candidate) => candidate.env.name === envName);
  const file = overlay?.file;
  if (!overlay || !file) throw new UsageError(`environment "${envName}" has no overlay, so no kustomization images`);
  if (!file.exists) throw new UsageError(`${file.repoPath}: not found (environment "${envName}")`);
  const problem = file.problems[0];
  if (problem) {
    const { line, column } = file.parsed?.position(problem.offset) ?? { line: 1, column: 1 };
    throw new UsageError(`${file.repoPath}:${line}:${column}: ${problem.message}; nothing written`, 1);
  }
  return overlay;
}

function describePromotion(promotion: ImagePromotion, source: OverlayImages, target: OverlayImages): string[] {
  const lines = [`images ${promotion.from} → ${promotion.to} (${promotion.target.repoPath})`];
  const changedImages = [...new Set(promotion.changes.map((change) => change.image))];
  const width = Math.max(0, ...changedImages.map((name) => name.length));
  for (const name of changedImages) {
    const firstLine = Math.min(...promotion.changes.filter((change) => change.image === name).map((change) => change.line));
    const before = describeReference(target.images.find((image) => image.name === name));
    const after = describeReference(source.images.find((image) => image.name === name));
    lines.push(`  ${name.padEnd(width)}  ${before} → ${after}  (line ${firstLine})`);
  }
  for (const skipped of promotion.skipped) lines.push(`  skipped ${skipped.image}: ${skipped.reason}`);
  return lines;
}

/** Broken kustomization files, one line each with file:line; the table leaves them out. */
function reportProblems(overlays: readonly OverlayImages[], io: CliIO): number {
  let count = 0;
  for (const overlay of overlays) {
    const file = overlay.file;
    for (const problem of file?.problems ?? []) {
      const { line, column } = file?.parsed?.position(problem.offset) ?? { line: 1, column: 1 };
      writeErr(io, `${file?.repoPath}:${line}:${column}: ${problem.message}\n`);
      count++;
    }
  }
  return count;
}
