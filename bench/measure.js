// Runs a command as its own process and measures wall time, CPU time and peak RSS. RSS and CPU
// come from GNU time (`/usr/bin/time -f '%M %U %S'`) when it works here, else from a probe: Node
// children report process.resourceUsage() on exit (via --import), the Python peer its own
// getrusage. CPU time is the steadier number on a shared machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PROBE = fileURLToPath(new URL('./rss-probe.js', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'promote-lint-bench-'));

export const rssMethod = detectGnuTime() ? 'GNU time %M' : 'in-process probe';

function detectGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const out = path.join(scratch, 'probe.txt');
  const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, '-e', ''], { encoding: 'utf8' });
  return result.status === 0 && existsSync(out) && /^\d+\s*$/.test(readFileSync(out, 'utf8'));
}

/**
 * One timed run. `command` is 'node' for a Node script (so the probe can be injected) or a path.
 * Returns { ms, rssMB, status, stdout, stderr }.
 */
export function runOnce(command, args, { cwd, env = {}, okStatus = [0] } = {}) {
  const rssFile = path.join(scratch, `rss-${process.hrtime.bigint()}.txt`);
  const isNode = command === 'node';
  let file = isNode ? process.execPath : command;
  let argv = isNode && rssMethod !== 'GNU time %M' ? ['--import', PROBE, ...args] : args;
  if (rssMethod === 'GNU time %M') {
    argv = ['-f', '%M %U %S', '-o', rssFile, file, ...argv];
    file = GNU_TIME;
  }
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', BENCH_RSS_FILE: rssFile, ...(rssMethod === 'GNU time %M' ? {} : { BENCH_RSS_PROBE: '1' }), ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // GNU time may print a line about the exit status first; the last line is ours: KiB, user s, system s.
  const [rssKiB, userSeconds, systemSeconds] = (existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '' : '').split(' ').map(Number);
  rmSync(rssFile, { force: true });
  if (!okStatus.includes(result.status)) {
    const detail = (result.stderr || result.stdout || String(result.error ?? '')).trim().split('\n').slice(-3).join(' / ');
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${detail}`);
  }
  const cpuMs = (userSeconds + systemSeconds) * 1000;
  return { ms, cpuMs, rssMB: rssKiB / 1024, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `runs` timed runs after one warm-up (file cache, V8 code cache), each preceded by `before()`
 * outside the timing. Returns the medians.
 */
export function measure(command, args, { runs, before, ...options }) {
  const samples = [];
  for (let run = -1; run < runs; run++) {
    const prepared = before ? before() : undefined;
    const sample = runOnce(command, typeof args === 'function' ? args(prepared) : args, { ...options, cwd: typeof options.cwd === 'function' ? options.cwd(prepared) : options.cwd });
    if (run >= 0) samples.push(sample);
  }
  const middle = (key) => median(samples.map((sample) => sample[key]));
  return { ms: middle('ms'), cpuMs: middle('cpuMs'), rssMB: middle('rssMB'), last: samples[samples.length - 1] };
}

export function cleanScratch() {
  rmSync(scratch, { recursive: true, force: true });
}
