import { redactSecrets } from '../report/mask.js';

/** What main() talks to, passed in so tests can capture it and nothing writes to process directly. */
export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export function processIO(): CliIO {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreClosedPipe);
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/**
 * `promote-lint | head` closes the pipe before the report ends: the rest has no reader, which is
 * not an error worth a stack trace. The exit code still says what the lint found.
 */
function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

/** The last line of defence: whatever a formatter produced, no credential leaves in full. */
export function writeOut(io: CliIO, text: string): void {
  io.stdout.write(redactSecrets(text));
}

export function writeErr(io: CliIO, text: string): void {
  io.stderr.write(redactSecrets(text));
}

/** NO_COLOR (even empty) wins, then --no-color, then FORCE_COLOR, then whether stdout is a TTY. */
export function useColor(io: CliIO, noColorFlag: boolean): boolean {
  if (io.env.NO_COLOR !== undefined || noColorFlag) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}
