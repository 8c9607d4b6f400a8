import { sameLeafValue, type FlatFile, type LeafValue } from '../keys/flatten.js';
import { ancestorPaths, formatKeyPath, type KeySegment } from '../keys/keyPath.js';

/**
 * What has to happen to one key of the target, found the way the drift and missing-key rules
 * find it (same key paths, same array identities):
 * - drift: a value differs; replace: one side is a collection where the other is not;
 * - missing: the source has it, the target lacks it (the topmost missing ancestor);
 * - extra: only the target has it (the topmost such ancestor): removed with --prune;
 * - array: a list of scalars that differs: synced as a whole, element by element.
 */
export type TaskKind = 'drift' | 'replace' | 'missing' | 'extra' | 'array';

export interface Task {
  kind: TaskKind;
  segments: KeySegment[];
  keyPath: string;
}

export function findTasks(source: FlatFile, target: FlatFile, isWhitelisted: (segments: readonly KeySegment[]) => boolean): Task[] {
  const tasks = new Map<string, Task>();
  const add = (kind: TaskKind, segments: KeySegment[]) => {
    const keyPath = formatKeyPath(segments);
    if (!tasks.has(`${kind} ${keyPath}`)) tasks.set(`${kind} ${keyPath}`, { kind, segments, keyPath });
  };
  const addForElement = (kind: 'drift' | 'missing' | 'extra', segments: KeySegment[]) => {
    const array = scalarArrayOf(segments, source, target);
    if (array) add('array', array);
    else add(kind, segments);
  };
  for (const leaf of source.leaves.values()) {
    if (isWhitelisted(leaf.segments)) continue;
    const targetLeaf = target.leaves.get(leaf.keyPath);
    if (targetLeaf) {
      if (!sameLeafValue(leaf.value, targetLeaf.value)) addForElement('drift', leaf.segments);
      continue;
    }
    for (const ancestor of [...ancestorPaths(leaf.segments), leaf.segments]) {
      const keyPath = formatKeyPath(ancestor);
      const isSelf = ancestor === leaf.segments;
      const targetContainer = target.containers.get(keyPath);
      if (targetContainer) {
        if (isSelf && !isEmptyOf(leaf.value, targetContainer.node.kind)) add('replace', ancestor);
        if (isSelf) break;
        // A mapping on one side and a list on the other: the whole value is replaced.
        if (source.containers.get(keyPath)?.node.kind !== targetContainer.node.kind) {
          add('replace', ancestor);
          break;
        }
        continue;
      }
      const targetOwnLeaf = target.leaves.get(keyPath);
      if (targetOwnLeaf) {
        const sourceContainer = source.containers.get(keyPath);
        if (sourceContainer && isEmptyOf(targetOwnLeaf.value, sourceContainer.node.kind)) continue;
        add('replace', ancestor);
        break;
      }
      addForElement('missing', ancestor);
      break;
    }
  }
  for (const leaf of target.leaves.values()) {
    if (isWhitelisted(leaf.segments) || source.leaves.has(leaf.keyPath)) continue;
    for (const ancestor of [...ancestorPaths(leaf.segments), leaf.segments]) {
      const keyPath = formatKeyPath(ancestor);
      const isSelf = ancestor === leaf.segments;
      const sourceContainer = source.containers.get(keyPath);
      if (sourceContainer) {
        if (isSelf || target.containers.get(keyPath)?.node.kind !== sourceContainer.node.kind) break;
        continue;
      }
      const sourceOwnLeaf = source.leaves.get(keyPath);
      if (sourceOwnLeaf) {
        const targetContainer = target.containers.get(keyPath);
        if (targetContainer && isEmptyOf(sourceOwnLeaf.value, targetContainer.node.kind)) continue;
        break;
      }
      addForElement('extra', ancestor);
      break;
    }
  }
  return [...tasks.values()];
}

function isEmptyOf(value: LeafValue, kind: string): boolean {
  return typeof value === 'object' && value !== null && value.empty === kind;
}

/** The path of the list of scalars an element belongs to, when it is positional on both sides. */
function scalarArrayOf(segments: readonly KeySegment[], source: FlatFile, target: FlatFile): KeySegment[] | undefined {
  const last = segments[segments.length - 1];
  const selector = last?.items[last.items.length - 1];
  if (!last || !selector || selector.field !== undefined) return undefined;
  const array = [...segments.slice(0, -1), { name: last.name, items: last.items.slice(0, -1) }];
  if (array.length === 1 && array[0].name === '' && array[0].items.length === 0) return undefined;
  const keyPath = formatKeyPath(array);
  return isScalarList(source, keyPath) && isScalarList(target, keyPath) ? array : undefined;
}

function isScalarList(flat: FlatFile, keyPath: string): boolean {
  const container = flat.containers.get(keyPath);
  if (container) return container.node.kind === 'seq' && container.node.items.every((item) => item.kind === 'scalar');
  const leaf = flat.leaves.get(keyPath);
  return leaf !== undefined && isEmptyOf(leaf.value, 'seq');
}
