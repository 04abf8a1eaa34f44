/**
 * SSRF guards: a `fhirServer` outside CAIRN_FHIR_ALLOWLIST (hook calls and the app's APIs) and a `jku` outside the
 * issuer's allow-list are never contacted. A raw TCP listener stands in for the internal target and must receive
 * no connection at all, whatever the request says.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwksOf, makeKey, signToken } from './support/client-keys';
import { startFullService, type FullService } from './support/full-service';
import { startJwksServer, type JwksServer } from './support/jwks-server';
import { hookRequest, loadFixture, NOW } from './support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
const ISS = 'https://ehr.example.org';
const PATH = '/cds-services/cairn-patient-view';
let target: Server;
let connections = 0;
let internal: string;
let jwks: JwksServer;
let open: FullService;
let authed: FullService;
const key = makeKey('ES384');

beforeAll(async () => {
  target = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const address = target.address();
  internal = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  jwks = await startJwksServer();
  jwks.serve('/jwks', jwksOf(key));
  open = await startFullService({ fhirAllowlist: ['https://fhir.example.org/r4'] });
  authed = await startFullService({
    auth: 'on',
    issuers: [{ iss: ISS, jwksUrl: `${jwks.origin}/jwks`, jku: [`${jwks.origin}/jwks`] }],
  });
});
afterAll(async () => {
  await open.close();
  await authed.close();
  await jwks.close();
  await new Promise((resolve) => target.close(resolve));
});

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) =>
  (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  ).status;

describe('targets outside the allow-lists are never contacted', () => {
  it.each(['', '/fhir', '/latest/meta-data'])(
    'a hook call naming fhirServer %s on an internal address gets 412 and sends nothing',
    async (suffix) => {
      const body = hookRequest('patient-view', fx, { fhirServer: `${internal}${suffix}`, token: 'user-token' });
      expect(await post(`${open.url}${PATH}`, body)).toBe(412);
      expect(connections).toBe(0);
    },
  );

  it('the app APIs answer 403 for an internal fhirServer and send nothing', async () => {
    const auth = { authorization: 'Bearer smart-token' };
    expect(await post(`${open.url}/api/reasoning`, { fhirServer: internal, patientId: fx.patientId }, auth)).toBe(403);
    expect(
      await post(
        `${open.url}/api/app-feedback`,
        { findingId: 'f', ruleId: 'ddi-x', useful: true, fhirServer: internal, patientId: fx.patientId },
        auth,
      ),
    ).toBe(403);
    expect(connections).toBe(0);
  });

  it('a JWT whose jku names an internal address is refused 401 without fetching it', async () => {
    const iat = Math.floor(NOW.getTime() / 1000);
    const token = signToken(key, { iss: ISS, aud: `${authed.url}${PATH}`, iat, header: { jku: `${internal}/jwks` } });
    expect(
      await post(`${authed.url}${PATH}`, hookRequest('patient-view', fx), { authorization: `Bearer ${token}` }),
    ).toBe(401);
    expect(connections).toBe(0);
  });
});
