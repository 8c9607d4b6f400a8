import type { Node as YamlNode, Pair } from 'yaml';
import { flowSpan } from './layout.js';
import { columnOf, indentAt, lineStart, spaces } from './lines.js';
import type { PlanContext } from './plan-context.js';

/** Where a new member goes: after or before an existing one (by its index), or at the end. */
export type Placement = { where: 'after' | 'before'; index: number } | { where: 'end' };

/** JSON written into a multi-line object or array is pretty-printed at its siblings' column. */
export function flowOptions(context: PlanContext, container: YamlNode, items: Array<Pair | YamlNode>) {
  const text = context.target.text;
  const [start, end] = container.range ?? [0, 0];
  if (!context.json || !text.slice(start, end).includes('\n')) return { json: context.json };
  const unit = context.target.style.unit;
  const column = items.length > 0 ? columnOf(text, flowSpan(text, items[0])[0]) : indentAt(text, lineStart(text, start)) + unit;
  return { json: true, pretty: { column, unit } };
}

/** Inside `{...}` or `[...]`: after an entry, before one, or into an empty collection. */
export function flowInsert(context: PlanContext, container: YamlNode, items: Array<Pair | YamlNode>, placement: Placement, parts: string[], keyPath: string, override: boolean): void {
  if (parts.length === 0) return;
  const text = context.target.text;
  if (items.length === 0) {
    const open = container.range?.[0] ?? 0;
    context.edits.push({ range: [open + 1, open + 1], text: parts.join(', '), keyPath, override });
    return;
  }
  const firstStart = flowSpan(text, items[0])[0];
  const multiLine = lineStart(text, firstStart) !== lineStart(text, container.range?.[0] ?? 0);
  const separator = multiLine ? `,\n${spaces(columnOf(text, firstStart))}` : ', ';
  if (placement.where === 'before') {
    context.edits.push({ range: [flowSpan(text, items[placement.index])[0], flowSpan(text, items[placement.index])[0]], text: parts.join(separator) + separator, keyPath, override });
    return;
  }
  const after = flowSpan(text, items[placement.where === 'end' ? items.length - 1 : placement.index])[1];
  context.edits.push({ range: [after, after], text: separator + parts.join(separator), keyPath, override });
}

/** Groups new members by the existing neighbour they are inserted next to. */
export function groupByNeighbour(order: readonly string[], wanted: ReadonlySet<string>, existingIndex: (name: string) => number | undefined): Array<{ placement: Placement; members: string[] }> {
  const groups = new Map<string, { placement: Placement; members: string[] }>();
  order.forEach((name, index) => {
    if (!wanted.has(name)) return;
    let placement: Placement = { where: 'end' };
    const previous = order.slice(0, index).reverse().find((candidate) => !wanted.has(candidate) && existingIndex(candidate) !== undefined);
    if (previous !== undefined) placement = { where: 'after', index: existingIndex(previous)! };
    else {
      const next = order.slice(index + 1).find((candidate) => !wanted.has(candidate) && existingIndex(candidate) !== undefined);
      if (next !== undefined) placement = { where: 'before', index: existingIndex(next)! };
    }
    const id = JSON.stringify(placement);
    if (!groups.has(id)) groups.set(id, { placement, members: [] });
    groups.get(id)!.members.push(name);
  });
  return [...groups.values()];
}
