import Fastify, { type FastifyInstance } from 'fastify';
import jwt from 'jsonwebtoken';
import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../demo/auth/keys';
import { demoEhrPlugin } from '../../../demo/ehr/plugin';
import { createSmartStack, registerSmartStack } from '../../../demo/smart-stack';

// A stand-in CDS service that records what it receives and checks each JWT against the EHR's JWKS.
let service: FastifyInstance;
let ehr: FastifyInstance;
let ehrOrigin = '';
const received: { url: string; body: Record<string, unknown>; claims: jwt.JwtPayload; header: jwt.JwtHeader }[] = [];

async function verify(auth: string | undefined): Promise<jwt.Jwt> {
  const token = (auth ?? '').replace(/^Bearer /, '');
  const jwks = (await (await fetch(`${ehrOrigin}/demo-ehr/.well-known/jwks.json`)).json()) as {
    keys: Record<string, unknown>[];
  };
  const decoded = jwt.decode(token, { complete: true });
  const jwk = jwks.keys.find((k) => k.kid === decoded?.header.kid);
  return jwt.verify(token, createPublicKey({ key: jwk as never, format: 'jwk' }), {
    algorithms: ['ES384'],
    complete: true,
  });
}

beforeAll(async () => {
  service = Fastify();
  service.get('/cds-services', async () => ({
    services: [
      {
        id: 'cairn-patient-view',
        hook: 'patient-view',
        description: 'd',
        prefetch: {
          patient: 'Patient/{{context.patientId}}',
          meds: 'MedicationRequest?patient={{context.patientId}}&status=active',
          user: 'Practitioner/{{userPractitionerId}}',
        },
      },
      { id: 'cairn-order-select', hook: 'order-select', description: 'd' },
    ],
  }));
  service.post('/cds-services/:id', async (request) => {
    const checked = await verify(request.headers.authorization);
    received.push({
      url: request.url,
      body: request.body as Record<string, unknown>,
      claims: checked.payload as jwt.JwtPayload,
      header: checked.header,
    });
    return { cards: [{ uuid: 'c-1', summary: 'Test card', indicator: 'warning', source: { label: 'Test' } }] };
  });
  service.post('/cds-services/:id/feedback', async (request) => {
    await verify(request.headers.authorization);
    return {};
  });
  await service.listen({ host: '127.0.0.1', port: 0 });

  const stack = createSmartStack({ teachingOnly: true });
  ehr = Fastify();
  await registerSmartStack(ehr, stack);
  await ehr.register(demoEhrPlugin, {
    prefix: '/demo-ehr',
    repository: stack.repository,
    tokens: stack.tokens,
    ehrKey: generateSigningKey('ES384'),
  });
  await ehr.listen({ host: '127.0.0.1', port: 0 });
  ehrOrigin = `http://127.0.0.1:${(ehr.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await ehr.close();
  await service.close();
});

const serviceUrl = () => `http://127.0.0.1:${(service.server.address() as { port: number }).port}`;
const post = async (path: string, body: unknown) =>
  (
    await fetch(`${ehrOrigin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json();

describe('demo EHR as a CDS client', () => {
  it('signs each hook call with ES384 for the exact endpoint and fills the prefetch', async () => {
    const result = await post('/demo-ehr/api/hook', {
      serviceUrl: serviceUrl(),
      hook: 'patient-view',
      patientId: 'teach-hyperkalemia',
    });
    expect(result.calls).toHaveLength(1);
    const [call] = received.slice(-1);
    expect(call?.header).toMatchObject({
      alg: 'ES384',
      typ: 'JWT',
      jku: `${ehrOrigin}/demo-ehr/.well-known/jwks.json`,
    });
    expect(call?.claims).toMatchObject({
      iss: `${ehrOrigin}/demo-ehr`,
      aud: `${serviceUrl()}/cds-services/cairn-patient-view`,
    });
    expect(Number(call?.claims.exp) - Number(call?.claims.iat)).toBe(300);
    const prefetch = call?.body.prefetch as Record<string, { id?: string; total?: number }>;
    expect(prefetch.patient?.id).toBe('teach-hyperkalemia');
    expect(prefetch.meds?.total).toBe(2);
    expect(prefetch.user?.id).toBe('demo-clinician');
    expect(call?.body).toMatchObject({
      hook: 'patient-view',
      fhirServer: `${ehrOrigin}/fhir`,
      context: { patientId: 'teach-hyperkalemia', userId: 'Practitioner/demo-clinician' },
    });
  });

  it('hands the service a working patient-scoped FHIR token but shows the browser a redacted one', async () => {
    const result = await post('/demo-ehr/api/hook', {
      serviceUrl: serviceUrl(),
      hook: 'order-select',
      patientId: 'teach-aki',
      draftOrders: [{ resourceType: 'MedicationRequest', id: 'draft-1', status: 'draft' }],
      selections: ['MedicationRequest/draft-1'],
    });
    expect(result.calls[0].request.fhirAuthorization.access_token).toMatch(/redacted/);
    const sent = received.slice(-1)[0]?.body as {
      fhirAuthorization: { access_token: string };
      context: { draftOrders: fhir4.Bundle };
    };
    expect(sent.context.draftOrders.entry?.[0]?.resource?.id).toBe('draft-1');
    const read = await fetch(`${ehrOrigin}/fhir/Observation?patient=teach-aki`, {
      headers: { authorization: `Bearer ${sent.fhirAuthorization.access_token}` },
    });
    expect(read.status).toBe(200);
    const other = await fetch(`${ehrOrigin}/fhir/Patient/teach-hyperkalemia`, {
      headers: { authorization: `Bearer ${sent.fhirAuthorization.access_token}` },
    });
    expect(other.status).toBe(403);
  });

  it('forwards feedback with its own signed JWT', async () => {
    const res = await post('/demo-ehr/api/feedback', {
      serviceUrl: serviceUrl(),
      serviceId: 'cairn-order-select',
      feedback: { feedback: [{ card: 'c-1', outcome: 'overridden', outcomeTimestamp: new Date().toISOString() }] },
    });
    expect(res.status).toBe(200);
  });

  it('mints an EHR launch for a SMART link with the appContext', async () => {
    const res = await post('/demo-ehr/api/launch', { patientId: 'teach-aki', appContext: 'finding=x' });
    expect(res.iss).toBe(`${ehrOrigin}/fhir`);
    expect(JSON.parse(Buffer.from(res.launch, 'base64url').toString())).toMatchObject({
      patient: 'teach-aki',
      appContext: 'finding=x',
      needPatientBanner: false,
    });
  });

  it('lists patients with a one-line summary, teaching cases first', async () => {
    const rows = await (await fetch(`${ehrOrigin}/demo-ehr/api/patients`)).json();
    expect(rows[0].teaching).toBe(true);
    expect(rows.find((r: { id: string }) => r.id === 'teach-hyperkalemia').summary).toContain('2 active meds');
  });
});
