import { parseConfigText } from '../read/parse.js';
import type { ParsedFile } from '../read/tree.js';
import { parseForFix, type FixDoc } from './yaml-view.js';

/**
 * Both readings of a text, remembered: a fix run reads the same target text many times (to
 * plan, to choose array identities, to check), and parsing is what it spends its time on.
 */
export interface TextReader {
  parsed(text: string): ParsedFile;
  fix(text: string): FixDoc | undefined;
}

export function cachingReader(): TextReader {
  const parsed = new Map<string, ParsedFile>();
  const fixed = new Map<string, FixDoc | undefined>();
  return {
    parsed(text) {
      if (!parsed.has(text)) parsed.set(text, parseConfigText(text));
      return parsed.get(text)!;
    },
    fix(text) {
      if (!fixed.has(text)) fixed.set(text, parseForFix(text));
      return fixed.get(text);
    },
  };
}

export const freshReader: TextReader = { parsed: parseConfigText, fix: parseForFix };
