import { describe, expect, it } from 'vitest';
import { ancestorPaths, formatKeyPath, formatSegment, segmentName, splitKeyPath, type KeySegment } from '../../src/keys/keyPath.js';

const plain = (...names: string[]): KeySegment[] => names.map((name) => ({ name, items: [] }));

describe('formatKeyPath', () => {
  it.each([
    { segments: plain('credit', 'rates', 'gpt-4o'), expected: 'credit.rates.gpt-4o' },
    { segments: [...plain('payment'), { name: 'plans', items: [{ field: 'id', value: 'pro' }] }, ...plain('amount')], expected: 'payment.plans[id=pro].amount' },
    { segments: [...plain('router'), { name: 'fallbackChain', items: [{ value: 1 }] }], expected: 'router.fallbackChain[1]' },
    { segments: [{ name: 'matrix', items: [{ value: 0 }, { value: 2 }] }], expected: 'matrix[0][2]' },
    { segments: [{ name: '', items: [{ value: 'Deployment/api' }] }, ...plain('spec', 'replicas')], expected: '[Deployment/api].spec.replicas' },
    { segments: [{ name: '', items: [{ value: 3 }] }], expected: '[3]' },
  ])('$expected', ({ segments, expected }) => {
    expect(formatKeyPath(segments)).toBe(expected);
  });

  it.each([
    ['argocd.argoproj.io/sync-wave', '"argocd.argoproj.io/sync-wave"'],
    ['has space', '"has space"'],
    ['a[0]', '"a[0]"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['gpt-4o', 'gpt-4o'],
    ['sync/wave', 'sync/wave'],
  ])('quotes the key %j only when it must', (name, expected) => {
    expect(formatSegment({ name, items: [] })).toBe(expected);
  });
});

describe('splitKeyPath', () => {
  it.each([
    ['credit.rates.gpt-4o', ['credit', 'rates', 'gpt-4o']],
    ['payment.plans[id=pro].amount', ['payment', 'plans[id=pro]', 'amount']],
    ['payment.plans[id=pro.v2].amount', ['payment', 'plans[id=pro.v2]', 'amount']],
    ['metadata.annotations."argocd.argoproj.io/sync-wave"', ['metadata', 'annotations', '"argocd.argoproj.io/sync-wave"']],
    ['a."b\\".c".d', ['a', '"b\\".c"', 'd']],
    ['payment.*.stripePriceId', ['payment', '*', 'stripePriceId']],
    ['**.password', ['**', 'password']],
    ['[Deployment/api].spec', ['[Deployment/api]', 'spec']],
  ])('%s', (text, expected) => {
    expect(splitKeyPath(text)).toEqual(expected);
  });

  it('round-trips every formatted path, whatever its keys contain', () => {
    const segments: KeySegment[] = [
      { name: 'metadata', items: [] },
      { name: 'argocd.argoproj.io/sync-wave', items: [] },
      { name: 'plans', items: [{ field: 'id', value: 'pro' }, { value: 0 }] },
    ];
    const parts = splitKeyPath(formatKeyPath(segments));
    expect(parts.map(segmentName)).toEqual(['metadata', 'argocd.argoproj.io/sync-wave', 'plans']);
  });
});

describe('segmentName', () => {
  it.each([
    ['plans[id=pro]', 'plans'],
    ['"a.b"', 'a.b'],
    ['"a.b"[0]', 'a.b'],
    ['"say \\"hi\\""', 'say "hi"'],
    ['simple', 'simple'],
  ])('%s → %s', (text, expected) => {
    expect(segmentName(text)).toBe(expected);
  });
});

describe('ancestorPaths', () => {
  const format = (paths: KeySegment[][]) => paths.map(formatKeyPath);

  it('lists every proper ancestor, shortest first, each array selector a step', () => {
    const segments: KeySegment[] = [...plain('payment'), { name: 'plans', items: [{ field: 'id', value: 'pro' }] }, ...plain('amount')];
    expect(format(ancestorPaths(segments))).toEqual(['payment', 'payment.plans', 'payment.plans[id=pro]']);
  });

  it('counts nested selectors one by one', () => {
    expect(format(ancestorPaths([{ name: 'matrix', items: [{ value: 0 }, { value: 1 }] }]))).toEqual(['matrix', 'matrix[0]']);
  });

  it('has no empty ancestor for a document of a stream', () => {
    const segments: KeySegment[] = [{ name: '', items: [{ value: 'Deployment/api' }] }, ...plain('spec', 'replicas')];
    expect(format(ancestorPaths(segments))).toEqual(['[Deployment/api]', '[Deployment/api].spec']);
  });

  it('is empty for a top-level key', () => {
    expect(ancestorPaths(plain('name'))).toEqual([]);
  });
});
