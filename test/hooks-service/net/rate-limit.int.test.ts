/**
 * Rate limits (CAIRN_RATE_LIMIT_*): the SMART app's routes per access token, analytics per address, refused
 * client JWTs per address (checked before verifying, so even a good token waits), and CDS calls per issuer when
 * configured. Each limit answers 429 with Retry-After and a message; other callers are not affected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseServiceConfig } from '../../../hooks-service/config';
import { DEFAULT_RATE_LIMITS } from '../../../hooks-service/net/rate-limit';
import { jwksOf, makeKey, signToken, type TestKey } from '../support/client-keys';
import { ADMIN_TOKEN, startFullService, type FullService } from '../support/full-service';
import { startJwksServer, type JwksServer } from '../support/jwks-server';
import { hookRequest, loadFixture, NOW, prefetchFor } from '../support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
const limits = { ...DEFAULT_RATE_LIMITS, appPerToken: 3, analyticsPerIp: 2, authFailuresPerIp: 3, hooksPerIssuer: 0 };

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

describe('the SMART app routes and analytics', () => {
  let svc: FullService;
  beforeAll(async () => {
    svc = await startFullService({ rateLimit: limits });
  });
  afterAll(async () => {
    await svc.close();
  });

  // Not allow-listed: each call is refused 403 without any outbound request, and still counts.
  const verdict = {
    findingId: 'f',
    ruleId: 'ddi-x',
    useful: true,
    fhirServer: 'https://fhir.example.org/r4',
    patientId: 'p1',
  };

  it('answer 429 with Retry-After once one access token used up its window, on /api/app-feedback and /api/reasoning together', async () => {
    const auth = { authorization: 'Bearer token-a' };
    const statuses = [
      (await post(`${svc.url}/api/app-feedback`, verdict, auth)).status,
      (await post(`${svc.url}/api/reasoning`, { fhirServer: verdict.fhirServer, patientId: 'p1' }, auth)).status,
      (await post(`${svc.url}/api/app-feedback`, verdict, auth)).status,
    ];
    expect(statuses).toEqual([403, 403, 403]);
    const limited = await post(`${svc.url}/api/app-feedback`, verdict, auth);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(limited.body)).toMatchObject({
      error: 'RATE_LIMITED',
      message: expect.stringMatching(/retry in/),
    });
  });

  it('keeps another token unaffected', async () => {
    expect((await post(`${svc.url}/api/app-feedback`, verdict, { authorization: 'Bearer token-b' })).status).toBe(403);
  });

  it('limits /api/analytics per client address', async () => {
    const get = () => fetch(`${svc.url}/api/analytics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect([(await get()).status, (await get()).status]).toEqual([200, 200]);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('leaves the CDS service calls alone by default (a 429 to an EHR is a missing card)', async () => {
    const body = () => hookRequest('patient-view', fx, { prefetch: prefetchFor(fx, ['patient']) });
    const statuses = await Promise.all(
      Array.from({ length: 6 }, async () => (await post(`${svc.url}/cds-services/cairn-patient-view`, body())).status),
    );
    expect(statuses.every((s) => s !== 429)).toBe(true);
  });
});

describe('refused client JWTs', () => {
  const ISS = 'https://ehr.example.org';
  const PATH = '/cds-services/cairn-patient-view';
  const iat = Math.floor(NOW.getTime() / 1000);
  let jwks: JwksServer;
  let key: TestKey;
  let svc: FullService;
  beforeAll(async () => {
    jwks = await startJwksServer();
    key = makeKey('ES384');
    jwks.serve('/jwks', jwksOf(key));
    svc = await startFullService({
      auth: 'on',
      issuers: [{ iss: ISS, jwksUrl: `${jwks.origin}/jwks`, jku: [`${jwks.origin}/jwks`] }],
      rateLimit: limits,
    });
  });
  afterAll(async () => {
    await svc.close();
    await jwks.close();
  });

  const call = (token: string) =>
    post(`${svc.url}${PATH}`, hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }), {
      authorization: `Bearer ${token}`,
    });
  const good = () => signToken(key, { iss: ISS, aud: `${svc.url}${PATH}`, iat });

  it('do not count a good token', async () => {
    for (let i = 0; i < 4; i++) expect((await call(good())).status).toBe(200);
  });

  it('answer 401 up to the limit, then 429 with Retry-After before any token is verified', async () => {
    const bad = () => signToken(makeKey('ES384'), { iss: ISS, aud: `${svc.url}${PATH}`, iat });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(bad())).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const goodButBlocked = await call(good());
    expect(goodButBlocked.status).toBe(429);
    expect(Number(goodButBlocked.retryAfter)).toBeGreaterThan(0);
  });
});

describe('refused client JWTs behind a trusted proxy (CAIRN_TRUST_PROXY)', () => {
  it("count per forwarded client address, so an attacker's failures never lock the EHR out", async () => {
    const ISS = 'https://ehr.example.org';
    const PATH = '/cds-services/cairn-patient-view';
    const jwks = await startJwksServer();
    const key = makeKey('ES384');
    jwks.serve('/jwks', jwksOf(key));
    const svc = await startFullService({
      auth: 'on',
      trustProxy: '127.0.0.1',
      issuers: [{ iss: ISS, jwksUrl: `${jwks.origin}/jwks`, jku: [`${jwks.origin}/jwks`] }],
      rateLimit: limits,
    });
    try {
      const iat = Math.floor(NOW.getTime() / 1000);
      const from = (address: string, token: string) =>
        post(`${svc.url}${PATH}`, hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }), {
          authorization: `Bearer ${token}`,
          'x-forwarded-for': address,
        });
      for (let i = 0; i < 4; i++) await from('203.0.113.9', 'e30.e30.');
      expect((await from('203.0.113.9', 'e30.e30.')).status).toBe(429);
      expect((await from('198.51.100.7', signToken(key, { iss: ISS, aud: `${svc.url}${PATH}`, iat }))).status).toBe(
        200,
      );
    } finally {
      await svc.close();
      await jwks.close();
    }
  });
});

describe('CDS calls per issuer, when configured', () => {
  it('answer 429 past CAIRN_RATE_LIMIT_HOOKS per window', async () => {
    const svc = await startFullService({ rateLimit: { ...limits, hooksPerIssuer: 2 } });
    try {
      const body = () => hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await post(`${svc.url}/cds-services/cairn-patient-view`, body())).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await svc.close();
    }
  });
});

describe('CAIRN_RATE_LIMIT_* configuration', () => {
  const base = { CDS_AUTH: 'off' };
  it('reads the variables, with defaults', () => {
    expect(parseServiceConfig(base).rateLimit).toEqual(DEFAULT_RATE_LIMITS);
    expect(
      parseServiceConfig({
        ...base,
        CAIRN_RATE_LIMIT_WINDOW_S: '10',
        CAIRN_RATE_LIMIT_APP: '5',
        CAIRN_RATE_LIMIT_HOOKS: '600',
      }).rateLimit,
    ).toMatchObject({ windowMs: 10_000, appPerToken: 5, hooksPerIssuer: 600 });
    expect(parseServiceConfig({ ...base, CAIRN_RATE_LIMIT: 'off' }).rateLimit.enabled).toBe(false);
    expect(parseServiceConfig({ ...base, CAIRN_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
  });

  it.each([
    ['CAIRN_RATE_LIMIT', 'maybe'],
    ['CAIRN_RATE_LIMIT_APP', '0'],
    ['CAIRN_RATE_LIMIT_AUTH_FAILURES', 'ten'],
    ['CAIRN_RATE_LIMIT_WINDOW_S', '-1'],
    ['CAIRN_TRUST_PROXY', 'true'],
  ])('stops the start naming %s for a bad value', (name, value) => {
    expect(() => parseServiceConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => parseServiceConfig({ ...base, [name]: value })).toThrow(name);
  });
});
