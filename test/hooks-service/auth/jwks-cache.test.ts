import { describe, expect, it } from 'vitest';
import { JwksCache } from '../../../hooks-service/auth/jwks';
import { isAllowedJku } from '../../../hooks-service/auth/verify';
import { jwksOf, makeKey } from '../support/client-keys';

function counter(body: () => unknown) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    return new Response(JSON.stringify(body()));
  };
  return { calls, fetch };
}

describe('JWKS cache', () => {
  it('fetches lazily, caches, and re-fetches once for an unknown kid after the interval (key rotation)', async () => {
    const a = makeKey('ES384');
    const b = makeKey('ES384');
    let published = [a];
    let now = 0;
    const net = counter(() => jwksOf(...published));
    const cache = new JwksCache({ fetch: net.fetch, now: () => now, refetchIntervalMs: 30_000 });
    expect(net.calls).toHaveLength(0);
    expect(await cache.key('https://k/jwks', a.kid)).toBeDefined();
    expect(await cache.key('https://k/jwks', a.kid)).toBeDefined();
    expect(net.calls).toHaveLength(1);
    published = [a, b];
    expect(await cache.key('https://k/jwks', b.kid)).toBeUndefined();
    expect(net.calls).toHaveLength(1);
    now = 31_000;
    expect(await cache.key('https://k/jwks', b.kid)).toBeDefined();
    expect(net.calls).toHaveLength(2);
  });

  it('ignores symmetric and private keys in a set, and survives an oversized answer', async () => {
    const a = makeKey('RS384');
    const net = counter(() => ({
      keys: [
        { kty: 'oct', kid: 'h', k: 'c2VjcmV0' },
        { ...a.publicJwk, kid: 'priv', d: 'x' },
      ],
    }));
    const cache = new JwksCache({ fetch: net.fetch, now: () => 0 });
    expect(await cache.key('https://k/jwks', 'h')).toBeUndefined();
    expect(await cache.key('https://k/other', 'priv')).toBeUndefined();
    const big = new JwksCache({ fetch: async () => new Response('x'.repeat(100_000)), now: () => 0, maxBytes: 1000 });
    expect(await big.key('https://k/jwks', 'any')).toBeUndefined();
  });

  it('honours a jku only when it is the issuer’s JWKS URL or under an allow-listed prefix', () => {
    const issuer = { iss: 'https://e', jwksUrl: 'https://e/jwks', jku: ['https://e/jwks', 'https://e/fhir/'] };
    expect(isAllowedJku('https://e/jwks', issuer)).toBe(true);
    expect(isAllowedJku('https://e/fhir/keys', issuer)).toBe(true);
    expect(isAllowedJku('https://e/fhir/../admin/keys', issuer)).toBe(false);
    expect(isAllowedJku('https://e/fhirx/keys', issuer)).toBe(false);
    expect(isAllowedJku('https://evil/jwks', issuer)).toBe(false);
  });
});
