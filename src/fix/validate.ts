import { isAlias, isMap, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { AliasBudgetExceeded, flattenDocuments, sameLeafValue, type FlatFile, type Leaf } from '../keys/flatten.js';
import { forbiddenCredential, forbiddenCredentialCount, whitelistEntryOf, type CopyPolicy } from './policy.js';
import { freshReader, type TextReader } from './reader.js';

export interface Baseline {
  source: FlatFile;
  before: FlatFile;
  beforeText: string;
  policy: CopyPolicy;
}

export type Verdict = { ok: true; flat: FlatFile } | { ok: false; reason: string; keyPath?: string };

/**
 * The guarantee checked on every text the fixer would write, whatever the planner did: it parses;
 * every whitelisted key is there exactly as before (same value, same bytes) and none was added;
 * every other key either kept its value or took the source's; nothing appears that neither side
 * had; no forbidden credential arrives. A candidate that fails is never written. ('progress' is
 * the per-pass check of a multi-pass run, see fix-file.ts.)
 */
export function validateCandidate(baseline: Baseline, afterText: string, mode: 'strict' | 'progress' = 'strict', reader: TextReader = freshReader): Verdict {
  // Raw text, comments included: a copied comment must not carry a credential in either.
  if (forbiddenCredentialCount(baseline.policy, afterText) > forbiddenCredentialCount(baseline.policy, baseline.beforeText)) {
    return { ok: false, reason: baseline.policy.targetLive ? 'a test credential (in a value or a comment) would arrive in a live environment' : 'a live credential (in a value or a comment) would arrive in a non-live environment' };
  }
  const parsed = reader.parsed(afterText);
  if (parsed.problems.length > 0) return { ok: false, reason: `the result would not parse (${parsed.problems[0].message})` };
  const fix = reader.fix(afterText);
  if (!fix) return { ok: false, reason: 'the result would not parse' };
  if (fix.documents.some((doc) => hasUnresolvedAlias(doc, doc.contents as YamlNode | null))) return { ok: false, reason: 'the result would hold an alias without its anchor' };
  let after: FlatFile;
  try {
    after = flattenDocuments(parsed.documents, baseline.policy.identities);
  } catch (error) {
    if (error instanceof AliasBudgetExceeded) return { ok: false, reason: error.message };
    throw error;
  }
  const keyPaths = new Set([...baseline.before.leaves.keys(), ...after.leaves.keys()]);
  for (const keyPath of keyPaths) {
    const before = baseline.before.leaves.get(keyPath);
    const now = after.leaves.get(keyPath);
    const source = baseline.source.leaves.get(keyPath);
    const segments = (now ?? before)!.segments;
    if (whitelistEntryOf(baseline.policy, segments)) {
      if (!before !== !now) return { ok: false, reason: `the whitelisted ${keyPath} would be ${now ? 'added' : 'removed'}`, keyPath };
      if (before && now && !sameWhitelisted(baseline.beforeText, before, afterText, now)) return { ok: false, reason: `the whitelisted ${keyPath} would change`, keyPath };
      continue;
    }
    if (!now) {
      if (before && source) return { ok: false, reason: `${keyPath} would be removed although the source has it`, keyPath };
      continue;
    }
    if (before && sameLeafValue(before.value, now.value)) continue;
    const credential = forbiddenCredential(baseline.policy, now.value);
    if (credential) return { ok: false, reason: credential, keyPath };
    if (source && sameLeafValue(source.value, now.value)) continue;
    // Between passes a drifting key may hold its anchor's new value until its own override lands;
    // the whole run is checked strictly against the original at the end.
    if (mode === 'progress' && before && source && !sameLeafValue(before.value, source.value)) continue;
    return { ok: false, reason: `${keyPath} would get a value that is neither the target's nor the source's`, keyPath };
  }
  return { ok: true, flat: after };
}

function sameWhitelisted(beforeText: string, before: Leaf, afterText: string, now: Leaf): boolean {
  if (!sameLeafValue(before.value, now.value)) return false;
  if (before.shared || now.shared) return true;
  return beforeText.slice(before.node.start, before.node.end) === afterText.slice(now.node.start, now.node.end);
}

function hasUnresolvedAlias(doc: Document, node: YamlNode | null | undefined): boolean {
  if (node === null || node === undefined) return false;
  if (isAlias(node)) return node.resolve(doc) === undefined;
  if (isMap(node)) return node.items.some((pair) => hasUnresolvedAlias(doc, pair.key as YamlNode | null) || hasUnresolvedAlias(doc, pair.value as YamlNode | null));
  if (isSeq(node)) return node.items.some((item) => hasUnresolvedAlias(doc, item as YamlNode));
  return false;
}
