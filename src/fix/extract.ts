import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { childCursor, forbiddenCredential, itemCursor, keyPathOf, whitelistEntryOf, type CopyPolicy, type Omitted, type PathCursor } from './policy.js';
import type { ScalarSource } from './scalar-text.js';
import { entriesOf, fieldText, resolveNode } from './yaml-view.js';

/**
 * A source subtree reduced to what may be copied into the target: aliases and merges followed,
 * whitelisted keys and forbidden credentials left out (and recorded). Fresh rendering reads it.
 */
export type Plain =
  | { kind: 'scalar'; source: ScalarSource }
  | { kind: 'map'; entries: Array<{ key: string; keyRaw?: string; value: Plain }> }
  | { kind: 'seq'; items: Plain[] };

export interface SourceSide {
  doc: Document;
  text: string;
}

/** undefined when nothing of the subtree may be copied (everything in it was left out). */
export function extractPlain(written: YamlNode | null, side: SourceSide, cursor: PathCursor, policy: CopyPolicy, omitted: Omitted[]): Plain | undefined {
  const node = resolveNode(written, side.doc);
  if (node === null || isScalar(node)) {
    const value = node === null ? null : (node.value as ScalarSource['value']);
    const reason = forbiddenCredential(policy, value);
    if (reason) {
      omitted.push({ keyPath: keyPathOf(cursor), reason: 'credential', detail: reason });
      return undefined;
    }
    return { kind: 'scalar', source: scalarSource(node, side.text) };
  }
  if (isMap(node)) {
    const entries = entriesOf(node, side.doc);
    const kept: Array<{ key: string; keyRaw?: string; value: Plain }> = [];
    for (const entry of entries) {
      const child = childCursor(cursor, entry.key);
      const whitelistEntry = whitelistEntryOf(policy, child.segments);
      if (whitelistEntry) {
        omitted.push({ keyPath: keyPathOf(child), reason: 'whitelisted', detail: whitelistEntry.reason, entryKey: whitelistEntry.key });
        continue;
      }
      const value = extractPlain(entry.value, side, child, policy, omitted);
      if (value) kept.push({ key: entry.key, keyRaw: rawKey(entry.pair.key as YamlNode | null, side.text), value });
    }
    return entries.length > 0 && kept.length === 0 ? undefined : { kind: 'map', entries: kept };
  }
  if (isSeq(node)) {
    const items = node.items as YamlNode[];
    const kept: Plain[] = [];
    items.forEach((item, index) => {
      const resolved = resolveNode(item, side.doc);
      const child = itemCursor(cursor, policy, index, (field) => fieldText(resolved, field, side.doc));
      const whitelistEntry = whitelistEntryOf(policy, child.segments);
      if (whitelistEntry) {
        omitted.push({ keyPath: keyPathOf(child), reason: 'whitelisted', detail: whitelistEntry.reason, entryKey: whitelistEntry.key });
        return;
      }
      const value = extractPlain(item, side, child, policy, omitted);
      if (value) kept.push(value);
    });
    return items.length > 0 && kept.length === 0 ? undefined : { kind: 'seq', items: kept };
  }
  return undefined;
}

export function scalarSource(node: YamlNode | null, text: string): ScalarSource {
  if (!isScalar(node)) return { value: null };
  const [start, end] = node.range ?? [0, 0];
  const raw = text.slice(start, end);
  return { value: node.value as ScalarSource['value'], raw: raw === '' ? undefined : raw, type: node.type };
}

function rawKey(key: YamlNode | null, text: string): string | undefined {
  if (!isScalar(key) || !key.range) return undefined;
  const raw = text.slice(key.range[0], key.range[1]);
  return raw.includes('\n') || raw === '' ? undefined : raw;
}
