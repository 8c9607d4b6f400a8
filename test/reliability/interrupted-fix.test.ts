import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';
import { seedRepo, type EnvName } from './fixtures.js';

const SERVICES = 200;
/** How the fixer names its temporary files: `.<name>.promote-lint-<pid>-<random>.tmp`, beside the file. */
const TEMPORARY = /^\..+\.promote-lint-(\d+)-[0-9a-f]+\.tmp$/;

/**
 * A few hundred services whose staging and prod copies lag behind CI: values to sync, keys to add,
 * whitelisted values to keep. Some copies use CRLF or a byte order mark (both must survive), and a
 * few are broken (a fix must never touch them).
 */
function generatedRepo(): string {
  const source = (index: number) =>
    [
      'database:',
      '  default:',
      `    link: postgres://svc${index}:FAKEci@db-ci/svc${index}`,
      '# business settings, tried in CI first',
      'feature:',
      '  enabled: true',
      `  limit: ${index % 50}`,
      'plans:',
      '  - id: free',
      '    amount: 0',
      '  - id: pro',
      `    amount: ${20 + (index % 7)}`,
      `    label: "Pro ${index}"`,
      '',
    ].join('\n');
  const target = (index: number, env: EnvName) =>
    [
      'database:',
      '  default:',
      `    link: postgres://svc${index}:FAKE${env}@db-${env}/svc${index}`,
      '# business settings, tried in CI first',
      'feature:',
      '  enabled: false',
      'plans:',
      '  - id: free',
      '    amount: 0',
      '  - id: pro',
      `    amount: ${10 + (index % 3)}`,
      '',
    ].join('\n');
  const styled = (text: string, index: number) => (index % 10 === 1 ? text.replace(/\n/g, '\r\n') : index % 10 === 2 ? `\uFEFF${text}` : text);
  const broken = ['- a list\n- where ci has a mapping\n', 'feature:\n  enabled: true\nfeature:\n  enabled: false\n', Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a])];
  const services = Object.fromEntries(
    Array.from({ length: SERVICES }, (_, index) => {
      const name = `svc${String(index).padStart(3, '0')}`;
      const staging = index % 97 === 5 ? broken[index % broken.length] : styled(target(index, 'staging'), index);
      return [name, { ci: source(index), staging, prod: styled(target(index, 'prod'), index) }];
    }),
  );
  return seedRepo(services);
}

/** Every file of the tree, by path relative to it. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const absolute = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, absolute), readFileSync(absolute));
    }
  }
  return files;
}

function copyOf(root: string): string {
  const copy = tempDir('promote-lint-fix-copy-');
  cpSync(root, copy, { recursive: true });
  return copy;
}

function fixToCompletion(cwd: string) {
  const result = spawnSync(process.execPath, [BIN, '--fix'], { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  return { exitCode: result.status, stdout: result.stdout };
}

/** The files a run wrote, in the order it wrote them, from its `wrote N files: a, b, ...` line. */
function writeOrder(stdout: string): string[] {
  const line = stdout.split('\n').find((text) => /^wrote \d+ files?: /.test(text)) ?? '';
  return line.replace(/^wrote \d+ files?: /, '').split(', ').filter(Boolean).map((file) => path.join('kubernetes', file));
}

function temporaryFiles(files: Map<string, Buffer>): string[] {
  return [...files.keys()].filter((file) => file.endsWith('.tmp'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type KillPoint = { when: 'at once' } | { when: 'replaced' | 'being written'; file: string };

/**
 * Starts `--fix` and SIGKILLs it: at once, as soon as `file` has been replaced (its inode changes
 * on the atomic rename), or as soon as its temporary copy appears (or, on a disk too fast to
 * catch that, once it is replaced).
 */
async function fixKilled(cwd: string, point: KillPoint): Promise<number> {
  const child = spawn(process.execPath, [BIN, '--fix'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve(void (exited = true))));
  if (point.when !== 'at once') {
    const absolute = path.join(cwd, point.file);
    const inode = statSync(absolute).ino;
    const hasTemporary = () => readdirSync(path.dirname(absolute)).some((name) => name.startsWith(`.${path.basename(absolute)}.`) && TEMPORARY.test(name));
    while (!exited && statSync(absolute).ino === inode && !(point.when === 'being written' && hasTemporary())) await sleep(1);
  }
  child.kill('SIGKILL');
  await exit;
  return child.pid ?? -1;
}

/** A process id that is certainly not running any more: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

describe('--fix under SIGKILL and concurrency (a generated repo of 200 services)', () => {
  let original: string;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  let fixRun: ReturnType<typeof fixToCompletion>;
  let order: string[];
  let fixedRoot: string;
  beforeAll(() => {
    original = generatedRepo();
    before = snapshot(original);
    fixedRoot = copyOf(original);
    fixRun = fixToCompletion(fixedRoot);
    after = snapshot(fixedRoot);
    order = writeOrder(fixRun.stdout);
  }, 120_000);

  it('the uninterrupted fix: 400-odd files written, CRLF and BOM kept, broken files untouched, a second run changes nothing', () => {
    expect(fixRun.exitCode).toBe(1); // the broken staging copies stay errors
    const changed = [...before.keys()].filter((file) => !before.get(file)?.equals(after.get(file) ?? Buffer.alloc(0)));
    expect(changed.sort()).toEqual([...order].sort());
    expect(changed.length).toBeGreaterThan(SERVICES * 2 - 10);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const file of changed) {
      const text = after.get(file)?.toString('utf8') ?? '';
      const was = before.get(file)?.toString('utf8') ?? '';
      expect(text.startsWith('\uFEFF')).toBe(was.startsWith('\uFEFF'));
      // the whitelisted connection string stays the target's own
      expect(text).toContain(file.includes('aws-staging') ? ':FAKEstaging@db-staging/' : ':FAKEprod@db-prod/');
      if (was.includes('\r\n')) expect(text.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
      else expect(text).not.toContain('\r');
    }
    for (const index of [5, 102, 199]) {
      const file = path.join('kubernetes', 'overlays', 'aws-staging', 'configs', `svc${String(index).padStart(3, '0')}`, 'config.yaml');
      expect(after.get(file)).toEqual(before.get(file));
    }
    expect(fixToCompletion(fixedRoot).exitCode).toBe(1);
    expect(snapshot(fixedRoot)).toEqual(after);
  }, 120_000);

  it.each([
    ['before anything is written', () => ({ when: 'at once' }) as const, 0],
    ['right after the first file is replaced', (order: string[]) => ({ when: 'replaced', file: order[0] }) as const, 1],
    ['while the 50th file is being written', (order: string[]) => ({ when: 'being written', file: order[49] }) as const, 49],
    ['after 300 files', (order: string[]) => ({ when: 'replaced', file: order[299] }) as const, 300],
  ])('SIGKILL %s: each file is as it was or fully fixed; the next run finishes the job', async (_when, killPoint, atLeastFixed) => {
    const root = copyOf(original);
    const pid = await fixKilled(root, killPoint(order));
    const interrupted = snapshot(root);
    const states = [...interrupted].filter(([file]) => !file.endsWith('.tmp')).map(([file, bytes]) => ({
      file,
      state: before.get(file)?.equals(bytes) ? 'as it was' : after.get(file)?.equals(bytes) ? 'fully fixed' : 'torn',
    }));
    expect(states.filter(({ state }) => state === 'torn')).toEqual([]);
    expect(states.map(({ file }) => file).sort()).toEqual([...before.keys()].sort());
    // The kill landed where it was aimed, before the writes or in the middle of them: without this
    // the test could quietly degrade into killing a finished run. (The kill follows the watched
    // event within a millisecond or two; the writes left after it take far longer.)
    const fixedCount = order.filter((file) => interrupted.get(file)?.equals(after.get(file) ?? Buffer.alloc(0))).length;
    expect(fixedCount).toBeGreaterThanOrEqual(atLeastFixed);
    expect(fixedCount).toBeLessThan(atLeastFixed === 0 ? 1 : order.length);
    // A temporary file a SIGKILL leaves is the killed run's own, beside the file it was for.
    for (const file of temporaryFiles(interrupted)) expect(Number(TEMPORARY.exec(path.basename(file))?.[1])).toBe(pid);

    expect(fixToCompletion(root).exitCode).toBe(1);
    const finished = snapshot(root);
    expect(temporaryFiles(finished)).toEqual([]);
    expect(finished).toEqual(after);
  }, 120_000);

  it('the next write of a file removes the temporary files that dead runs left beside it, and only those', async () => {
    const root = copyOf(original);
    await fixKilled(root, { when: 'at once' });
    const directory = path.dirname(path.join(root, order[0]));
    const name = path.basename(order[0]);
    const ofDeadRun = `.${name}.promote-lint-${deadPid()}-0123456789ab.tmp`;
    const ofLiveRun = `.${name}.promote-lint-${process.pid}-0123456789ab.tmp`;
    writeFileSync(path.join(directory, ofDeadRun), 'half a fi');
    writeFileSync(path.join(directory, ofLiveRun), 'in progress');
    expect(fixToCompletion(root).exitCode).toBe(1);
    expect(readdirSync(directory).filter((entry) => entry.endsWith('.tmp'))).toEqual([ofLiveRun]);
  }, 120_000);

  it.each([0, 30])('two runs at once never tear a file (the second started %i ms later)', async (stagger) => {
    const root = copyOf(original);
    const start = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, '--fix'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      });
    const first = start();
    await sleep(stagger);
    expect(await Promise.all([first, start()])).toEqual([1, 1]);
    expect(snapshot(root)).toEqual(after);
  }, 120_000);
});
