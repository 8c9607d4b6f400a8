import { formatSegment, splitKeyPath, segmentName, type KeySegment } from './keyPath.js';

/**
 * A whitelist (or `--allow`) key pattern, matched segment by segment: `*` is exactly one
 * segment, `**` any number. A pattern segment without brackets compares with the key's name and
 * ignores its array selectors, so `payment.*.stripePriceId` covers `payment.plans[id=pro].stripePriceId`.
 */
export interface KeyPattern {
  readonly source: string;
  /** the whole key path matches */
  matches(segments: readonly KeySegment[]): boolean;
  /** the key path or one of its ancestors matches (a whitelisted object covers its leaves) */
  coversKey(segments: readonly KeySegment[]): boolean;
}

type SegmentMatcher = { kind: 'any-depth' } | { kind: 'one' } | { kind: 'test'; test: (segment: KeySegment) => boolean };

export function compileKeyPattern(source: string): KeyPattern {
  const matchers = splitKeyPath(source).map(compileSegment);
  const matchFrom = (segments: readonly KeySegment[], matcherIndex: number, segmentIndex: number, prefix: boolean): boolean => {
    if (matcherIndex === matchers.length) return prefix || segmentIndex === segments.length;
    const matcher = matchers[matcherIndex];
    if (matcher.kind === 'any-depth') {
      for (let next = segmentIndex; next <= segments.length; next++) {
        if (matchFrom(segments, matcherIndex + 1, next, prefix)) return true;
      }
      return false;
    }
    if (segmentIndex === segments.length) return false;
    if (matcher.kind === 'test' && !matcher.test(segments[segmentIndex])) return false;
    return matchFrom(segments, matcherIndex + 1, segmentIndex + 1, prefix);
  };
  return {
    source,
    matches: (segments) => matchFrom(segments, 0, 0, false),
    coversKey: (segments) => matchFrom(segments, 0, 0, true),
  };
}

function compileSegment(text: string): SegmentMatcher {
  if (text === '**') return { kind: 'any-depth' };
  if (text === '*') return { kind: 'one' };
  const withSelectors = !text.startsWith('"') && text.includes('[');
  const expected = text.startsWith('"') ? segmentName(text) : text;
  const regex = text.startsWith('"') || !/[*?{]/.test(text) ? undefined : globToRegExp(expected);
  const subject = (segment: KeySegment): string => (withSelectors ? formatSegment(segment) : segment.name);
  if (regex) return { kind: 'test', test: (segment) => regex.test(subject(segment)) };
  return { kind: 'test', test: (segment) => subject(segment) === expected };
}

/** Globs inside one segment: `*` and `?` never need to stop at a separator here. */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  let inBraces = false;
  for (const char of glob) {
    if (char === '*') pattern += '.*';
    else if (char === '?') pattern += '.';
    else if (char === '{') {
      pattern += '(?:';
      inBraces = true;
    } else if (char === '}' && inBraces) {
      pattern += ')';
      inBraces = false;
    } else if (char === ',' && inBraces) pattern += '|';
    else pattern += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}
