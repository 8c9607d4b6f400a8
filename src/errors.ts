/**
 * An error the user can act on: a bad flag, a config that does not validate, a path that does not
 * exist. It carries its own exit code so that main() never has to guess.
 */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UsageError';
    this.exitCode = exitCode;
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
