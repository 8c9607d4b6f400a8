import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/cli/workspace.js';
import { readSnapshot } from '../../src/compare/snapshot.js';
import { fixComparedFile, type TargetOutcome } from '../../src/fix/fix-file.js';
import { overlaySource } from '../../src/fix/overlay-source.js';
import { flattenDocuments } from '../../src/keys/flatten.js';
import { chooseArrayIdentities } from '../../src/keys/identity.js';
import { compileKeyPattern } from '../../src/keys/pattern.js';
import { lint } from '../../src/lint.js';
import { parseConfigText } from '../../src/read/parse.js';
import { tempDir, writeTree } from '../helpers.js';
import { mutate, render, styleArb, Tape, treeArb, type Tree } from './generated-config.js';

const WHITELIST = [
  { key: 'db.link', reason: 'own database' },
  { key: '**.priceId', reason: 'own Stripe account' },
];
const PATTERNS = WHITELIST.map((entry) => compileKeyPattern(entry.key));
const CONFIG = {
  root: 'kubernetes',
  environments: [
    { name: 'ci', overlay: 'overlays/ci', live: false },
    { name: 'staging', overlay: 'overlays/staging', live: true },
    { name: 'prod', overlay: 'overlays/prod', live: true, manualSync: true },
  ],
  whitelist: WHITELIST,
};

const tapeArb = fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 60, maxLength: 60 });
const caseArb = fc.record({ source: treeArb, staging: tapeArb, prod: tapeArb, styles: fc.tuple(styleArb, styleArb, styleArb), prune: fc.boolean() });

async function fixAll(texts: Record<string, string>, prune: boolean) {
  const root = writeTree(tempDir(), {
    '.promoterc.json': JSON.stringify(CONFIG),
    ...Object.fromEntries(Object.entries(texts).map(([env, text]) => [`kubernetes/overlays/${env}/configs/app/config.yaml`, text])),
  });
  const workspace = await openWorkspace(undefined, root, undefined);
  const { config, services } = workspace;
  const env = (name: string) => config.environments.find((candidate) => candidate.name === name)!;
  const fixWith = async (source: typeof workspace.source) =>
    (await readSnapshot(config, services, source)).flatMap((file) => fixComparedFile(config, file, env('ci'), [env('staging'), env('prod')], { prune }));
  const outcomes = await fixWith(workspace.source);
  const fixedSource = overlaySource(workspace.source, new Map(outcomes.filter((outcome) => outcome.changed).map((outcome) => [outcome.absolutePath, outcome.after])));
  const after = await lint(config, { services, source: fixedSource, narrowed: false });
  const again = await fixWith(fixedSource);
  return { outcomes, after, again };
}

/** Whitelisted values of a text, by key path, as written (the bytes a fix must keep). */
function whitelistedTexts(text: string, alsoText: string): Record<string, string> {
  const documents = parseConfigText(text).documents;
  const flat = flattenDocuments(documents, chooseArrayIdentities([documents, parseConfigText(alsoText).documents], {}));
  const found: Record<string, string> = {};
  for (const leaf of flat.leaves.values()) {
    if (PATTERNS.some((pattern) => pattern.coversKey(leaf.segments))) found[leaf.keyPath] = text.slice(leaf.node.start, leaf.node.end);
  }
  return found;
}

const related = (left: string, right: string) => [left, right].some((a, index) => {
  const b = index === 0 ? right : left;
  return a === b || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
});

type Leftover = { env: string; key: string; ruleId: string; message: string };

/**
 * A finding left after the fix must have a reason: the fixer reported the key as left for a
 * person, or (without --prune) it is a target-only key kept on purpose, or a key whose target
 * holds such target-only keys (an empty `{}` in the source next to a target with extra keys).
 */
function explained(outcomes: TargetOutcome[], finding: Leftover, leftovers: Leftover[], prune: boolean): boolean {
  const isTargetOnly = (candidate: Leftover) => candidate.ruleId === 'missing-key' && candidate.env === finding.env && candidate.message.endsWith(`is in ${finding.env} but not in ci`);
  if (!prune && (isTargetOnly(finding) || leftovers.some((other) => isTargetOnly(other) && related(finding.key, other.key)))) return true;
  const outcome = outcomes.find((candidate) => candidate.env.name === finding.env);
  return outcome?.blocked.some((blocked) => related(blocked.keyPath, finding.key)) ?? false;
}

describe('--fix on generated configs (fast-check)', () => {
  it('leaves no fixable drift or missing key, keeps whitelisted values byte for byte, writes only parsable files, and is idempotent', async () => {
    let clean = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ source, staging, prod, styles, prune }) => {
        const texts = {
          ci: render(source, styles[0]),
          staging: render(mutate(source, new Tape(staging), 'staging') as { [key: string]: Tree }, styles[1]),
          prod: render(mutate(source, new Tape(prod), 'prod') as { [key: string]: Tree }, styles[2]),
        };
        const { outcomes, after, again } = await fixAll(texts, prune);
        runs++;
        for (const outcome of outcomes) {
          expect(outcome.skipped).toBeUndefined();
          expect(parseConfigText(outcome.after).problems).toEqual([]);
          expect(whitelistedTexts(outcome.after, outcome.before)).toEqual(whitelistedTexts(outcome.before, outcome.after));
        }
        const leftovers = after.findings.filter((finding) => finding.ruleId === 'drift' || finding.ruleId === 'missing-key');
        for (const finding of leftovers) expect(explained(outcomes, finding, leftovers, prune), `${finding.ruleId} ${finding.env} ${finding.key}: ${finding.message}\n${JSON.stringify(outcomes.map((o) => o.blocked))}\n${JSON.stringify(texts)}`).toBe(true);
        if (outcomes.every((outcome) => outcome.blocked.length === 0)) clean++;
        // The planner's edits are right the first time: validation never had to drop one.
        for (const outcome of outcomes) expect(outcome.blocked.filter((blocked) => blocked.reason.startsWith('not fixed:')), JSON.stringify({ texts, env: outcome.env.name })).toEqual([]);
        expect(again.filter((outcome) => outcome.changed).map((outcome) => outcome.repoPath)).toEqual([]);
      }),
      { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 80) },
    );
    // The generator must mostly produce configs the fixer can fully fix, or the property is weak.
    expect(clean / runs).toBeGreaterThan(0.7);
  }, 600_000);

  it('never copies a test credential into a live environment', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 20, maxLength: 20 }), async ({ source, staging, prod, styles, prune }, injections) => {
        const stagingTree = mutate(source, new Tape(staging), 'staging') as { [key: string]: Tree };
        const prodTree = mutate(source, new Tape(prod), 'prod') as { [key: string]: Tree };
        const withKeys = injectCredentials(source, new Tape(injections)) as { [key: string]: Tree };
        const { outcomes } = await fixAll({ ci: render(withKeys, styles[0]), staging: render(stagingTree, styles[1]), prod: render(prodTree, styles[2]) }, prune);
        for (const outcome of outcomes) {
          const count = (text: string) => (text.match(/sk_test_/g) ?? []).length;
          expect(count(outcome.after)).toBeLessThanOrEqual(count(outcome.before));
        }
      }),
      { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 40) },
    );
  }, 600_000);
});

function injectCredentials(tree: Tree, tape: Tape): Tree {
  if (Array.isArray(tree)) return tree.map((item) => injectCredentials(item, tape));
  if (tree !== null && typeof tree === 'object') {
    const result: { [key: string]: Tree } = Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, key === 'db' ? value : injectCredentials(value, tape)]));
    if (tape.next() < 30) result.apiKey = `sk_test_FAKE${tape.next()}`;
    return result;
  }
  return tape.next() < 25 ? `sk_test_FAKE${tape.next()}` : tree;
}
