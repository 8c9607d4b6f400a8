import type { CST, Document, LineCounter } from 'yaml';
import { Composer, Lexer, Parser } from './yaml-lazy.js';
import type { ParseProblem, TreeNode } from './tree.js';

/**
 * Hostile-input limits, checked before anything walks a file recursively. Real config files nest
 * a few dozen levels and expand aliases to a few thousand nodes; these are far above that and
 * far below what exhausts the stack or the heap.
 */
export const MAX_NESTING_DEPTH = 200;
/** Aliases may expand to at most this many nodes per file: a billion-laughs file stops here. */
export const MAX_ALIAS_EXPANSION = 100_000;
const LEXER_CHECK_THRESHOLD = 5_000;

/**
 * `parseAllDocuments`, with the nesting depth checked on the token tree between parsing and
 * composing: the composer recurses, and a few thousand nested `[` can abort the whole process
 * (not just throw) when V8 runs out of stack inside a regular expression.
 */
export function composeDocuments(text: string, lineCounter: LineCounter, options: ConstructorParameters<typeof Composer>[0]): { documents: Document[]; tooDeep?: ParseProblem } {
  const tooDeepToTokenize = mayNestTooDeep(text) ? lexicalNestingProblem(text) : undefined;
  if (tooDeepToTokenize) return { documents: [], tooDeep: tooDeepToTokenize };
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeep = nestingProblem(tokens);
  if (tooDeep) return { documents: [], tooDeep };
  return { documents: [...new Composer(options).compose(tokens)] as Document[] };
}

/**
 * A cheap character scan: nesting deeper than `limit` needs more flow openers (`[`, `{`) than
 * that, or a line starting with a longer run of spaces and block indicators (`-`, `?`). The token
 * tree handles a few thousand levels in a few megabytes, so only beyond that is the lexer run.
 */
function mayNestTooDeep(text: string, limit = LEXER_CHECK_THRESHOLD): boolean {
  let flowOpeners = 0;
  let lineStartRun = 0;
  let atLineStart = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code === 0x5b || code === 0x7b) && ++flowOpeners > limit) return true;
    if (code === 0x0a) {
      atLineStart = true;
      lineStartRun = 0;
    } else if (atLineStart) {
      const isRunChar = code === 0x20 || code === 0x09 || code === 0x2d || code === 0x3f;
      if (isRunChar && ++lineStartRun > limit) return true;
      if (!isRunChar) atLineStart = false;
    }
  }
  return false;
}

/**
 * Before the token tree is built (about a kilobyte per nesting level: a few megabytes of `[` would
 * exhaust the heap), the streaming lexer finds what certainly nests too deep: flow depth exactly,
 * plus the compact block indicators (`- - ? x`) opening a line, each of which opens a collection.
 * Deep nesting by indentation alone needs quadratic text, so the token tree check catches it.
 */
function lexicalNestingProblem(text: string, limit = MAX_NESTING_DEPTH): ParseProblem | undefined {
  let flowDepth = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') flowDepth++;
    else if (token === ']' || token === '}') flowDepth = Math.max(0, flowDepth - 1);
    if (token === '\n' || token === '\r\n') {
      atLineStart = true;
      lineIndicators = 0;
    } else if (atLineStart && (token === '-' || token === '?')) lineIndicators++;
    else if (atLineStart && token.trim() !== '') atLineStart = false;
    if (flowDepth + lineIndicators > limit) return { message: `nested more than ${limit} levels deep`, offset };
    // The lexer's one-character control tokens (document start, scalar follows, flow end) are not in the text.
    if (!(token.length === 1 && token < ' ' && token !== '\t' && token !== '\n')) offset += token.length;
  }
  return undefined;
}

/** The first token nested deeper than the limit, found without recursion. */
export function nestingProblem(tokens: readonly CST.Token[], limit = MAX_NESTING_DEPTH): ParseProblem | undefined {
  const stack: CST.Token[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  for (let token = stack.pop(); token; token = stack.pop()) {
    const depth = depths.pop() ?? 0;
    if (depth > limit) return { message: `nested more than ${limit} levels deep`, offset: token.offset };
    if (token.type === 'document' && token.value) {
      stack.push(token.value);
      depths.push(depth + 1);
    } else if (token.type === 'block-seq' || token.type === 'block-map' || token.type === 'flow-collection') {
      for (const item of token.items) {
        // Block sequence items have no key; a complex mapping key can itself be a collection.
        const key = 'key' in item ? item.key : undefined;
        if (key) {
          stack.push(key);
          depths.push(depth + 1);
        }
        if (item.value) {
          stack.push(item.value);
          depths.push(depth + 1);
        }
      }
    }
  }
  return undefined;
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
