import type { TreeNode } from '../read/tree.js';

/** The identity fields tried, in order, when an array of objects has no `arrayKeys` entry. */
export const DEFAULT_IDENTITY_FIELDS = ['id', 'name', 'key'];

/** The synthetic array path of the documents in a multi-document file. */
export const DOCUMENTS_PATH = '<documents>';
/** Kubernetes objects in a stream are told apart by `kind/metadata.name`. */
export const KUBERNETES_IDENTITY = 'kind/metadata.name';

/**
 * Chooses, for every array in a file, how its elements are matched across environments. The
 * choice is made over all environments at once: a field is an identity only if every element of
 * every instance of that array, in every environment, has a unique scalar value for it. Arrays are
 * named by their generic path, `payment.plans` or `router.rules[].matches`.
 */
export function chooseArrayIdentities(
  documentsPerEnv: readonly (readonly TreeNode[])[],
  arrayKeys: Readonly<Record<string, string>>,
): Map<string, string | undefined> {
  const candidatesByPath = new Map<string, Set<string>>();
  const narrow = (genericPath: string, items: readonly TreeNode[], fieldOf: (item: TreeNode, field: string) => string | undefined) => {
    let candidates = candidatesByPath.get(genericPath);
    if (!candidates) {
      candidates = new Set(identityFieldsFor(genericPath, arrayKeys));
      candidatesByPath.set(genericPath, candidates);
    }
    for (const field of [...candidates]) {
      const seen = new Set<string>();
      for (const item of items) {
        const value = fieldOf(item, field);
        if (value === undefined || seen.has(value)) {
          candidates.delete(field);
          break;
        }
        seen.add(value);
      }
    }
  };
  const walk = (node: TreeNode, genericPath: string) => {
    if (node.kind === 'map') {
      for (const entry of node.entries) walk(entry.value, joinGeneric(genericPath, entry.key));
    } else if (node.kind === 'seq') {
      narrow(genericPath, node.items, scalarField);
      for (const item of node.items) walk(item, `${genericPath}[]`);
    }
  };
  const isStream = documentsPerEnv.some((documents) => documents.length > 1);
  for (const documents of documentsPerEnv) {
    if (isStream) {
      narrow(DOCUMENTS_PATH, documents, (document, field) => kubernetesIdentity(document)?.get(field));
      for (const document of documents) walk(document, '');
    } else if (documents[0]) {
      walk(documents[0], '');
    }
  }
  const chosen = new Map<string, string | undefined>();
  for (const [genericPath, candidates] of candidatesByPath) {
    chosen.set(genericPath, identityFieldsFor(genericPath, arrayKeys).find((field) => candidates.has(field)));
  }
  if (isStream && !chosen.has(DOCUMENTS_PATH)) chosen.set(DOCUMENTS_PATH, undefined);
  return chosen;
}

/** The fields tried for an array, in order of preference. */
function identityFieldsFor(genericPath: string, arrayKeys: Readonly<Record<string, string>>): string[] {
  if (genericPath === DOCUMENTS_PATH) return [KUBERNETES_IDENTITY];
  const configured = arrayKeys[genericPath];
  return configured ? [configured] : DEFAULT_IDENTITY_FIELDS;
}

export function joinGeneric(genericPath: string, key: string): string {
  return genericPath === '' ? key : `${genericPath}.${key}`;
}

/**
 * One scalar field of a mapping, as text (what `scalarFields(node)?.get(field)` gives, without
 * building the map: this runs for every element of every array).
 */
export function scalarField(node: TreeNode, field: string): string | undefined {
  if (node.kind !== 'map') return undefined;
  let found: string | undefined;
  for (const entry of node.entries) {
    if (entry.key === field && entry.value.kind === 'scalar' && entry.value.value !== null) found = String(entry.value.value);
  }
  return found;
}

/** The scalar fields of a mapping, as text; undefined for anything that is not a mapping. */
export function scalarFields(node: TreeNode): Map<string, string> | undefined {
  if (node.kind !== 'map') return undefined;
  const fields = new Map<string, string>();
  for (const entry of node.entries) {
    if (entry.value.kind === 'scalar' && entry.value.value !== null) fields.set(entry.key, String(entry.value.value));
  }
  return fields;
}

function kubernetesIdentity(node: TreeNode): Map<string, string> | undefined {
  if (node.kind !== 'map') return undefined;
  const kind = scalarFields(node)?.get('kind');
  const metadata = node.entries.find((entry) => entry.key === 'metadata')?.value;
  const name = metadata ? scalarFields(metadata)?.get('name') : undefined;
  if (kind === undefined || name === undefined) return undefined;
  return new Map([[KUBERNETES_IDENTITY, `${kind}/${name}`]]);
}

export function documentIdentity(node: TreeNode): string | undefined {
  return kubernetesIdentity(node)?.get(KUBERNETES_IDENTITY);
}
