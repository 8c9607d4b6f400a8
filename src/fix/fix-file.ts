import type { Environment, ResolvedConfig } from '../config/resolve.js';
import type { ComparedFile } from '../compare/snapshot.js';
import { flattenDocuments } from '../keys/flatten.js';
import { finish } from './outcome.js';
import { identitiesOf, runPasses, type FileRun } from './passes.js';
import type { Blocked } from './plan-context.js';
import type { Omitted } from './policy.js';
import { splitTextForm, type TextForm } from './text-form.js';
import { cachingReader } from './reader.js';
import type { FixDoc } from './yaml-view.js';

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

export interface TargetState {
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
  const sourceText = sourceFile.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const reader = cachingReader();
  const run: FileRun = { config, file, sourceName: source.name, sourceText, sourceParsed: reader.parsed(sourceText), sourceFix: reader.fix(sourceText) as FixDoc, prune: options.prune, states: active, reader };
  const fresh = active.map((state) => ({ ...state, outcome: { ...state.outcome, omitted: [...state.outcome.omitted], blocked: [...state.outcome.blocked] }, seen: new Set(state.seen), dropped: [] }));
  runPasses(run, 'progress');
  finishAll(run);
  if (!active.every((state) => state.strictOk)) {
    // A pass let a drifting key hold an intermediate value that no later pass resolved: redo the
    // run with every pass held to the strict rule.
    active.forEach((state, index) => Object.assign(state, fresh[index]));
    runPasses(run, 'strict');
    finishAll(run);
  }
  for (const state of active.filter((candidate) => !candidate.strictOk)) {
    // Every pass was checked; the run as a whole could still not be checked against the original
    // (array identities changed under it): nothing is written for this target.
    state.outcome.after = state.outcome.before;
    state.outcome.changed = false;
    state.outcome.blocked.push({ keyPath: '', reason: 'the fixed file could not be verified against the original; nothing written' });
  }
  return states.map((state) => state.outcome);
}

function finishAll(run: FileRun): void {
  const identities = identitiesOf(run);
  const sourceFlat = flattenDocuments(run.sourceParsed.documents, identities);
  for (const state of run.states) finish(run, state, sourceFlat, identities);
}
