/**
 * A key path is a list of segments. A map key is its own segment; an array element belongs to
 * the segment of its key (`plans[id=pro]`), so whitelist patterns count it as part of that key.
 */
export interface ItemSelector {
  /** identity match `[id=pro]`, or position `[1]` when the array has no identity field */
  field?: string;
  value: string | number;
}

export interface KeySegment {
  /** the map key; '' for an element of a top-level array or document stream */
  name: string;
  items: ItemSelector[];
}

const PLAIN_NAME = /^[^.[\]"\s]+$/;

export function formatSegment(segment: KeySegment): string {
  return formatName(segment.name) + segment.items.map(formatSelector).join('');
}

/** A map key as it appears in a key path: bare when it can be, else "quoted". */
export function formatName(name: string): string {
  return name === '' || PLAIN_NAME.test(name) ? name : JSON.stringify(name);
}

export function formatSelector(selector: ItemSelector): string {
  if (selector.field === undefined) return `[${selector.value}]`;
  return `[${selector.field}=${selector.value}]`;
}

export function formatKeyPath(segments: readonly KeySegment[]): string {
  return segments.map(formatSegment).join('.');
}

/**
 * Splits a dotted key path or whitelist pattern into segment texts, honouring "quoted" names and
 * brackets, so `metadata.annotations."argocd.argoproj.io/sync-wave"` has three segments.
 */
export function splitKeyPath(text: string): string[] {
  const segments: string[] = [];
  let current = '';
  let quoted = false;
  let bracketDepth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      current += char;
      if (char === '\\') current += text[++index] ?? '';
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '[') bracketDepth++;
    else if (char === ']') bracketDepth = Math.max(0, bracketDepth - 1);
    else if (char === '.' && bracketDepth === 0) {
      segments.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  segments.push(current);
  return segments;
}

/** The name part of a segment text: `plans[id=pro]` → `plans`, `"a.b"` → `a.b`. */
export function segmentName(segmentText: string): string {
  if (segmentText.startsWith('"')) {
    const close = closingQuote(segmentText);
    try {
      return JSON.parse(segmentText.slice(0, close + 1)) as string;
    } catch {
      return segmentText.slice(1, close);
    }
  }
  const bracket = segmentText.indexOf('[');
  return bracket === -1 ? segmentText : segmentText.slice(0, bracket);
}

function closingQuote(text: string): number {
  for (let index = 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '"') return index;
  }
  return text.length - 1;
}

/**
 * Every proper ancestor of a key path, shortest first, counting each array selector as a step:
 * `a.plans[id=pro].x` → `a`, `a.plans`, `a.plans[id=pro]`.
 */
export function ancestorPaths(segments: readonly KeySegment[]): KeySegment[][] {
  const ancestors: KeySegment[][] = [];
  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    for (let itemCount = 0; itemCount <= segment.items.length; itemCount++) {
      if (isLast && itemCount === segment.items.length) break;
      if (segment.name === '' && itemCount === 0) continue;
      ancestors.push([...segments.slice(0, index), { name: segment.name, items: segment.items.slice(0, itemCount) }]);
    }
  });
  return ancestors;
}
