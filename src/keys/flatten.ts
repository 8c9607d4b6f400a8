import { MAX_ALIAS_EXPANSION } from '../read/limits.js';
import type { ScalarValue, TreeNode } from '../read/tree.js';
import { formatKeyPath, formatName, formatSelector, type ItemSelector, type KeySegment } from './keyPath.js';
import { DOCUMENTS_PATH, documentIdentity, joinGeneric, scalarField } from './identity.js';

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

// The reader refuses alias bombs before any walk; this budget is the same limit, kept as a backstop.
export { MAX_ALIAS_EXPANSION };

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

/** A key path met while flattening a file, with its segments; shared by the file's environments. */
interface PathNode {
  keyPath: string;
  segments: KeySegment[];
  genericPath: string;
  byKey?: Map<string, PathNode>;
  bySelector?: Map<string, PathNode>;
}

/**
 * The key paths of one file, as a trie walked by every environment: an environment that meets a
 * path another already met reuses its string and segments (no text built, nothing new kept),
 * which is most of a large repository's memory and garbage.
 */
export class KeyPathTable {
  private readonly roots = new Map<string, PathNode>();

  root(segments: KeySegment[]): PathNode {
    const keyPath = formatKeyPath(segments);
    let node = this.roots.get(keyPath);
    if (!node) {
      node = { keyPath, segments, genericPath: '' };
      this.roots.set(keyPath, node);
    }
    return node;
  }

  /** The path of a map entry below `parent`. */
  key(parent: PathNode, key: string): PathNode {
    parent.byKey ??= new Map();
    let node = parent.byKey.get(key);
    if (!node) {
      const name = formatName(key);
      node = {
        keyPath: parent.segments.length === 0 ? name : `${parent.keyPath}.${name}`,
        segments: [...parent.segments, { name: key, items: [] }],
        genericPath: joinGeneric(parent.genericPath, key),
      };
      parent.byKey.set(key, node);
    }
    return node;
  }

  /** The path of an array element below `parent`. */
  element(parent: PathNode, selector: ItemSelector): PathNode {
    parent.bySelector ??= new Map();
    const text = formatSelector(selector);
    let node = parent.bySelector.get(text);
    if (!node) {
      node = { keyPath: parent.keyPath + text, segments: withSelector(parent.segments, selector), genericPath: `${parent.genericPath}[]` };
      parent.bySelector.set(text, node);
    }
    return node;
  }
}

/**
 * Lists every leaf of a file under its key path, with array elements named by identity. Pass the
 * same `paths` table for every environment of a file (see KeyPathTable).
 */
export function flattenDocuments(
  documents: readonly TreeNode[],
  identities: ReadonlyMap<string, string | undefined>,
  paths: KeyPathTable = new KeyPathTable(),
): FlatFile {
  const flat: FlatFile = { leaves: new Map(), containers: new Map() };
  let aliasBudget = MAX_ALIAS_EXPANSION;

  const visit = (node: TreeNode, path: PathNode, offset: number, shared: boolean) => {
    const isShared = shared || node.aliased === true;
    if (isShared && --aliasBudget < 0) throw new AliasBudgetExceeded(offset);
    const { keyPath, segments } = path;
    if (node.kind === 'scalar') {
      flat.leaves.set(keyPath, { segments, keyPath, value: node.value, node, offset, shared: isShared });
      return;
    }
    if (node.kind === 'map' ? node.entries.length === 0 : node.items.length === 0) {
      flat.leaves.set(keyPath, { segments, keyPath, value: { empty: node.kind }, node, offset, shared: isShared });
      return;
    }
    flat.containers.set(keyPath, { segments, node, offset });
    if (node.kind === 'map') {
      for (const entry of node.entries) visit(entry.value, paths.key(path, entry.key), entry.keyStart, isShared || entry.merged);
      return;
    }
    const identityField = identities.get(path.genericPath);
    node.items.forEach((item, index) => {
      const selector: ItemSelector = identityField ? { field: identityField, value: scalarField(item, identityField) ?? index } : { value: index };
      visit(item, paths.element(path, selector), item.start, isShared);
    });
  };

  const streamIdentity = identities.has(DOCUMENTS_PATH);
  if (!streamIdentity) {
    if (documents[0]) visit(documents[0], paths.root([]), documents[0].start, false);
    return flat;
  }
  const byKubernetesName = identities.get(DOCUMENTS_PATH) !== undefined;
  documents.forEach((document, index) => {
    const selector: ItemSelector = { value: (byKubernetesName && documentIdentity(document)) || index };
    visit(document, paths.root([{ name: '', items: [selector] }]), document.start, false);
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
