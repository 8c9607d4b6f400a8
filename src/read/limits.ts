import { Composer, Parser, type CST, type Document, type LineCounter } from 'yaml';
import type { ParseProblem, TreeNode } from './tree.js';

/**
 * Hostile-input limits, checked before anything walks a file recursively. Real config files nest
 * a few dozen levels and expand aliases to a few thousand nodes; these are far above that and
 * far below what exhausts the stack or the heap.
 */
export const MAX_NESTING_DEPTH = 200;
/** Aliases may expand to at most this many nodes per file: a billion-laughs file stops here. */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * `parseAllDocuments`, with the nesting depth checked on the token tree between parsing and
 * composing: the composer recurses, and a few thousand nested `[` can abort the whole process
 * (not just throw) when V8 runs out of stack inside a regular expression.
 */
export function composeDocuments(text: string, lineCounter: LineCounter, options: ConstructorParameters<typeof Composer>[0]): { documents: Document[]; tooDeep?: ParseProblem } {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeep = nestingProblem(tokens);
  if (tooDeep) return { documents: [], tooDeep };
  return { documents: [...new Composer(options).compose(tokens)] as Document[] };
}

/** The first token nested deeper than the limit, found without recursion. */
export function nestingProblem(tokens: readonly CST.Token[], limit = MAX_NESTING_DEPTH): ParseProblem | undefined {
  const stack = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.depth > limit) return { message: `nested more than ${limit} levels deep`, offset: next.token.offset };
    for (const child of childTokens(next.token)) stack.push({ token: child, depth: next.depth + 1 });
  }
  return undefined;
}

function childTokens(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-seq':
      return token.items.flatMap((item) => (item.value ? [item.value] : []));
    case 'block-map':
    case 'flow-collection':
      return token.items.flatMap((item) => [item.key, item.value].filter((child): child is CST.Token => child !== undefined && child !== null));
    default:
      return [];
  }
}

/**
 * How far aliases expand, counted on the shared tree without expanding it: each alias use costs
 * the size of what it points at. Sizes are memoised by the child list, which every alias copy of
 * a node shares, so a billion-laughs file costs a few hundred steps, not a billion.
 */
export function aliasExpansionProblem(documents: readonly TreeNode[], limit = MAX_ALIAS_EXPANSION): ParseProblem | undefined {
  const sizes = new Map<unknown, number>();
  let expansion = 0;
  // A stack popped in document order, so the problem is reported at the first alias over the limit.
  const skeleton = documents.map((node) => ({ node, offset: node.start })).reverse();
  for (let next = skeleton.pop(); next; next = skeleton.pop()) {
    const { node, offset } = next;
    if (node.aliased) {
      expansion += expandedSize(node, sizes, limit);
      if (expansion > limit) return { message: `aliases expand to more than ${limit} nodes (an alias bomb?)`, offset };
      continue;
    }
    if (node.kind === 'map') {
      for (let index = node.entries.length - 1; index >= 0; index--) skeleton.push({ node: node.entries[index].value, offset: node.entries[index].keyStart });
    }
    if (node.kind === 'seq') {
      for (let index = node.items.length - 1; index >= 0; index--) skeleton.push({ node: node.items[index], offset: node.items[index].aliased ? offset : node.items[index].start });
    }
  }
  return undefined;
}

function children(node: TreeNode): readonly TreeNode[] {
  if (node.kind === 'map') return node.entries.map((entry) => entry.value);
  return node.kind === 'seq' ? node.items : [];
}

function sizeKey(node: TreeNode): unknown {
  return node.kind === 'map' ? node.entries : node.kind === 'seq' ? node.items : undefined;
}

/** Post-order over the shared tree with an explicit stack: alias chains can be longer than the call stack. */
function expandedSize(root: TreeNode, sizes: Map<unknown, number>, limit: number): number {
  const sizeOf = (node: TreeNode) => (sizeKey(node) === undefined ? 1 : sizes.get(sizeKey(node)));
  const stack = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (sizeOf(node) !== undefined) {
      stack.pop();
      continue;
    }
    const pending = children(node).filter((child) => sizeOf(child) === undefined);
    if (pending.length > 0) {
      for (const child of pending) stack.push(child);
      continue;
    }
    // Capped so that a deep bomb stays a small number instead of growing towards Infinity.
    const total = children(node).reduce((sum, child) => sum + (sizeOf(child) ?? 0), 1);
    sizes.set(sizeKey(node), Math.min(total, limit + 1));
    stack.pop();
  }
  return sizeOf(root) ?? 1;
}
