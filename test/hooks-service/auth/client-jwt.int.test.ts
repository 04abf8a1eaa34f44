import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJwksServer, type JwksServer } from '../support/jwks-server';
import {
  hmacWithPublicKey,
  jwksOf,
  makeKey,
  signToken,
  tamper,
  unsignedToken,
  type TestKey,
} from '../support/client-keys';
import { startService, type RunningService } from '../support/service';
import { hookRequest, loadFixture, NOW, prefetchFor } from '../support/synthea';

const ISS = 'https://ehr.example.org';
const EPIC_ISS = 'https://epic.example.org/interconnect-fhir';
const iat = Math.floor(NOW.getTime() / 1000);
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');

let jwks: JwksServer;
let svc: RunningService;
let es: TestKey;
let rs: TestKey;
let epic: TestKey;
let epicJku: string;

beforeAll(async () => {
  jwks = await startJwksServer();
  es = makeKey('ES384');
  rs = makeKey('RS384');
  epic = makeKey('RS384');
  jwks.serve('/ehr/jwks.json', jwksOf(es, rs));
  // Epic publishes its key under the organisation's FHIR base and names it in `jku`.
  epicJku = `${jwks.origin}/interconnect-fhir/api/epic/2019/Security/Open/PublicKeys/530005/OAuth2/jwks`;
  jwks.serve(new URL(epicJku).pathname, jwksOf(epic));
  svc = await startService({
    auth: 'on',
    issuers: [
      { iss: ISS, jwksUrl: `${jwks.origin}/ehr/jwks.json`, jku: [`${jwks.origin}/ehr/jwks.json`] },
      {
        iss: EPIC_ISS,
        jwksUrl: `${jwks.origin}/unused`,
        jku: [`${jwks.origin}/unused`, `${jwks.origin}/interconnect-fhir/`],
      },
    ],
  });
});
afterAll(async () => {
  await svc.close();
  await jwks.close();
});

const path = '/cds-services/cairn-patient-view';
const aud = () => `${svc.url}${path}`;
const body = () => hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
const callWith = (token: string | undefined) =>
  svc.post(path, body(), token === undefined ? {} : { authorization: `Bearer ${token}` });
const claims = () => ({ iss: ISS, aud: aud(), iat, exp: iat + 300, jti: crypto.randomUUID() });

describe('client JWT (CDS Hooks 2.0 §Trusting CDS Clients)', () => {
  it('accepts an ES384 token from a trusted issuer for this exact endpoint, shaped like the sandbox (jku = its JWKS)', async () => {
    const res = await callWith(
      signToken(es, { iss: ISS, aud: aud(), iat, header: { jku: `${jwks.origin}/ehr/jwks.json` } }),
    );
    expect(res.status).toBe(200);
  });

  it('accepts aud as an array naming the endpoint', async () => {
    expect((await callWith(signToken(rs, { iss: ISS, aud: ['https://other.example/x', aud()], iat }))).status).toBe(
      200,
    );
  });

  it("accepts a 15-minute RS384 token shaped like Epic's (nbf 5 min before iat, jku under the org's FHIR base)", async () => {
    const token = signToken(epic, {
      iss: EPIC_ISS,
      aud: aud(),
      iat,
      lifetime: 900,
      nbf: iat - 300,
      header: { jku: epicJku },
    });
    expect((await callWith(token)).status).toBe(200);
  });

  it.each([
    ['no Authorization header', () => undefined],
    ['alg none', () => unsignedToken(es.kid, claims())],
    ['HS256 signed with the public key', () => hmacWithPublicKey(rs, claims())],
    ['an expired token', () => signToken(es, { iss: ISS, aud: aud(), iat: iat - 1000, lifetime: 300 })],
    [
      'a token for another endpoint (wrong aud)',
      () => signToken(es, { iss: ISS, aud: `${svc.url}/cds-services/cairn-order-sign`, iat }),
    ],
    ['an unknown issuer', () => signToken(es, { iss: 'https://evil.example', aud: aud(), iat })],
    ['a tampered payload', () => tamper(signToken(es, { iss: ISS, aud: aud(), iat }), { aud: 'x' })],
    ['a missing kid', () => signToken(es, { iss: ISS, aud: aud(), iat, omit: ['kid'] })],
    ['a missing typ', () => signToken(es, { iss: ISS, aud: aud(), iat, omit: ['typ'] })],
    ['a missing jti', () => signToken(es, { iss: ISS, aud: aud(), iat, omit: ['jti'] })],
    ['a missing iat', () => signToken(es, { iss: ISS, aud: aud(), iat, omit: ['iat'] })],
    ['a lifetime beyond the configured maximum', () => signToken(es, { iss: ISS, aud: aud(), iat, lifetime: 7200 })],
    [
      'a jku not allow-listed for the issuer',
      () => signToken(es, { iss: ISS, aud: aud(), iat, header: { jku: `${jwks.origin}/attacker/jwks.json` } }),
    ],
    ['a kid the issuer never published', () => signToken(makeKey('ES384'), { iss: ISS, aud: aud(), iat })],
  ])('refuses %s with a bare 401', async (_name, make) => {
    const res = await callWith(make());
    expect(res.status).toBe(401);
    expect(res.body).toBeUndefined();
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('never fetches a jku that is not allow-listed', async () => {
    await callWith(signToken(es, { iss: ISS, aud: aud(), iat, header: { jku: `${jwks.origin}/attacker/jwks.json` } }));
    expect(jwks.hits('/attacker/jwks.json')).toBe(0);
  });

  it('refuses a replayed jti', async () => {
    const token = signToken(es, { iss: ISS, aud: aud(), iat });
    expect((await callWith(token)).status).toBe(200);
    expect((await callWith(token)).status).toBe(401);
  });

  it('guards discovery and feedback too', async () => {
    expect((await fetch(`${svc.url}/cds-services`)).status).toBe(401);
    const discovery = await fetch(`${svc.url}/cds-services`, {
      headers: { authorization: `Bearer ${signToken(es, { iss: ISS, aud: `${svc.url}/cds-services`, iat })}` },
    });
    expect(discovery.status).toBe(200);
    expect((await svc.post('/cds-services/cairn-patient-view/feedback', { feedback: [] })).status).toBe(401);
  });

  it('lets a CORS preflight through without credentials', async () => {
    const res = await fetch(`${svc.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://sandbox.cds-hooks.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('never logs the JWT', async () => {
    const token = signToken(es, { iss: ISS, aud: aud(), iat });
    await callWith(token);
    await callWith(tamper(token, { aud: 'x' }));
    expect(svc.logs.join('\n')).not.toContain(token.split('.')[2]);
  });
});
