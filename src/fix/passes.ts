import type { ResolvedConfig } from '../config/resolve.js';
import type { ComparedFile } from '../compare/snapshot.js';
import { flattenDocuments, type FlatFile } from '../keys/flatten.js';
import { chooseArrayIdentities, DOCUMENTS_PATH } from '../keys/identity.js';
import type { ParsedFile, TreeNode } from '../read/tree.js';
import { createFromSource } from './create.js';
import { applyEdits, type TextEdit } from './edits.js';
import type { TargetOutcome, TargetState } from './fix-file.js';
import { detectFlowUnit, detectStyle } from './layout.js';
import type { Blocked } from './plan-context.js';
import { planSync, type Plan } from './plan.js';
import type { CopyPolicy, Omitted } from './policy.js';
import type { BlockStyle } from './render-fresh.js';
import { validateCandidate, type Baseline } from './validate.js';
import type { TextReader } from './reader.js';
import type { FixDoc } from './yaml-view.js';

/** Enough passes for overlapping edits and overrides behind anchors; more means a cycle. */
const MAX_PASSES = 10;

/** The source side of one service file, read once for all targets and passes. */
export interface FileRun {
  config: ResolvedConfig;
  file: ComparedFile;
  sourceName: string;
  sourceText: string;
  sourceParsed: ParsedFile;
  sourceFix: FixDoc;
  prune: boolean;
  states: TargetState[];
  reader: TextReader;
}

/** Array identities over every environment's current text, as the comparison would choose them. */
export function identitiesOf(run: FileRun): Map<string, string | undefined> {
  const documents: TreeNode[][] = [run.sourceParsed.documents];
  for (const [envName, envFile] of run.file.byEnv) {
    const state = run.states.find((candidate) => candidate.outcome.env.name === envName);
    if (state) documents.push(run.reader.parsed(state.text).documents);
    else if (envName !== run.sourceName && envFile.parsed && envFile.problems.length === 0) documents.push(envFile.parsed.documents);
  }
  return chooseArrayIdentities(documents, run.config.arrayKeys);
}

/**
 * Plans and applies edits pass after pass until nothing changes (or a text repeats: a cycle).
 * Each pass applies the direct edits first; overrides of values reached through an alias or a
 * merge key only when nothing else is left, so an anchor synced first can make them unneeded.
 */
export function runPasses(run: FileRun, mode: 'strict' | 'progress'): void {
  const { config, sourceText, sourceParsed, sourceFix } = run;
  // A target without the file, or with nothing but comments in it, gets the source's text.
  const empty = (state: TargetState) => state.outcome.created || (run.reader.parsed(state.text).documents.length === 0 && sourceParsed.documents.length > 0);
  for (const state of run.states.filter((candidate) => candidate.active && empty(candidate))) {
    const identities = identitiesOf(run);
    const created = createFromSource(config, state.outcome.env, sourceText, sourceFix, flattenDocuments(sourceParsed.documents, identities), identities);
    if ('text' in created) {
      state.text = state.text === '' || state.text.endsWith('\n') ? state.text + created.text : `${state.text}\n${created.text}`;
      state.seen.add(state.text);
      addOmitted(state.outcome, created.omitted);
    } else {
      state.outcome.blocked.push(created);
      state.active = false;
    }
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const identities = identitiesOf(run);
    const sourceFlat = flattenDocuments(sourceParsed.documents, identities);
    let progressed = false;
    for (const state of run.states.filter((candidate) => candidate.active)) {
      const { plan, baseline } = planFor(run, state, sourceFlat, identities);
      addOmitted(state.outcome, plan.omitted);
      for (const group of [plan.edits.filter((edit) => !edit.override), plan.edits.filter((edit) => edit.override)]) {
        if (group.length === 0) continue;
        const next = applyValidated(state.text, group, baseline, state.dropped, mode, run.reader);
        if (next === state.text) continue;
        if (state.seen.has(next)) state.active = false;
        else {
          state.text = next;
          state.seen.add(next);
          progressed = true;
        }
        break;
      }
    }
    if (!progressed) break;
  }
}

export function addOmitted(outcome: TargetOutcome, omitted: readonly Omitted[]): void {
  for (const entry of omitted) if (!outcome.omitted.some((known) => known.keyPath === entry.keyPath)) outcome.omitted.push(entry);
}

export function planFor(run: FileRun, state: TargetState, sourceFlat: FlatFile, identities: ReadonlyMap<string, string | undefined>): { plan: Plan; baseline: Baseline; flat: FlatFile } {
  const { config, sourceText, sourceFix } = run;
  const targetParsed = run.reader.parsed(state.text);
  const targetFix = run.reader.fix(state.text) as FixDoc;
  const flat = flattenDocuments(targetParsed.documents, identities);
  const policy: CopyPolicy = { whitelist: config.whitelist, targetLive: state.outcome.env.live, identities };
  const targetStyle = styleOf(targetFix) ?? styleOf(sourceFix) ?? { unit: 2, seqIndent: 2 };
  const plan = planSync({
    policy,
    prune: run.prune,
    isStream: identities.has(DOCUMENTS_PATH),
    json: /\.json$/i.test(state.outcome.absolutePath),
    source: { text: sourceText, fix: sourceFix, flat: sourceFlat, style: styleOf(sourceFix) ?? targetStyle },
    target: { text: state.text, fix: targetFix, flat, style: targetStyle },
  });
  return { plan, baseline: { source: sourceFlat, before: flat, beforeText: state.text, policy }, flat };
}

function styleOf(fix: FixDoc): BlockStyle | undefined {
  const style = detectStyle(fix);
  if (style) return style;
  const unit = detectFlowUnit(fix);
  return unit === undefined ? undefined : { unit, seqIndent: unit };
}

/**
 * Applies a pass's edits if the result passes validation; otherwise keeps, one by one, only the
 * edits that do, and records why the others were dropped.
 */
function applyValidated(text: string, edits: TextEdit[], baseline: Baseline, dropped: Blocked[], mode: 'strict' | 'progress', reader: TextReader): string {
  const all = applyEdits(text, edits);
  if (validateCandidate(baseline, all.text, mode, reader).ok) return all.text;
  const accepted: TextEdit[] = [];
  for (const edit of edits) {
    const verdict = validateCandidate(baseline, applyEdits(text, [...accepted, edit]).text, mode, reader);
    if (verdict.ok) accepted.push(edit);
    else dropped.push({ keyPath: edit.keyPath, reason: `not fixed: ${verdict.reason}` });
  }
  return applyEdits(text, accepted).text;
}
