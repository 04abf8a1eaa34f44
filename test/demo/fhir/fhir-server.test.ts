import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLaunch } from '../../../demo/auth/launch';
import { createSmartStack, registerSmartStack, type SmartStack } from '../../../demo/smart-stack';
import { launchAndExchange } from '../smart-helpers';

let app: FastifyInstance;
let stack: SmartStack;
let token: string;

beforeAll(async () => {
  stack = createSmartStack();
  app = Fastify();
  await registerSmartStack(app, stack);
  const body = await launchAndExchange(app, encodeLaunch({ patient: 'teach-warfarin-inr' }), 'launch patient/*.rs');
  token = String(body.access_token);
});
afterAll(() => app.close());

const get = (url: string, bearer: string | null = token) =>
  app.inject({ method: 'GET', url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

function userToken(scope = 'user/*.rs'): string {
  return stack.tokens.issueAccessToken({ clientId: 't', scope }).accessToken;
}

describe('demo FHIR server', () => {
  it('publishes an R4 CapabilityStatement and SMART discovery without a token', async () => {
    const meta = (await get('/fhir/metadata', null)).json();
    expect(meta).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    const smart = (await get('/fhir/.well-known/smart-configuration', null)).json();
    expect(smart.code_challenge_methods_supported).toEqual(['S256']);
    expect(smart.capabilities).toEqual(
      expect.arrayContaining([
        'launch-ehr',
        'launch-standalone',
        'client-public',
        'context-ehr-patient',
        'context-standalone-patient',
        'permission-v2',
        'permission-patient',
        'sso-openid-connect',
      ]),
    );
    expect(smart.authorization_endpoint).toBe('http://localhost:80/auth/authorize');
  });

  it('refuses data without a bearer token, with WWW-Authenticate', async () => {
    const res = await get('/fhir/Patient/teach-warfarin-inr', null);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });

  it('limits a patient-scoped token to its patient', async () => {
    expect((await get('/fhir/Patient/teach-warfarin-inr')).statusCode).toBe(200);
    expect((await get('/fhir/Patient/teach-aki')).statusCode).toBe(403);
    expect((await get('/fhir/Observation?patient=teach-aki')).statusCode).toBe(403);
    const own = (await get('/fhir/Observation')).json();
    expect(
      own.entry.every(
        (e: { resource: fhir4.Observation }) => e.resource.subject?.reference === 'Patient/teach-warfarin-inr',
      ),
    ).toBe(true);
  });

  it('refuses a type the scopes do not name', async () => {
    const res = await get('/fhir/Condition?patient=teach-aki', userToken('user/Observation.rs'));
    expect(res.statusCode).toBe(403);
  });

  it('finds Synthea resources by patient once urn:uuid references are resolved', async () => {
    const patients = (await get('/fhir/Patient?_count=100', userToken())).json();
    const synthea = patients.entry
      .map((e: { resource: fhir4.Patient }) => e.resource.id)
      .find((id: string) => id.startsWith('ebd50853'));
    const conditions = (await get(`/fhir/Condition?patient=${synthea}&clinical-status=active`, userToken())).json();
    expect(conditions.total).toBeGreaterThan(0);
    expect(conditions.entry[0].resource.subject.reference).toBe(`Patient/${synthea}`);
  });

  it('filters by system|code and date prefix and sorts newest first', async () => {
    const url =
      '/fhir/Observation?patient=teach-warfarin-inr&code=http://loinc.org|6301-6&date=ge2021-03-01&_sort=-date';
    const inr = (await get(url)).json();
    expect(inr.entry.map((e: { resource: fhir4.Observation }) => e.resource.valueQuantity?.value)).toEqual([3.4, 2.9]);
  });

  it('pages with next links that cover every match exactly once', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/fhir/Patient?_count=7';
    while (url) {
      const page: fhir4.Bundle = (await get(url, userToken())).json();
      seen.push(...(page.entry ?? []).map((e) => e.resource?.id ?? ''));
      const next = page.link?.find((l) => l.relation === 'next')?.url;
      url = next ? next.replace('http://localhost:80', '') : undefined;
      expect(page.total).toBe(37 - 1);
    }
    expect(new Set(seen).size).toBe(36);
  });

  it('finds a patient by _id and follows the status,status OR of prefetch templates', async () => {
    const byId = (await get('/fhir/Patient?_id=teach-aki', userToken())).json();
    expect(byId.entry.map((e: { resource: fhir4.Patient }) => e.resource.id)).toEqual(['teach-aki']);
    const meds = (
      await get('/fhir/MedicationRequest?patient=teach-hyperkalemia&status=active,on-hold', userToken())
    ).json();
    expect(meds.total).toBe(2);
    expect(
      (await get('/fhir/MedicationRequest?patient=teach-hyperkalemia&status=stopped', userToken())).json().total,
    ).toBe(0);
  });

  it('answers _summary=count with the total only', async () => {
    const res = (await get('/fhir/Observation?patient=teach-warfarin-inr&_summary=count')).json();
    expect(res.total).toBe(4);
    expect(res.entry).toBeUndefined();
  });

  it('answers OperationOutcome 404 for unknown ids and types, 400 for a bad date', async () => {
    expect((await get('/fhir/Observation/nope', userToken())).statusCode).toBe(404);
    expect((await get('/fhir/Spaceship?patient=x', userToken())).statusCode).toBe(404);
    const bad = await get('/fhir/Observation?date=yesterday', userToken());
    expect(bad.statusCode).toBe(400);
    expect(bad.json().resourceType).toBe('OperationOutcome');
  });

  it("serves without a token in 'open' mode only", async () => {
    const open = Fastify();
    await registerSmartStack(open, createSmartStack({ teachingOnly: true }), { fhirAccess: 'open' });
    expect((await open.inject({ method: 'GET', url: '/fhir/Patient/teach-aki' })).statusCode).toBe(200);
    await open.close();
  });
});
