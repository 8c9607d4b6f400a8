import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiConfig, gatesFiles, overlayPath } from '../rules/gates-fixture.js';
import { edit, git, initRepo, runInRepo } from '../git/git-repo.js';

/** Long, realistic-looking credentials, built at run time so no scanner flags the repository. */
const body = (seed: string) => `${seed}${'7Kq2Xw9Lm4Rt'.repeat(2)}`;
const secrets = {
  ciPk: `pk_test_${body('a')}`,
  ciSk: `sk_test_${body('b')}`,
  ciLeakedLive: `rk_live_${body('c')}`,
  stagingSk: `sk_live_${body('d')}`,
  prodPk: `pk_live_${body('e')}`,
  prodTestSk: `sk_test_${body('f')}`,
  prodKustomizationKey: `sk_test_${body('g')}`,
  prodWebhook: `whsec_${body('h')}${body('i')}`,
  prodWebhookRotated: `whsec_${body('j')}${body('k')}`,
  ciPassword: `Pw${body('l')}`,
  prodPassword: `Pw${body('m')}`,
};

function leakyRepo(): string {
  const files = gatesFiles((env, file, text) => {
    if (file === 'kustomization') return env === 'prod' ? `${text}# rotated out: ${secrets.prodKustomizationKey}\n` : text;
    if (env === 'ci') {
      return text
        .replace('pk_test_FAKEci', secrets.ciPk)
        .replace('sk_test_FAKEci', secrets.ciSk)
        .replace('FAKEpw-ci', secrets.ciPassword)
        .replace('worker:\n', `billing:\n  restrictedKey: ${secrets.ciLeakedLive}\nworker:\n`);
    }
    if (env === 'staging') return text.replace('sk_live_FAKEstg', secrets.stagingSk).replace(/link: ".*"/, `link: "postgres://api:${secrets.ciPassword}@ci-rds.example.internal:5432/api"`);
    return text
      .replace('pk_live_FAKEprod', secrets.prodPk)
      .replace('sk_live_FAKEprod', secrets.prodTestSk)
      .replace('whsec_FAKEprod', secrets.prodWebhook)
      .replace('FAKEpw-prod', secrets.prodPassword)
      .replace('worker:\n', `billing:\n  restrictedKey: ${secrets.ciLeakedLive.replace('rk_live_', 'rk_test_')}\nworker:\n`);
  });
  const root = initRepo(files);
  edit(root, overlayPath('prod'), (text) => text.replace(secrets.prodWebhook, secrets.prodWebhookRotated));
  git(root, 'add', '-A');
  return root;
}

function expectNoSecret(output: string): void {
  for (const [name, secret] of Object.entries(secrets)) {
    const secretBody = secret.replace(/^(?:[a-z]{2}_(?:test|live)_|whsec_)/, '');
    expect(output, `${name} leaked`).not.toContain(secret);
    expect(output, `the body of ${name} leaked`).not.toContain(secretBody);
  }
}

describe('no output format prints a secret from the fixtures in full', () => {
  let root = '';
  beforeAll(() => {
    root = leakyRepo();
  });
  const runs: Array<[string[], (output: string) => void]> = [
    [[], (output) => expect(output).toMatch(/test-secret[\s\S]*live-secret|live-secret[\s\S]*test-secret/)],
    [['-f', 'json'], (output) => expect(output).toContain('"ruleId": "whitelist-copied"')],
    [['--diff-only'], (output) => expect(output).toContain('env-constraint')],
    [['--show-expected'], (output) => expect(output).toContain('~ stripe.secretKey')],
    [['--diff-only', '--show-expected'], (output) => expect(output).toContain('api:****@')],
    [['-f', 'json', '--show-expected'], (output) => expect(output).toContain('"summary"')],
    [['list-services'], (output) => expect(output).toContain('api')],
    [['list-services', '-f', 'json'], (output) => expect(output).toContain('"services"')],
    [['--staged'], (output) => expect(output).toContain('whitelist-changed')],
    [['--staged', '-f', 'json'], (output) => expect(output).toContain('"ruleId": "whitelist-changed"')],
    [['--staged', '--allow', 'stripe.**'], (output) => expect(output).toContain('allowed change')],
    [['--staged', '-f', 'json', '--allow', 'stripe.**'], (output) => expect(output).toContain('"allowedBy": "stripe.**"')],
    [['--staged', '--diff-only', '--show-expected', '--allow', 'stripe.**'], (output) => expect(output).toContain('allowed change')],
  ];
  for (const [args, sanity] of runs) {
    it(`promote-lint ${args.join(' ') || '(stylish)'}`, () => {
      const run = runInRepo(root, args);
      const output = run.stdout + run.stderr;
      sanity(output);
      expectNoSecret(output);
    });
  }

  it('-o FILE writes a masked report', () => {
    const run = runInRepo(root, ['--staged', '-f', 'json', '-o', 'report.json']);
    expect(run.exitCode).toBe(1);
    const written = readFileSync(path.join(root, 'report.json'), 'utf8');
    expect(written).toContain('"ruleId": "test-secret"');
    expectNoSecret(written + run.stdout + run.stderr);
  });

  it('the fixture really holds the secrets (the checks above are not vacuous)', () => {
    const ciText = readFileSync(path.join(root, overlayPath('ci')), 'utf8');
    expect(ciText).toContain(secrets.ciSk);
    expect(apiConfig('ci')).not.toContain(secrets.ciSk);
  });
});
