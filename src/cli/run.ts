import { isUsageError } from '../errors.js';
import { processIO, writeErr, type CliIO } from './io.js';
import { main } from './main.js';

const ISSUES_URL = 'https://github.com/promote-lint/promote-lint/issues';

/** The bin's entry: every error becomes one line on stderr and an exit code, never a stack trace. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (isUsageError(error)) {
      writeErr(io, `promote-lint: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    writeErr(io, `promote-lint: internal error: ${message.split('\n')[0]} — this is a bug, please report it at ${ISSUES_URL}\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack) writeErr(io, `${error.stack}\n`);
    return 2;
  }
}
