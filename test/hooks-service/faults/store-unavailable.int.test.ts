/**
 * The store goes away (Postgres unreachable): hook calls still answer with their cards, /readyz says so, and every
 * write that cannot be kept — CDS feedback, app feedback — is refused with 503 so the caller retries, never claimed
 * stored. With client JWTs on, the replay check keeps working on this replica while the shared jti table is out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { createPgDriver } from '../../../hooks-service/store/pg-driver';
import { createSqlStore } from '../../../hooks-service/store/sql-store';
import type { DurableStore } from '../../../hooks-service/store/types';
import { jwksOf, makeKey, signToken, type TestKey } from '../support/client-keys';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { startFullService, type FullService } from '../support/full-service';
import { startJwksServer, type JwksServer } from '../support/jwks-server';
import { draftNaproxen, hookRequest, loadFixture, NOW, prefetchFor } from '../support/synthea';

const ISS = 'https://ehr.example.org';
const TOKEN = 'app-token-store-down';
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
const iat = Math.floor(NOW.getTime() / 1000);

let store: DurableStore;
let fhir: FhirTestServer;
let jwks: JwksServer;
let key: TestKey;
let svc: FullService;

beforeAll(async () => {
  // Port 1 on loopback: nothing listens, every connection is refused at once — a database that is down.
  store = createSqlStore(
    createPgDriver({ connectionString: 'postgres://cairn:x@127.0.0.1:1/cairn', connectTimeoutMs: 1_000 }),
    { readyTimeoutMs: 500 },
  );
  fhir = await startFhirServer(fx.resources, TOKEN);
  jwks = await startJwksServer();
  key = makeKey('ES384');
  jwks.serve('/jwks.json', jwksOf(key));
  svc = await startFullService(
    { auth: 'on', issuers: [{ iss: ISS, jwksUrl: `${jwks.origin}/jwks.json`, jku: [] }], fhirAllowlist: [fhir.base] },
    { store },
  );
});
afterAll(async () => {
  await svc.close();
  await store.close();
  await fhir.close();
  await jwks.close();
});

const jwtFor = (path: string, jti?: string) =>
  signToken(key, { iss: ISS, aud: `${svc.url}${path}`, iat, ...(jti && { jti }) });

async function post(path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${svc.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const hook = (path: string, body: unknown, jti?: string) =>
  post(path, body, { authorization: `Bearer ${jwtFor(path, jti)}` });
const signPath = '/cds-services/cairn-order-sign';
const signBody = () =>
  hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] });

describe('store unavailable', () => {
  it('reports not ready on /readyz (503)', async () => {
    const res = await fetch(`${svc.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable' });
  });

  it('still answers hook calls with their cards, and logs the lost audit row', async () => {
    const res = await hook(signPath, signBody());
    expect(res.status).toBe(200);
    const cards = (res.body as CdsResponse).cards;
    expect(cards.map((c) => c.source.topic?.code)).toContain('drug-interaction');
    expect(svc.logs.some((l) => l.includes('audit write failed'))).toBe(true);
  });

  it('still refuses a replayed client JWT (replica-local replay memory while the shared one is out)', async () => {
    const jti = crypto.randomUUID();
    expect((await hook(signPath, signBody(), jti)).status).toBe(200);
    expect((await hook(signPath, signBody(), jti)).status).toBe(401);
    expect(svc.logs.some((l) => l.includes('jti store unavailable'))).toBe(true);
  });

  it('refuses CDS feedback with 503 and Retry-After, saying nothing was stored', async () => {
    const path = `${signPath}/feedback`;
    const res = await hook(path, {
      feedback: [{ card: crypto.randomUUID(), outcome: 'overridden', outcomeTimestamp: '2021-04-01T12:01:00Z' }],
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ error: 'UNAVAILABLE', message: expect.stringMatching(/not stored/) });
  });

  it('refuses app feedback with 503, never claiming it stored', async () => {
    const res = await post(
      '/api/app-feedback',
      {
        findingId: 'f-1',
        ruleId: 'ddi-warfarin-nsaid',
        useful: false,
        reason: 'Not relevant to this patient',
        fhirServer: fhir.base,
        patientId: fx.patientId,
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'UNAVAILABLE', message: expect.stringMatching(/not stored/) });
    expect(res.body).not.toHaveProperty('stored');
  });

  it('answers the admin analytics with 503, not a 500', async () => {
    const res = await fetch(`${svc.url}/api/analytics`, {
      headers: { authorization: 'Bearer test-admin-token-0123456789' },
    });
    expect(res.status).toBe(503);
  });
});
