import type { Alias, Document, Node as YamlNode } from 'yaml';
import { isAlias, visit } from './yaml-lazy.js';

/**
 * Every alias of a document mapped to the node it refers to: the last node with that anchor
 * before the alias, as YAML defines it. One pass over the document; `Alias.resolve` walks the
 * whole document for each alias, which makes a file with many aliases quadratic.
 */
export function aliasTargets(doc: Document): Map<Alias, YamlNode> {
  const targets = new Map<Alias, YamlNode>();
  const anchored = new Map<string, YamlNode>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target) targets.set(node, target);
        return;
      }
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) anchored.set(anchor, node);
    },
  });
  return targets;
}
