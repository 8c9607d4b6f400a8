import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io.js';
import { run } from '../../../src/cli/run.js';
import { seedRepo, STACK_FRAME } from '../fixtures.js';

/**
 * An internal error, caused for real: the report cannot be written because stdout throws (as a
 * closed pipe does). Whatever breaks inside, the user gets one line that says it is a bug.
 */
function ioWithBrokenStdout(cwd: string, thrown: unknown): CliIO & { errors: string[] } {
  const errors: string[] = [];
  return {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: {
      write() {
        throw thrown;
      },
    },
    stderr: {
      write(text: string) {
        errors.push(text);
        return true;
      },
    },
    errors,
  };
}

const repo = () => seedRepo({ api: { ci: 'replicas: 2\n', staging: 'replicas: 2\n', prod: 'replicas: 3\n' } });

describe('an internal error (a bug) is one line with where to report it, exit 2', () => {
  it('prints no stack trace without --debug', async () => {
    const io = ioWithBrokenStdout(repo(), new TypeError('write after end'));
    const exitCode = await run([], io);
    expect(exitCode).toBe(2);
    const stderr = io.errors.join('');
    expect(stderr).toMatch(/^promote-lint: internal error: write after end — this is a bug, please report it at https:\/\/\S+\/issues\n$/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('prints the stack under --debug', async () => {
    const io = ioWithBrokenStdout(repo(), new TypeError('write after end'));
    const exitCode = await run(['--debug'], io);
    expect(exitCode).toBe(2);
    const [line, stack] = io.errors;
    expect(line).toContain('internal error: write after end — this is a bug');
    expect(stack).toMatch(/^TypeError: write after end\n/);
    expect(stack).toMatch(STACK_FRAME);
  });

  it('copes with something thrown that is not an Error, and with a multi-line message', async () => {
    const notAnError = ioWithBrokenStdout(repo(), 'a plain string');
    expect(await run([], notAnError)).toBe(2);
    expect(notAnError.errors.join('')).toMatch(/^promote-lint: internal error: a plain string — this is a bug/);
    const multiLine = ioWithBrokenStdout(repo(), new Error('first line\nsecond line'));
    expect(await run([], multiLine)).toBe(2);
    expect(multiLine.errors).toHaveLength(1);
    expect(multiLine.errors[0]).not.toContain('second line');
  });

  it('keeps usage errors apart from bugs: exit 2 without the word "bug"', async () => {
    const io = ioWithBrokenStdout(repo(), new Error('unused'));
    expect(await run(['--max-warnings', 'many'], io)).toBe(2);
    expect(io.errors.join('')).toBe('promote-lint: --max-warnings expects a whole number, got "many"\n');
  });
});
