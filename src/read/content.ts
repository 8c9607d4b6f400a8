import { lineIndex } from './line-index.js';
import type { ParsedFile, ParseProblem, TreeNode } from './tree.js';

/**
 * Content checks that need no YAML parser: a binary file is refused before the parser spends
 * time on it (and before its bytes end up in a message).
 */
export function binaryProblem(text: string): ParseProblem | undefined {
  const offset = text.indexOf('\0');
  return offset === -1 ? undefined : { message: 'contains a NUL byte: a binary file, not YAML or JSON text', offset };
}

/** A service config file holds mappings (or lists); a document that is one bare value holds no keys to compare. */
export function scalarDocumentProblems(documents: readonly TreeNode[]): ParseProblem[] {
  return documents
    .filter((document) => document.kind === 'scalar')
    .map((document) => ({ message: 'the document is a single value, not a mapping or a list of keys', offset: document.start }));
}

/** A ParsedFile with no documents, for text that was refused before parsing: it still turns offsets into lines. */
export function unparsedFile(text: string, problems: ParseProblem[]): ParsedFile {
  return { documents: [], problems, position: lineIndex(text) };
}

/** A garbled file can produce thousands of errors; the first few locate it, the rest are noise. */
export const MAX_PROBLEMS_PER_FILE = 10;

export function firstProblems(problems: readonly ParseProblem[]): ParseProblem[] {
  const sorted = [...problems].sort((left, right) => left.offset - right.offset);
  if (sorted.length <= MAX_PROBLEMS_PER_FILE) return sorted;
  const more = sorted.length - MAX_PROBLEMS_PER_FILE;
  return [...sorted.slice(0, MAX_PROBLEMS_PER_FILE), { message: `${more} more problem${more === 1 ? '' : 's'} in this file not shown`, offset: sorted[MAX_PROBLEMS_PER_FILE].offset }];
}
