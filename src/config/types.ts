/** The shape of `.promoterc.json`, as the schema allows it. */
export type Severity = 'off' | 'warn' | 'error';

export interface RawEnvironment {
  name: string;
  overlay?: string;
  live: boolean;
  argocdApp?: string;
  manualSync?: boolean;
}

export interface RawWhitelistEntry {
  key: string;
  reason: string;
  expect?: Record<string, string | number | boolean | null>;
  mustDiffer?: boolean;
}

export interface RawConfig {
  $schema?: string;
  root?: string;
  environments?: RawEnvironment[];
  promotion?: { configs?: { from: string; to: string[] }; images?: Array<[string, string]> };
  services?: Record<string, { files: string[]; category?: string }>;
  whitelist?: RawWhitelistEntry[];
  arrayKeys?: Record<string, string>;
  rules?: Record<string, Severity>;
}
