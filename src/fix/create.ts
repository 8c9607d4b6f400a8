import type { Environment, ResolvedConfig } from '../config/resolve.js';
import { DOCUMENTS_PATH } from '../keys/identity.js';
import type { FlatFile } from '../keys/flatten.js';
import { copyRegion } from './copy-lines.js';
import type { Blocked } from './plan-context.js';
import { ROOT_CURSOR, type CopyPolicy, type Omitted, type PathCursor } from './policy.js';
import { validateCandidate } from './validate.js';
import { kubernetesIdentity, type FixDoc } from './yaml-view.js';

const NOTHING: FlatFile = { leaves: new Map(), containers: new Map() };

/**
 * A service file the target does not have yet: the source's text, comments and all, with the
 * whitelisted keys and forbidden credentials cut out (a person fills those in).
 */
export function createFromSource(config: ResolvedConfig, env: Environment, sourceText: string, sourceFix: FixDoc, sourceFlat: FlatFile, identities: ReadonlyMap<string, string | undefined>): { text: string; omitted: Omitted[] } | Blocked {
  const policy: CopyPolicy = { whitelist: config.whitelist, targetLive: env.live, identities };
  const isStream = identities.has(DOCUMENTS_PATH);
  const byName = identities.get(DOCUMENTS_PATH) !== undefined;
  const documents = isStream ? sourceFix.documents : sourceFix.documents.slice(0, 1);
  const roots = documents.map((doc, index) => {
    const cursor: PathCursor = isStream ? { segments: [{ name: '', items: [{ value: (byName && kubernetesIdentity(doc)) || index }] }], generic: '' } : ROOT_CURSOR;
    return { doc, node: doc.contents, cursor };
  });
  const omitted: Omitted[] = [];
  const text = copyRegion({ policy, omitted }, sourceText, [0, sourceText.length], roots);
  if (text === undefined) return { keyPath: '', reason: 'the file cannot be created here: its whitelisted keys cannot be cut out line by line' };
  const verdict = validateCandidate({ source: sourceFlat, before: NOTHING, beforeText: '', policy }, text);
  if (!verdict.ok) return { keyPath: verdict.keyPath ?? '', reason: `the file cannot be created here: ${verdict.reason}` };
  return { text, omitted };
}
