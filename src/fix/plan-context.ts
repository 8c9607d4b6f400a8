import type { FlatFile } from '../keys/flatten.js';
import { ancestorPaths, formatKeyPath } from '../keys/keyPath.js';
import type { TextEdit } from './edits.js';
import type { SourceSide } from './extract.js';
import { whitelistEntryOf, type CopyPolicy, type Omitted } from './policy.js';
import type { BlockStyle } from './render-fresh.js';
import type { FixDoc } from './yaml-view.js';

/** One environment's copy of the file, read both ways: values (flat) and places (fix). */
export interface Side {
  text: string;
  fix: FixDoc;
  flat: FlatFile;
  style: BlockStyle;
}

export interface Blocked {
  keyPath: string;
  reason: string;
}

export interface PlanInput {
  policy: CopyPolicy;
  prune: boolean;
  isStream: boolean;
  /** the target is a JSON file: everything written is JSON */
  json: boolean;
  source: Side;
  target: Side;
}

export interface PlanContext extends PlanInput {
  edits: TextEdit[];
  blocked: Blocked[];
  omitted: Omitted[];
  /** work already planned this pass (an override covers many keys at once) */
  done: Set<string>;
}

export function block(context: PlanContext, keyPath: string, reason: string): void {
  if (!context.blocked.some((entry) => entry.keyPath === keyPath && entry.reason === reason)) context.blocked.push({ keyPath, reason });
}

export function sourceSideOf(context: PlanContext, doc: SourceSide['doc']): SourceSide {
  return { doc, text: context.source.text };
}

/** The first whitelisted key of the target at or below a key path: such a subtree is never rewritten. */
export function whitelistedUnder(context: PlanContext, keyPath: string): string | undefined {
  for (const leaf of context.target.flat.leaves.values()) {
    if (!whitelistEntryOf(context.policy, leaf.segments)) continue;
    if (leaf.keyPath === keyPath || ancestorPaths(leaf.segments).some((ancestor) => formatKeyPath(ancestor) === keyPath)) return leaf.keyPath;
  }
  return undefined;
}

/** Text inserted at the very end of a file that lacks a final newline goes after a new one. */
export function insertionText(text: string, offset: number, inserted: string): string {
  if (offset === text.length && text.length > 0 && !text.endsWith('\n')) return `\n${inserted.replace(/\n$/, '')}`;
  return inserted;
}
