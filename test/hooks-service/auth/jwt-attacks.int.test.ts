/**
 * JWT attacks beyond the claim matrix in client-jwt.int.test.ts: key-type confusion, a token not yet valid, an
 * oversized token, a jti the replay store cannot hold, a replay across two replicas sharing one durable store,
 * and an issuer whose JWKS is down — logged with its cause, distinct from a kid the issuer never published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../../hooks-service/logger';
import { composeDependencies } from '../../../hooks-service/compose';
import { buildServer } from '../../../hooks-service/server';
import { createStore } from '../../../hooks-service/store/create-store';
import type { DurableStore } from '../../../hooks-service/store/types';
import { defaultServiceConfig, type TrustedIssuer } from '../../../hooks-service/config';
import { jwksOf, makeKey, signToken, type TestKey } from '../support/client-keys';
import { startJwksServer, type JwksServer } from '../support/jwks-server';
import { startService, type RunningService } from '../support/service';
import { hookRequest, loadFixture, NOW, prefetchFor } from '../support/synthea';

const ISS = 'https://ehr.example.org';
const DOWN_ISS = 'https://down.example.org';
const PUBLIC_URL = 'https://cairn.example.org';
const PATH = '/cds-services/cairn-patient-view';
const iat = Math.floor(NOW.getTime() / 1000);
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');

let jwks: JwksServer;
let es: TestKey;
let rs: TestKey;
let svc: RunningService;
let issuers: TrustedIssuer[];

beforeAll(async () => {
  jwks = await startJwksServer();
  es = makeKey('ES384');
  rs = makeKey('RS384');
  jwks.serve('/ehr/jwks.json', jwksOf(es, rs));
  issuers = [
    { iss: ISS, jwksUrl: `${jwks.origin}/ehr/jwks.json`, jku: [`${jwks.origin}/ehr/jwks.json`] },
    // Nothing is served at this path: the issuer's JWKS download fails with a 404.
    { iss: DOWN_ISS, jwksUrl: `${jwks.origin}/down/jwks.json`, jku: [`${jwks.origin}/down/jwks.json`] },
  ];
  svc = await startService({ auth: 'on', publicUrl: PUBLIC_URL, issuers });
});
afterAll(async () => {
  await svc.close();
  await jwks.close();
});

const aud = `${PUBLIC_URL}${PATH}`;
const body = () => hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
const call = (token: string) => svc.post(PATH, body(), { authorization: `Bearer ${token}` });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

async function expectBare401(token: string): Promise<void> {
  const res = await call(token);
  expect(res.status).toBe(401);
  expect(res.body).toBeUndefined();
}

describe('JWT attacks answer a bare 401', () => {
  it('an RS384 header over the EC key (RS/ES confusion), and ES384 over the RSA key', async () => {
    const rsSignedNamingEs = signToken({ ...rs, kid: es.kid }, { iss: ISS, aud, iat });
    const esSignedNamingRs = signToken({ ...es, kid: rs.kid }, { iss: ISS, aud, iat });
    await expectBare401(rsSignedNamingEs);
    await expectBare401(esSignedNamingRs);
  });

  it('a token whose nbf is in the future', async () => {
    await expectBare401(signToken(es, { iss: ISS, aud, iat, nbf: iat + 600 }));
  });

  it('a token issued in the future', async () => {
    await expectBare401(signToken(es, { iss: ISS, aud, iat: iat + 3600 }));
  });

  it('an oversized token (a 40 KB claim), refused before it is decoded', async () => {
    const token = signToken(es, { iss: ISS, aud, iat, header: { pad: 'x'.repeat(40_000) } });
    await expectBare401(token);
    expect(svc.logs.some((l) => l.includes('"authFailure":"token too large"'))).toBe(true);
  });

  it('a jti holding a NUL character (the replay store could never remember it)', async () => {
    await expectBare401(signToken(es, { iss: ISS, aud, iat, jti: 'a\u0000b' }));
  });

  it('a token that is not three base64url parts, or whose header is not JSON', async () => {
    await expectBare401('abc');
    await expectBare401(`${Buffer.from('{not json').toString('base64url')}.${b64({ iss: ISS })}.sig`);
  });
});

describe('JWKS failures are logged with their cause', () => {
  it('logs a JWKS download failure with its cause and host, distinct from an unknown kid, and never the token', async () => {
    const down = signToken(es, { iss: DOWN_ISS, aud, iat });
    const unknownKid = signToken(makeKey('ES384'), { iss: ISS, aud, iat });
    await expectBare401(down);
    await expectBare401(unknownKid);
    const refusals = svc.logs
      .filter((l) => l.includes('client JWT refused'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(refusals).toContainEqual(
      expect.objectContaining({
        authFailure: 'JWKS download failed',
        cause: 'status 404',
        jwksHost: new URL(jwks.origin).host,
      }),
    );
    expect(refusals).toContainEqual(expect.objectContaining({ authFailure: 'unknown kid' }));
    const all = svc.logs.join('\n');
    for (const token of [down, unknownKid]) expect(all).not.toContain(token.split('.')[1]);
  });
});

describe('replay across two replicas sharing one durable store', () => {
  let store: DurableStore;
  const replicas: { url: string; app: FastifyInstance }[] = [];
  beforeAll(async () => {
    // The store's clock is the service's: a jti is remembered until the token's own expiry on that clock.
    store = await createStore({ kind: 'pglite' }, { jtiSweepMs: 0, now: () => NOW });
    for (let i = 0; i < 2; i++) {
      const app = buildServer(
        composeDependencies({
          config: defaultServiceConfig({ auth: 'on', publicUrl: PUBLIC_URL, issuers, logLevel: 'silent' }),
          store,
          logger: createLogger('silent'),
          clock: () => NOW,
        }),
      );
      replicas.push({ app, url: await app.listen({ host: '127.0.0.1', port: 0 }) });
    }
  });
  afterAll(async () => {
    for (const r of replicas) await r.app.close();
    await store.close();
  });

  it('accepts a token once on one replica and refuses the same jti on the other', async () => {
    const token = signToken(es, { iss: ISS, aud, iat });
    const post = (url: string) =>
      fetch(`${url}${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body()),
      });
    expect((await post(replicas[0]!.url)).status).toBe(200);
    const second = await post(replicas[1]!.url);
    expect(second.status).toBe(401);
    expect(await second.text()).toBe('');
  });
});
