import type { ResolvedConfig } from '../config/resolve.js';
import { findWhitelistEntry } from '../compare/snapshot.js';
import { flattenDocuments } from '../keys/flatten.js';
import { chooseArrayIdentities } from '../keys/identity.js';
import { parseConfigText } from '../read/parse.js';
import type { LineDisplay } from '../util/unified-diff.js';

/**
 * Whitelisted values appear in a diff only as context (a fix never changes them), but they are
 * still masked there like in every other output: `postgres://…mple`, never the whole value.
 */
export function maskingDisplay(config: ResolvedConfig, before: string, after: string): LineDisplay {
  const sides = {
    before: { starts: lineStarts(before), ranges: whitelistedRanges(config, before) },
    after: { starts: lineStarts(after), ranges: whitelistedRanges(config, after) },
  };
  return (side, lineIndex, line) => maskLine(line, sides[side].starts[lineIndex] ?? 0, sides[side].ranges);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

export function whitelistedRanges(config: ResolvedConfig, text: string): Array<[number, number]> {
  const parsed = parseConfigText(text);
  if (parsed.problems.length > 0) return [];
  try {
    const flat = flattenDocuments(parsed.documents, chooseArrayIdentities([parsed.documents], config.arrayKeys));
    return [...flat.leaves.values()]
      .filter((leaf) => leaf.node.kind === 'scalar' && !leaf.shared && findWhitelistEntry(config.whitelist, leaf.segments))
      .map((leaf): [number, number] => [leaf.node.start, leaf.node.end]);
  } catch {
    return [];
  }
}

export function maskLine(line: string, lineStart: number, ranges: ReadonlyArray<[number, number]>): string {
  let masked = line;
  const lineEnd = lineStart + line.length;
  const inLine = ranges.filter(([start, end]) => start < lineEnd && end > lineStart).sort((left, right) => right[0] - left[0]);
  for (const [start, end] of inLine) {
    const from = Math.max(0, start - lineStart);
    const to = Math.min(line.length, end - lineStart);
    masked = masked.slice(0, from) + maskValue(masked.slice(from, to)) + masked.slice(to);
  }
  return masked;
}

function maskValue(raw: string): string {
  const quoted = /^(['"])([\s\S]*)\1$/.exec(raw);
  const inner = quoted ? quoted[2] : raw;
  const shown = inner.length > 12 ? `${inner.slice(0, 6)}…${inner.slice(-4)}` : inner;
  return quoted ? `${quoted[1]}${shown}${quoted[1]}` : shown;
}
