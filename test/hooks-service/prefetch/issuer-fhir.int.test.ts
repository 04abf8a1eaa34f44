import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwksOf, makeKey, signToken, type TestKey } from '../support/client-keys';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { startJwksServer, type JwksServer } from '../support/jwks-server';
import { startService, type RunningService } from '../support/service';
import { hookRequest, loadFixture, NOW } from '../support/synthea';

const TOKEN = 'issuer-fhir-token';
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
const iat = Math.floor(NOW.getTime() / 1000);
let fhir: FhirTestServer;
let other: FhirTestServer;
let jwks: JwksServer;
let svc: RunningService;
let key: TestKey;
let iss: string;

beforeAll(async () => {
  fhir = await startFhirServer(fx.resources, TOKEN);
  other = await startFhirServer(fx.resources, TOKEN);
  jwks = await startJwksServer();
  key = makeKey('ES384');
  jwks.serve('/keys', jwksOf(key));
  // The EHR's issuer lives on the same origin as its FHIR server; the allow-list is empty.
  iss = `${new URL(fhir.base).origin}/ehr-issuer`;
  svc = await startService({
    auth: 'on',
    issuers: [{ iss, jwksUrl: `${jwks.origin}/keys`, jku: [`${jwks.origin}/keys`] }],
    fhirAllowlist: [],
  });
});
afterAll(async () => {
  await svc.close();
  await fhir.close();
  await other.close();
  await jwks.close();
});

const call = (fhirServer: string) => {
  const path = '/cds-services/cairn-patient-view';
  const jwt = signToken(key, { iss, aud: `${svc.url}${path}`, iat });
  return svc.post(path, hookRequest('patient-view', fx, { fhirServer, token: TOKEN }), {
    authorization: `Bearer ${jwt}`,
  });
};

describe("the verified issuer's own FHIR server", () => {
  it('may receive the token when it shares the issuer origin', async () => {
    expect((await call(fhir.base)).status).toBe(200);
    expect(fhir.requests.length).toBeGreaterThan(0);
  });

  it('is the only one: another origin named in the request gets nothing (412)', async () => {
    expect((await call(other.base)).status).toBe(412);
    expect(other.requests).toEqual([]);
  });
});
