import type { Environment, ResolvedConfig } from '../config/resolve.js';
import type { ComparedFile } from '../compare/snapshot.js';
import { flattenDocuments, sameLeafValue, type FlatFile, type Leaf } from '../keys/flatten.js';
import { ancestorPaths, formatKeyPath } from '../keys/keyPath.js';
import { chooseArrayIdentities, DOCUMENTS_PATH } from '../keys/identity.js';
import { parseConfigText } from '../read/parse.js';
import type { TreeNode } from '../read/tree.js';
import { applyEdits, type TextEdit } from './edits.js';
import { createFromSource } from './create.js';
import { detectFlowUnit, detectStyle } from './layout.js';
import type { Blocked } from './plan-context.js';
import { planSync, type Plan } from './plan.js';
import { whitelistEntryOf, type CopyPolicy, type Omitted } from './policy.js';
import type { BlockStyle } from './render-fresh.js';
import { joinTextForm, splitTextForm, type TextForm } from './text-form.js';
import { validateCandidate, type Baseline } from './validate.js';
import { parseForFix, type FixDoc } from './yaml-view.js';

/** Enough passes for overlapping edits and overrides behind anchors; more means a cycle. */
const MAX_PASSES = 10;

/** What --fix did (or would do) to one service file in one target environment. */
export interface TargetOutcome {
  service: string;
  fileId: string;
  env: Environment;
  repoPath: string;
  absolutePath: string;
  /** the bytes read ('' for a file that did not exist) and the bytes to write */
  before: string;
  after: string;
  created: boolean;
  changed: boolean;
  /** keys whose value the fix changed or added */
  synced: string[];
  /** keys the fix removed (--prune, or elements a list no longer has) */
  removed: string[];
  /** whitelisted keys that differ from the source and stay as they are */
  kept: string[];
  /** the whitelist entries (key patterns) behind `kept` and the whitelisted `omitted` */
  whitelistEntries: string[];
  /** what was deliberately not copied (whitelisted, credentials) */
  omitted: Omitted[];
  /** what is left for a person, with the reason */
  blocked: Blocked[];
  /** why the file was not touched at all */
  skipped?: string;
}

interface TargetState {
  outcome: TargetOutcome;
  form: TextForm;
  text: string;
  original: string;
  seen: Set<string>;
  active: boolean;
  dropped: Blocked[];
  /** the end result passes the strict check against the original text */
  strictOk?: boolean;
}

/** Fixes one service file in every target, pass after pass, until nothing changes. */
export function fixComparedFile(config: ResolvedConfig, file: ComparedFile, source: Environment, targets: readonly Environment[], options: { prune: boolean }): TargetOutcome[] {
  const sourceFile = file.byEnv.get(source.name);
  const states: TargetState[] = [];
  for (const env of targets) {
    const envFile = file.byEnv.get(env.name);
    if (!envFile) continue;
    const outcome: TargetOutcome = { service: file.service.name, fileId: file.fileId, env, repoPath: envFile.repoPath, absolutePath: envFile.absolutePath, before: envFile.text ?? '', after: envFile.text ?? '', created: false, changed: false, synced: [], removed: [], kept: [], whitelistEntries: [], omitted: [], blocked: [] };
    const skip = (reason: string) => states.push({ outcome: { ...outcome, skipped: reason }, form: { bom: false, eol: '\n' }, text: '', original: '', seen: new Set(), active: false, dropped: [] });
    if (!sourceFile?.exists) {
      if (envFile.exists) skip(`not in ${source.name}: nothing to promote`);
      continue;
    }
    if (sourceFile.problems.length > 0) skip(`${sourceFile.repoPath} has problems (see parse-error): nothing is promoted from it`);
    else if (envFile.problems.length > 0) skip('has problems (see parse-error): not touched');
    else if (!envFile.exists) states.push({ outcome: { ...outcome, created: true }, form: splitTextForm(sourceFile.text ?? '')?.form ?? { bom: false, eol: '\n' }, text: '', original: '', seen: new Set(), active: true, dropped: [] });
    else {
      const split = splitTextForm(envFile.text ?? '');
      if (!split) skip('mixed line endings: not touched (a fix could not keep them byte for byte)');
      else states.push({ outcome, form: split.form, text: split.text, original: split.text, seen: new Set([split.text]), active: true, dropped: [] });
    }
  }
  const active = states.filter((state) => state.active);
  if (active.length === 0 || sourceFile?.text === undefined) return states.map((state) => state.outcome);
  const fresh = active.map((state) => ({ ...state, outcome: { ...state.outcome, omitted: [...state.outcome.omitted], blocked: [...state.outcome.blocked] }, seen: new Set(state.seen), dropped: [] }));
  runPasses(config, file, source, sourceFile.text, active, options, 'progress');
  if (!active.every((state) => state.strictOk)) {
    // A pass let a drifting key hold an intermediate value that no later pass resolved: redo the
    // run with every pass held to the strict rule.
    active.forEach((state, index) => Object.assign(state, fresh[index]));
    runPasses(config, file, source, sourceFile.text, active, options, 'strict');
  }
  return states.map((state) => state.outcome);
}

function runPasses(config: ResolvedConfig, file: ComparedFile, source: Environment, sourceRaw: string, states: TargetState[], options: { prune: boolean }, mode: 'strict' | 'progress'): void {
  const sourceText = sourceRaw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const sourceParsed = parseConfigText(sourceText);
  const sourceFix = parseForFix(sourceText) as FixDoc;
  const identitiesNow = () => {
    const documents: TreeNode[][] = [sourceParsed.documents];
    for (const [envName, envFile] of file.byEnv) {
      const state = states.find((candidate) => candidate.outcome.env.name === envName);
      if (state) documents.push(parseConfigText(state.text).documents);
      else if (envName !== source.name && envFile.parsed && envFile.problems.length === 0) documents.push(envFile.parsed.documents);
    }
    return chooseArrayIdentities(documents, config.arrayKeys);
  };
  for (const state of states.filter((candidate) => candidate.outcome.created)) {
    const identities = identitiesNow();
    const created = createFromSource(config, state.outcome.env, sourceText, sourceFix, flattenDocuments(sourceParsed.documents, identities), identities);
    if ('text' in created) {
      state.text = created.text;
      state.seen.add(created.text);
      addOmitted(state.outcome, created.omitted);
    } else {
      state.outcome.blocked.push(created);
      state.active = false;
    }
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const identities = identitiesNow();
    const sourceFlat = flattenDocuments(sourceParsed.documents, identities);
    let progressed = false;
    for (const state of states.filter((candidate) => candidate.active)) {
      const { plan, baseline } = planFor(config, state, sourceText, sourceFix, sourceFlat, identities, options);
      addOmitted(state.outcome, plan.omitted);
      for (const group of [plan.edits.filter((edit) => !edit.override), plan.edits.filter((edit) => edit.override)]) {
        if (group.length === 0) continue;
        const next = applyValidated(state.text, group, baseline, state.dropped, mode);
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
  const identities = identitiesNow();
  const sourceFlat = flattenDocuments(sourceParsed.documents, identities);
  for (const state of states) finish(config, state, sourceText, sourceFix, sourceFlat, identities, options);
}

function addOmitted(outcome: TargetOutcome, omitted: readonly Omitted[]): void {
  for (const entry of omitted) if (!outcome.omitted.some((known) => known.keyPath === entry.keyPath)) outcome.omitted.push(entry);
}

function planFor(config: ResolvedConfig, state: TargetState, sourceText: string, sourceFix: FixDoc, sourceFlat: FlatFile, identities: ReadonlyMap<string, string | undefined>, options: { prune: boolean }): { plan: Plan; baseline: Baseline; flat: FlatFile } {
  const targetParsed = parseConfigText(state.text);
  const targetFix = parseForFix(state.text) as FixDoc;
  const flat = flattenDocuments(targetParsed.documents, identities);
  const policy: CopyPolicy = { whitelist: config.whitelist, targetLive: state.outcome.env.live, identities };
  const targetStyle = styleOf(targetFix) ?? styleOf(sourceFix) ?? { unit: 2, seqIndent: 2 };
  const plan = planSync({
    policy,
    prune: options.prune,
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
function applyValidated(text: string, edits: TextEdit[], baseline: Baseline, dropped: Blocked[], mode: 'strict' | 'progress'): string {
  const all = applyEdits(text, edits);
  if (validateCandidate(baseline, all.text, mode).ok) return all.text;
  const accepted: TextEdit[] = [];
  for (const edit of edits) {
    const verdict = validateCandidate(baseline, applyEdits(text, [...accepted, edit]).text, mode);
    if (verdict.ok) accepted.push(edit);
    else dropped.push({ keyPath: edit.keyPath, reason: `not fixed: ${verdict.reason}` });
  }
  return applyEdits(text, accepted).text;
}

function finish(config: ResolvedConfig, state: TargetState, sourceText: string, sourceFix: FixDoc, sourceFlat: FlatFile, identities: ReadonlyMap<string, string | undefined>, options: { prune: boolean }): void {
  const { outcome } = state;
  state.strictOk = true;
  if (outcome.skipped || (!state.active && outcome.created && state.text === '')) return;
  const { plan, flat } = planFor(config, state, sourceText, sourceFix, sourceFlat, identities, options);
  outcome.blocked.push(...plan.blocked);
  for (const edit of plan.edits) {
    const reason = state.dropped.find((entry) => entry.keyPath === edit.keyPath)?.reason ?? 'could not be applied in this run (it overlaps another change)';
    if (!outcome.blocked.some((entry) => entry.keyPath === edit.keyPath)) outcome.blocked.push({ keyPath: edit.keyPath, reason });
  }
  const original = flattenDocuments(parseConfigText(state.original).documents, identities);
  const policyForCheck: CopyPolicy = { whitelist: config.whitelist, targetLive: outcome.env.live, identities };
  state.strictOk = validateCandidate({ source: sourceFlat, before: original, beforeText: state.original, policy: policyForCheck }, state.text, 'strict').ok;
  const tops = changedTops(original, flat);
  outcome.removed = tops.filter((keyPath) => !flat.leaves.has(keyPath) && !flat.containers.has(keyPath));
  outcome.synced = tops.filter((keyPath) => !outcome.removed.includes(keyPath));
  const policy = { whitelist: config.whitelist, targetLive: outcome.env.live, identities };
  const kept = [...flat.leaves.values()].filter((leaf) => {
    const sourceLeaf = sourceFlat.leaves.get(leaf.keyPath);
    return whitelistEntryOf(policy, leaf.segments) && (!sourceLeaf || !sameLeafValue(sourceLeaf.value, leaf.value));
  });
  outcome.kept = kept.map((leaf) => leaf.keyPath);
  const entryKeys = [...kept.map((leaf) => whitelistEntryOf(policy, leaf.segments)?.key), ...outcome.omitted.map((omitted) => omitted.entryKey)];
  outcome.whitelistEntries = [...new Set(entryKeys.filter((key): key is string => key !== undefined))];
  outcome.after = state.text === state.original && !outcome.created ? outcome.before : joinTextForm(state.text, state.form);
  outcome.changed = outcome.after !== outcome.before || (outcome.created && state.text !== '');
}

/**
 * What changed, named the way a person would name it: a new object once (not each of its
 * leaves), a list of scalars once, other keys one by one. In the target's key order.
 */
function changedTops(before: FlatFile, after: FlatFile): string[] {
  const changed: Leaf[] = [];
  for (const [keyPath, leaf] of after.leaves) {
    const previous = before.leaves.get(keyPath);
    if (!previous || !sameLeafValue(previous.value, leaf.value)) changed.push(leaf);
  }
  for (const [keyPath, leaf] of before.leaves) if (!after.leaves.has(keyPath)) changed.push(leaf);
  const has = (flat: FlatFile, keyPath: string) => flat.containers.has(keyPath) || flat.leaves.has(keyPath);
  const tops = new Set<string>();
  for (const leaf of changed) {
    let top = leaf.keyPath;
    for (const ancestor of ancestorPaths(leaf.segments)) {
      const keyPath = formatKeyPath(ancestor);
      if (!has(before, keyPath) || !has(after, keyPath)) {
        top = keyPath;
        break;
      }
    }
    const last = leaf.segments[leaf.segments.length - 1];
    const selector = last?.items[last.items.length - 1];
    if (top === leaf.keyPath && selector && selector.field === undefined && last.name !== '') {
      top = formatKeyPath([...leaf.segments.slice(0, -1), { name: last.name, items: last.items.slice(0, -1) }]);
    }
    tops.add(top);
  }
  return [...tops];
}
