import type { LintResult } from '../lint.js';

export interface FormatContext {
  color: boolean;
  quiet: boolean;
  showExpected: boolean;
  maxWarnings: number;
}

/** A formatter is pure: the result in, the text out. It never prints and never reads files. */
export type Formatter = (result: LintResult, context: FormatContext) => string;
