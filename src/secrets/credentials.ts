import type { EnvFile } from '../compare/snapshot.js';
import type { Environment } from '../config/resolve.js';
import { redactSecrets } from '../report/mask.js';
import type { RuleContext } from '../rules/types.js';

export type CredentialMode = 'test' | 'live';

export interface CredentialHit {
  offset: number;
  end: number;
  /** already masked: `sk_test_…aaaa`; the raw credential never leaves this module */
  masked: string;
}

/**
 * The raw text is scanned, not the parsed values: a credential in a comment is still a leaked
 * credential (the file is committed and mounted), and a file that does not parse still holds it.
 * The key body is required, so a comment such as `# pk_test_ keys only in CI` stays quiet, and
 * the character before the prefix may not be part of a word (`risk_test_data` is not `sk_test_`).
 */
const PATTERNS: Record<CredentialMode, RegExp> = {
  test: /(?<![A-Za-z0-9_])(?:pk|sk|rk)_test_[A-Za-z0-9]{2,}/g,
  live: /(?<![A-Za-z0-9_])(?:pk|sk|rk)_live_[A-Za-z0-9]{2,}/g,
};

export function findCredentials(text: string, mode: CredentialMode): CredentialHit[] {
  return [...text.matchAll(PATTERNS[mode])].map((match) => ({
    offset: match.index,
    end: match.index + match[0].length,
    masked: redactSecrets(match[0]),
  }));
}

/** The key path of the value holding an offset, or '' when it is in a comment (or the file did not parse). */
export function keyPathAt(envFile: EnvFile, offset: number): string {
  for (const leaf of envFile.flat?.leaves.values() ?? []) {
    if (leaf.node.kind === 'scalar' && !leaf.shared && leaf.node.start <= offset && offset < leaf.node.end) return leaf.keyPath;
  }
  // An anchored value shared through aliases: name the first key that uses it.
  for (const leaf of envFile.flat?.leaves.values() ?? []) {
    if (leaf.node.kind === 'scalar' && leaf.node.start <= offset && offset < leaf.node.end) return leaf.keyPath;
  }
  return '';
}

/** Reports every credential of one mode in the overlay files of the environments a rule guards. */
export async function reportCredentials(
  context: RuleContext,
  mode: CredentialMode,
  guards: (env: Environment) => boolean,
  message: (hit: CredentialHit, env: Environment, keyPath: string) => string,
): Promise<void> {
  for (const { service, envFile } of await context.overlayFiles()) {
    if (!guards(envFile.env) || envFile.text === undefined) continue;
    for (const hit of findCredentials(envFile.text, mode)) {
      const keyPath = keyPathAt(envFile, hit.offset);
      context.report({
        service,
        env: envFile.env.name,
        key: keyPath,
        place: { envFile, offset: hit.offset, endOffset: hit.end },
        message: message(hit, envFile.env, keyPath),
      });
    }
  }
}
