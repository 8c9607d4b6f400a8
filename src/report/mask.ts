import { createRequire } from 'node:module';
import type { LeafValue } from '../keys/flatten.js';

/**
 * Every value that reaches an output goes through here. Stripe-style credentials keep their
 * prefix and last four characters, passwords in connection strings become ****, and whitelisted
 * strings are shortened, so a log or a CI annotation never carries a usable secret.
 */
const CREDENTIAL = /\b((?:pk|sk|rk)_(?:test|live)_|whsec_)([A-Za-z0-9]+)/g;
// Greedy up to the last @ before the host, so an unencoded @ in a password leaves no tail behind;
// never across a quote, so a JSON report keeps its shape.
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)([^\s/"']+)(@)/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(CREDENTIAL, (_match, prefix: string, body: string) => `${prefix}…${body.length > 8 ? body.slice(-4) : ''}`)
    .replace(URL_PASSWORD, (_match, head: string, _password: string, at: string) => `${head}****${at}`);
}

/** A value for a message: JSON-like, secrets redacted, whitelisted strings shortened. */
export function displayValue(value: LeafValue | undefined, whitelisted = false): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'object' && value !== null) return value.empty === 'map' ? '{}' : '[]';
  if (typeof value !== 'string') return String(value);
  const redacted = redactSecrets(value);
  if (whitelisted && redacted === value) return JSON.stringify(shorten(value));
  return JSON.stringify(redacted.length > 80 ? `${redacted.slice(0, 60)}…` : redacted);
}

/**
 * A short fingerprint of a value (`#3fa2`): two masked secrets often look alike (`whsec_…m4Rt`),
 * and a reader of a change must still see that they differ. Four hex digits tell values apart
 * without giving anyone a usable hash of the secret.
 */
export function fingerprint(value: LeafValue): string {
  // node:crypto is loaded here, on first use, not at start-up: this module is on every run's path and crypto costs ~10 ms to load.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return `#${createHash('sha256').update(String(typeof value === 'object' && value !== null ? value.empty : value)).digest('hex').slice(0, 4)}`;
}

/** Enough of a whitelisted value to tell the environments apart, never the whole of it. */
function shorten(value: string): string {
  if (value.length > 12) return `${value.slice(0, 6)}…${value.slice(-4)}`;
  if (value.length > 4) return `${value.slice(0, 2)}…`;
  return '…';
}
