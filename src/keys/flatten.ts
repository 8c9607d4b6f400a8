import type { ScalarValue, TreeNode } from '../read/tree.js';
import { formatKeyPath, formatName, formatSelector, type ItemSelector, type KeySegment } from './keyPath.js';
import { DOCUMENTS_PATH, documentIdentity, joinGeneric, scalarFields } from './identity.js';

export type LeafValue = ScalarValue | { empty: 'map' | 'seq' };

export interface Leaf {
  segments: KeySegment[];
  keyPath: string;
  value: LeafValue;
  node: TreeNode;
  /** where a finding about this key points: the key of a map entry, or the array element */
  offset: number;
  /** the value is shared through an alias or a merge key: editing it here would change other keys */
  shared: boolean;
}

export interface Container {
  segments: KeySegment[];
  node: TreeNode;
  offset: number;
}

export interface FlatFile {
  leaves: Map<string, Leaf>;
  containers: Map<string, Container>;
}

/** Aliases may expand to at most this many nodes per file: a billion-laughs file stops here. */
export const MAX_ALIAS_EXPANSION = 100_000;

export class AliasBudgetExceeded extends Error {
  constructor(readonly offset: number) {
    super(`aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?)`);
  }
}

/**
 * Throws AliasBudgetExceeded when the documents, with every alias and merge key followed, would
 * expand past the budget. Run before anything walks the expanded tree (choosing array identities
 * walks it too), so that a billion-laughs file is refused in milliseconds, not minutes.
 */
export function checkAliasBudget(documents: readonly TreeNode[]): void {
  let aliasBudget = MAX_ALIAS_EXPANSION;
  const visit = (node: TreeNode, offset: number, shared: boolean): void => {
    const isShared = shared || node.aliased === true;
    if (isShared && --aliasBudget < 0) throw new AliasBudgetExceeded(offset);
    if (node.kind === 'map') for (const entry of node.entries) visit(entry.value, entry.keyStart, isShared || entry.merged);
    else if (node.kind === 'seq') for (const item of node.items) visit(item, item.start, isShared);
  };
  for (const document of documents) visit(document, document.start, false);
}

/**
 * Lists every leaf of a file under its key path, with array elements named by identity. Pass the
 * same `interned` map for every environment of a file: equal key paths then share one `segments`
 * array and one string, which is most of a large repository's memory.
 */
export function flattenDocuments(
  documents: readonly TreeNode[],
  identities: ReadonlyMap<string, string | undefined>,
  interned: Map<string, KeySegment[]> = new Map(),
): FlatFile {
  const flat: FlatFile = { leaves: new Map(), containers: new Map() };
  let aliasBudget = MAX_ALIAS_EXPANSION;
  // Key paths are built one segment at a time (formatKeyPath of the whole path is the same text).
  const intern = (keyPath: string, segments: KeySegment[]): KeySegment[] => {
    interned.set(keyPath, segments);
    return segments;
  };

  const visit = (node: TreeNode, segments: KeySegment[], keyPath: string, genericPath: string, offset: number, shared: boolean) => {
    const isShared = shared || node.aliased === true;
    if (isShared && --aliasBudget < 0) throw new AliasBudgetExceeded(offset);
    const isEmpty = node.kind === 'map' ? node.entries.length === 0 : node.kind === 'seq' ? node.items.length === 0 : false;
    if (node.kind === 'scalar' || isEmpty) {
      const value: LeafValue = node.kind === 'scalar' ? node.value : { empty: node.kind };
      flat.leaves.set(keyPath, { segments, keyPath, value, node, offset, shared: isShared });
      return;
    }
    flat.containers.set(keyPath, { segments, node, offset });
    if (node.kind === 'map') {
      for (const entry of node.entries) {
        const name = formatName(entry.key);
        const childPath = segments.length === 0 ? name : `${keyPath}.${name}`;
        const child = interned.get(childPath) ?? intern(childPath, [...segments, { name: entry.key, items: [] }]);
        visit(entry.value, child, childPath, joinGeneric(genericPath, entry.key), entry.keyStart, isShared || entry.merged);
      }
      return;
    }
    const identityField = identities.get(genericPath);
    node.items.forEach((item, index) => {
      const selector: ItemSelector = identityField
        ? { field: identityField, value: scalarFields(item)?.get(identityField) ?? index }
        : { value: index };
      const childPath = keyPath + formatSelector(selector);
      visit(item, interned.get(childPath) ?? intern(childPath, withSelector(segments, selector)), childPath, `${genericPath}[]`, item.start, isShared);
    });
  };

  const streamIdentity = identities.has(DOCUMENTS_PATH);
  if (!streamIdentity) {
    if (documents[0]) visit(documents[0], [], '', '', documents[0].start, false);
    return flat;
  }
  const byKubernetesName = identities.get(DOCUMENTS_PATH) !== undefined;
  documents.forEach((document, index) => {
    const selector: ItemSelector = { value: (byKubernetesName && documentIdentity(document)) || index };
    const segments = [{ name: '', items: [selector] }];
    visit(document, segments, formatKeyPath(segments), '', document.start, false);
  });
  return flat;
}

function withSelector(segments: KeySegment[], selector: ItemSelector): KeySegment[] {
  if (segments.length === 0) return [{ name: '', items: [selector] }];
  const last = segments[segments.length - 1];
  return [...segments.slice(0, -1), { name: last.name, items: [...last.items, selector] }];
}

export function sameLeafValue(left: LeafValue, right: LeafValue): boolean {
  if (typeof left === 'object' && left !== null && typeof right === 'object' && right !== null) return left.empty === right.empty;
  return left === right;
}
