import type { WhitelistEntry } from '../config/resolve.js';
import { findWhitelistEntry } from '../compare/snapshot.js';
import { joinGeneric } from '../keys/identity.js';
import { formatKeyPath, type ItemSelector, type KeySegment } from '../keys/keyPath.js';
import { findCredentials } from '../secrets/credentials.js';
import type { ScalarValue } from './scalar-text.js';

/*
 * What may not travel from the source into this target: whitelisted keys (never promoted) and
 * credentials of the wrong kind for the target (a test key into a live environment, a live key
 * out of one), found exactly as the test-secret / live-secret rules find them.
 */

export interface CopyPolicy {
  whitelist: readonly WhitelistEntry[];
  targetLive: boolean;
  identities: ReadonlyMap<string, string | undefined>;
}

export interface Omitted {
  keyPath: string;
  reason: 'whitelisted' | 'credential';
  detail: string;
  /** the whitelist entry's key pattern, for a whitelisted key */
  entryKey?: string;
}

export function whitelistEntryOf(policy: CopyPolicy, segments: readonly KeySegment[]): WhitelistEntry | undefined {
  return findWhitelistEntry(policy.whitelist, segments);
}

/** Why this value may not be copied into the target, or undefined when it may. */
export function forbiddenCredential(policy: CopyPolicy, value: ScalarValue | unknown): string | undefined {
  if (typeof value !== 'string' || forbiddenCredentialCount(policy, value) === 0) return undefined;
  return policy.targetLive ? 'a test credential is never copied into a live environment' : 'a live credential is never copied out of a live environment';
}

/** Credentials of the forbidden kind in a text, comments included (the rules scan raw text too). */
export function forbiddenCredentialCount(policy: Pick<CopyPolicy, 'targetLive'>, text: string): number {
  return findCredentials(text, policy.targetLive ? 'test' : 'live').length;
}

/** A position in the key space while walking a subtree: the key path and the generic array path. */
export interface PathCursor {
  segments: KeySegment[];
  generic: string;
}

export const ROOT_CURSOR: PathCursor = { segments: [], generic: '' };

export function childCursor(cursor: PathCursor, key: string): PathCursor {
  return { segments: [...cursor.segments, { name: key, items: [] }], generic: joinGeneric(cursor.generic, key) };
}

/** An array element's cursor, named the way flattenDocuments names it (identity field or index). */
export function itemCursor(cursor: PathCursor, policy: CopyPolicy, index: number, fieldOf: (field: string) => string | undefined): PathCursor {
  const field = policy.identities.get(cursor.generic);
  const selector: ItemSelector = field ? { field, value: fieldOf(field) ?? index } : { value: index };
  const last = cursor.segments[cursor.segments.length - 1];
  const segments = last ? [...cursor.segments.slice(0, -1), { name: last.name, items: [...last.items, selector] }] : [{ name: '', items: [selector] }];
  return { segments, generic: `${cursor.generic}[]` };
}

/** The cursor of a key path; in a document stream the first selector names the document, not an array element. */
export function cursorFor(segments: readonly KeySegment[], isStream: boolean): PathCursor {
  let generic = '';
  segments.forEach((segment, index) => {
    const isRootSelector = index === 0 && segment.name === '' && segment.items.length > 0;
    if (!isRootSelector) generic = joinGeneric(generic, segment.name);
    const selectors = isRootSelector && isStream ? segment.items.length - 1 : segment.items.length;
    generic += '[]'.repeat(selectors);
  });
  return { segments: [...segments], generic };
}

export function keyPathOf(cursor: PathCursor): string {
  return formatKeyPath(cursor.segments);
}
