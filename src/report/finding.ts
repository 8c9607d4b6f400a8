/** The one shape every rule produces and every formatter reads. Its JSON field names are public. */
export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  ruleId: string;
  severity: FindingSeverity;
  service: string;
  env: string;
  /** dotted key path; '' when the finding is about a whole file */
  key: string;
  /** relative to the repository root, forward slashes */
  file: string;
  /** 1-based; 0 when there is no place in a file (a missing file, the built-in defaults) */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable: boolean;
}

/** A change of a whitelisted value that `--allow` / PROMOTE_LINT_ALLOW permitted: listed, not counted. */
export interface AllowedChange {
  service: string;
  env: string;
  key: string;
  file: string;
  line: number;
  column: number;
  message: string;
  /** the pattern that allowed it */
  allowedBy: string;
}

export interface Summary {
  different: number;
  expected: number;
  missing: number;
  errors: number;
  warnings: number;
}

export function compareFindings(left: Finding, right: Finding): number {
  return left.file.localeCompare(right.file) || left.line - right.line || left.column - right.column || left.ruleId.localeCompare(right.ruleId);
}
