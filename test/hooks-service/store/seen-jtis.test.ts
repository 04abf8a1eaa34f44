import { describe, expect, it } from 'vitest';
import { SeenJtis } from '../../../hooks-service/store/seen-jtis';

const T0 = Date.parse('2021-04-01T12:00:00Z');

describe('the in-process memory of seen jtis', () => {
  it('refuses a second claim of a held key and holds it until it expires', () => {
    const seen = new SeenJtis();
    expect(seen.holds('iss|a', T0)).toBe(false);
    expect(seen.claim('iss|a', T0 + 60_000, T0)).toBe(true);
    expect(seen.holds('iss|a', T0 + 1)).toBe(true);
    expect(seen.claim('iss|a', T0 + 60_000, T0 + 1)).toBe(false);
    expect(seen.holds('iss|a', T0 + 60_000)).toBe(false);
    expect(seen.claim('iss|a', T0 + 120_000, T0 + 60_000)).toBe(true);
  });

  it('forgets a released key, so a retry of a token never stored is not a replay', () => {
    const seen = new SeenJtis();
    expect(seen.claim('iss|b', T0 + 60_000, T0)).toBe(true);
    seen.release('iss|b');
    expect(seen.claim('iss|b', T0 + 60_000, T0)).toBe(true);
  });

  it('drops expired keys in one sweep, so it holds no more than the live tokens', () => {
    const seen = new SeenJtis();
    for (let i = 0; i < 100; i++) seen.claim(`iss|${i}`, T0 + 1_000, T0);
    seen.claim('iss|live', T0 + 600_000, T0);
    expect(seen.size).toBe(101);
    seen.holds('iss|other', T0 + 31_000);
    expect(seen.size).toBe(1);
  });
});
