import { describe, expect, it } from 'vitest';
import { composeEmbeddedNarrative } from '@model/index';
import { NarrativeCache, reasoningCacheKey } from '../../../hooks-service/model/narrative-cache';
import { makeResult } from '../../model/support/builders';

const value = composeEmbeddedNarrative(makeResult());
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('reasoning cache', () => {
  it('expires entries after the TTL', async () => {
    let t = 0;
    const cache = new NarrativeCache({ ttlMs: 1_000, maxEntries: 10, now: () => t });
    cache.put('k', Promise.resolve(value), () => true);
    await settle();
    expect(cache.get('k')?.value).toEqual(value);
    t = 1_001;
    expect(cache.get('k')).toBeUndefined();
  });

  it('is bounded: the least recently used entry goes first', () => {
    const cache = new NarrativeCache({ ttlMs: 1_000, maxEntries: 2 });
    cache.put('a', Promise.resolve(value), () => true);
    cache.put('b', Promise.resolve(value), () => true);
    cache.get('a');
    cache.put('c', Promise.resolve(value), () => true);
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it('forgets a result the caller does not want kept', async () => {
    const cache = new NarrativeCache({ ttlMs: 1_000, maxEntries: 2 });
    cache.put('a', Promise.resolve(value), () => false);
    await settle();
    expect(cache.get('a')).toBeUndefined();
  });

  it('keys by patient and a hash of the data, never the data itself', () => {
    const key = reasoningCacheKey('p1', 'm', { name: 'Quillon' });
    expect(key).toMatch(/^p1:[0-9a-f]{64}$/);
    expect(reasoningCacheKey('p1', 'm', { name: 'other' })).not.toBe(key);
  });
});
