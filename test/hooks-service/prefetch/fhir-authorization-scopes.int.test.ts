/**
 * fhirAuthorization.scope (CDS Hooks 3.0 §Passing the Access Token: SMART App Launch 2 scopes; 2.0 clients send
 * SMART 1): a missing prefetch key is fetched only when the token's scope covers it, else the 412 names the scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { startService, type RunningService } from '../support/service';
import { hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const TOKEN = 'scope-token';
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let svc: RunningService;
let fhir: FhirTestServer;
beforeAll(async () => {
  fhir = await startFhirServer(fx.resources, TOKEN);
  svc = await startService({ fhirAllowlist: [fhir.base] });
});
afterAll(async () => {
  await svc.close();
  await fhir.close();
});

/** A 3.0 patient-view call on the shared id with only the patient prefetched: the rest must be fetched. */
function call(scope: string) {
  const body = hookRequest('patient-view', fx, { prefetch: prefetchFor(fx, ['patient']) });
  return svc.post('/3.0/cds-services/cairn', {
    ...body,
    fhirServer: fhir.base,
    fhirAuthorization: {
      access_token: TOKEN,
      token_type: 'Bearer',
      expires_in: 300,
      scope,
      subject: 'cairn',
      patient: fx.patientId,
    },
  });
}

const ALL = [
  'Condition',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'MedicationDispense',
  'AllergyIntolerance',
  'Observation',
];

describe('fhirAuthorization scopes', () => {
  it('fetches with SMART v2 scopes (patient/<type>.rs)', async () => {
    const res = await call(ALL.map((t) => `patient/${t}.rs`).join(' '));
    expect(res.status).toBe(200);
  });

  it('fetches with SMART v1 scopes from a 2.0 client (patient/*.read)', async () => {
    expect((await call('launch patient/*.read')).status).toBe(200);
  });

  it('does not ask the server for what the scope does not grant, and the 412 says which scope is missing', async () => {
    const before = fhir.requests.length;
    const res = await call(
      ALL.filter((t) => t !== 'Observation')
        .map((t) => `patient/${t}.rs`)
        .join(' '),
    );
    expect(res.status).toBe(412);
    // The 3.0 edition answers errors as an OperationOutcome (CDS Hooks 3.0 §Returning OperationOutcome).
    const outcome = res.body as { resourceType: string; issue: { code: string; details: { text: string } }[] };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.code).toBe('incomplete');
    expect(outcome.issue[0]?.details.text).toMatch(
      /observations missing .*fhirAuthorization\.scope grants no Observation search/,
    );
    expect(fhir.requests.slice(before).some((p) => p.includes('/Observation'))).toBe(false);
  });

  it('does not count a read-only v2 scope as search (patient/Observation.r)', async () => {
    const res = await call(
      [...ALL.filter((t) => t !== 'Observation').map((t) => `patient/${t}.rs`), 'patient/Observation.r'].join(' '),
    );
    expect(res.status).toBe(412);
  });
});
