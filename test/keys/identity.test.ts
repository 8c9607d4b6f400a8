import { describe, expect, it } from 'vitest';
import { chooseArrayIdentities, DOCUMENTS_PATH, KUBERNETES_IDENTITY } from '../../src/keys/identity.js';
import { flattenDocuments } from '../../src/keys/flatten.js';
import { parseConfigText } from '../../src/read/parse.js';

const documents = (text: string) => parseConfigText(text).documents;

/** The identities chosen over several environments' copies of one file. */
function identities(texts: string[], arrayKeys: Record<string, string> = {}) {
  return chooseArrayIdentities(texts.map(documents), arrayKeys);
}

/** Key paths of one environment's copy, with identities chosen over all copies. */
function keyPaths(texts: string[], arrayKeys: Record<string, string> = {}, index = 0): string[] {
  return [...flattenDocuments(documents(texts[index]), identities(texts, arrayKeys)).leaves.keys()];
}

describe('chooseArrayIdentities', () => {
  it.each([
    ['id', 'plans:\n  - {id: pro, name: Pro}\n  - {id: basic, name: Basic}\n', 'id'],
    ['name when id is missing', 'plans:\n  - {name: pro}\n  - {name: basic}\n', 'name'],
    ['key when id and name repeat', 'plans:\n  - {key: a, name: x}\n  - {key: b, name: x}\n', 'key'],
    ['nothing when no field is unique', 'plans:\n  - {id: a}\n  - {id: a}\n', undefined],
    ['nothing for scalars', 'chain: [gpt-4o, claude, deepseek]\n', undefined],
    ['nothing when one element lacks the field', 'plans:\n  - {id: a}\n  - {name: b}\n', undefined],
  ])('chooses %s', (_title, text, expected) => {
    const [genericPath] = [...identities([text]).keys()];
    expect(identities([text]).get(genericPath)).toBe(expected);
  });

  it('decides over every environment at once: an id unique in CI but repeated in prod is no identity', () => {
    const ci = 'plans:\n  - {id: pro, name: Pro}\n  - {id: team, name: Team}\n';
    const prod = 'plans:\n  - {id: pro, name: Pro}\n  - {id: pro, name: Pro Legacy}\n';
    expect(identities([ci, prod]).get('plans')).toBe('name');
    expect(keyPaths([ci, prod])).toContain('plans[name=Team].id');
  });

  it('names the same element the same way in every environment, whatever its position', () => {
    const ci = 'plans:\n  - {id: team, amount: 9900}\n  - {id: pro, amount: 2900}\n';
    const prod = 'plans:\n  - {id: pro, amount: 2900}\n';
    expect(keyPaths([ci, prod], {}, 1)).toEqual(['plans[id=pro].id', 'plans[id=pro].amount']);
    expect(keyPaths([ci, prod], {}, 0)).toContain('plans[id=pro].amount');
  });

  it('takes the arrayKeys field over id/name/key', () => {
    const text = 'plans:\n  - {id: 1, sku: pro}\n  - {id: 2, sku: basic}\n';
    expect(identities([text], { plans: 'sku' }).get('plans')).toBe('sku');
    expect(keyPaths([text], { plans: 'sku' })).toContain('plans[sku=pro].id');
  });

  it('falls back to the index when the arrayKeys field is not unique', () => {
    const text = 'plans:\n  - {id: 1, sku: pro}\n  - {id: 2, sku: pro}\n';
    expect(identities([text], { plans: 'sku' }).get('plans')).toBeUndefined();
    expect(keyPaths([text], { plans: 'sku' })).toEqual(['plans[0].id', 'plans[0].sku', 'plans[1].id', 'plans[1].sku']);
  });

  it('names nested arrays by their generic path with []', () => {
    const text = 'router:\n  rules:\n    - name: a\n      matches: [{host: x, path: /}]\n';
    expect(identities([text]).has('router.rules[].matches')).toBe(true);
    expect(keyPaths([text], { 'router.rules[].matches': 'host' })).toContain('router.rules[name=a].matches[host=x].path');
  });

  it('tells Kubernetes objects of a multi-document stream apart by kind/metadata.name', () => {
    const stream = 'kind: Deployment\nmetadata: {name: api}\nspec: {replicas: 2}\n---\nkind: Service\nmetadata: {name: api}\nspec: {port: 80}\n';
    expect(identities([stream]).get(DOCUMENTS_PATH)).toBe(KUBERNETES_IDENTITY);
    expect(keyPaths([stream])).toContain('[Deployment/api].spec.replicas');
    expect(keyPaths([stream])).toContain('[Service/api].spec.port');
  });

  it('keeps Kubernetes identities in a stream that ends with ---', () => {
    const stream = '---\nkind: Deployment\nmetadata: {name: api}\nspec: {replicas: 2}\n---\nkind: Service\nmetadata: {name: api}\n---\n';
    expect(keyPaths([stream])).toContain('[Deployment/api].spec.replicas');
  });

  it('numbers documents when two share kind and name', () => {
    const stream = 'kind: ConfigMap\nmetadata: {name: a}\n---\nkind: ConfigMap\nmetadata: {name: a}\n';
    expect(identities([stream]).get(DOCUMENTS_PATH)).toBeUndefined();
    expect(keyPaths([stream])).toContain('[1].kind');
  });

  it('treats a single-document copy as a stream when another environment has several', () => {
    const one = 'kind: Deployment\nmetadata: {name: api}\nspec: {replicas: 3}\n';
    const two = `${one}---\nkind: Service\nmetadata: {name: api}\n`;
    expect(keyPaths([one, two], {}, 0)).toContain('[Deployment/api].spec.replicas');
  });
});
