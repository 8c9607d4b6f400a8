import type { Node as YamlNode } from 'yaml';
import { parseDocument, LineCounter, isMap, isSeq } from '../read/yaml-lazy.js';

/**
 * The 1-based line and column of a JSON pointer (`/whitelist/3/key`) in a JSON or YAML config
 * text: the deepest node that exists on the way, so a missing property points at its parent.
 */
export function locatePointer(text: string, pointer: string): { line: number; column: number } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  let node = document.contents as YamlNode | null;
  let offset = node?.range?.[0] ?? 0;
  for (const rawSegment of pointer.split('/').slice(1)) {
    const segment = rawSegment.replaceAll('~1', '/').replaceAll('~0', '~');
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === segment);
      if (!pair) break;
      offset = (pair.key as YamlNode).range?.[0] ?? offset;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)] as YamlNode | null;
      offset = node?.range?.[0] ?? offset;
    } else break;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
