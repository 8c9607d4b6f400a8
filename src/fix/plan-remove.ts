import type { Node as YamlNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { flowSpan, itemExtent, keyStart, pairExtent } from './layout.js';
import { startsLine } from './lines.js';
import { locate, shareBoundary } from './locate.js';
import { block, whitelistedUnder, type PlanContext } from './plan-context.js';
import { pushReplacing } from './plan-detach.js';
import { replaceValue } from './plan-values.js';
import { cursorFor, keyPathOf } from './policy.js';
import type { Task } from './tasks.js';
import { isFlowCollection, isMergePair } from './yaml-view.js';

/** A key only the target has: removed with --prune (an element of a positional list always goes). */
export function planExtra(context: PlanContext, task: Task): void {
  const last = task.segments[task.segments.length - 1];
  const positional = last?.items.length > 0 && last.items[last.items.length - 1].field === undefined && !(context.isStream && task.segments.length === 1 && last.items.length === 1);
  if (!positional && !context.prune) return;
  const targetSteps = locate(context.target.fix, task.segments, context.isStream);
  if (!targetSteps) return;
  if (shareBoundary(targetSteps) !== -1) return block(context, task.keyPath, 'only in the target, and reached through an alias or merge key: remove it by hand');
  const guarded = whitelistedUnder(context, task.keyPath);
  if (guarded) return block(context, task.keyPath, `only in the target, but holds the whitelisted ${guarded}: left in place`);
  const step = targetSteps[targetSteps.length - 1];
  const text = context.target.text;
  // Removing the last entry of a block collection would leave `key:` (null) where the source has
  // `{}` or `[]`: the collection is replaced by the source's empty one instead.
  const parentStep = targetSteps[targetSteps.length - 2];
  const parentPath = parentStep ? keyPathOf(cursorFor(parentStep.segments, context.isStream)) : undefined;
  const sourceParent = parentPath === undefined ? undefined : context.source.flat.leaves.get(parentPath);
  if (parentStep && step.kind !== 'document' && (step.container?.items.length ?? 0) === 1 && sourceParent && typeof sourceParent.value === 'object' && sourceParent.value !== null) {
    const sourceSteps = locate(context.source.fix, parentStep.segments, context.isStream);
    if (sourceSteps) return replaceValue(context, parentStep, sourceSteps[sourceSteps.length - 1]);
  }
  if (step.kind === 'document') {
    const documents = context.target.fix.documents;
    const index = documents.indexOf(step.doc);
    pushReplacing(context, { range: [step.doc.range?.[0] ?? 0, documents[index + 1]?.range?.[0] ?? text.length], text: '', keyPath: task.keyPath });
    return;
  }
  const container = step.container as YAMLMap | YAMLSeq;
  const members = container.items as Array<Pair | YamlNode>;
  const member = step.kind === 'entry' ? step.entry!.pair : (step.written as YamlNode);
  if (isFlowCollection(container) || context.json) {
    const index = members.indexOf(member);
    let range: [number, number];
    if (index > 0) range = [flowSpan(text, members[index - 1])[1], flowSpan(text, member)[1]];
    else if (members.length > 1) range = [flowSpan(text, member)[0], flowSpan(text, members[1])[0]];
    else range = flowSpan(text, member);
    pushReplacing(context, { range, text: '', keyPath: task.keyPath });
    return;
  }
  const extent = step.kind === 'entry' ? pairExtent(text, step.entry!.pair) : itemExtent(text, member as YamlNode);
  if (extent) {
    pushReplacing(context, { range: [extent.start, extent.end], text: '', keyPath: task.keyPath });
    return;
  }
  // The first key of a `- key:` element: the next key moves up onto the dash line.
  const pairs = (container.items as Pair[]).filter((pair) => !isMergePair(pair));
  const next = pairs[pairs.indexOf(member as Pair) + 1];
  if (step.kind === 'entry' && next && startsLine(text, keyStart(next))) {
    pushReplacing(context, { range: [keyStart(member as Pair), keyStart(next)], text: '', keyPath: task.keyPath });
  } else block(context, task.keyPath, 'cannot remove the only key of a list element');
}
