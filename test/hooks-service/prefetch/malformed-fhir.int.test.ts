/**
 * A FHIR server's answer is input too: a malformed Bundle or an error OperationOutcome from the client's FHIR server
 * is "data unavailable" (412, CDS Hooks 2.0 §Prefetch), never a 5xx and never reasoned on as an empty chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/service';
import { hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const BASE = 'https://ehr.example/fhir';
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let answer: unknown;
let svc: RunningService;
beforeAll(async () => {
  const fetchStub = async () =>
    new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/fhir+json' } });
  svc = await startService({ fhirAllowlist: [BASE] }, { fetch: fetchStub });
});
afterAll(async () => {
  await svc.close();
});

const call = () =>
  svc.post(
    '/cds-services/cairn-patient-view',
    hookRequest('patient-view', fx, {
      prefetch: prefetchFor(fx, ['patient', 'medicationRequests', 'medicationStatements', 'allergies', 'observations']),
      fhirServer: BASE,
      token: 'opaque',
    }),
  );

describe('conditions fetched from the FHIR server', () => {
  it.each([
    ['a Bundle whose entries are not objects', { resourceType: 'Bundle', type: 'searchset', entry: [null, 1] }],
    ['a Bundle whose link is not an array', { resourceType: 'Bundle', type: 'searchset', link: 'x' }],
    [
      'an error OperationOutcome',
      { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception' }] },
    ],
    [
      'a searchset carrying an error outcome',
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          {
            resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception' }] },
            search: { mode: 'outcome' },
          },
        ],
      },
    ],
  ])('answer 412 when the server sends %s', async (_name, body) => {
    answer = body;
    const res = await call();
    expect(res.status).toBe(412);
    expect((res.body as { message: string }).message).toMatch(/conditions/);
  });

  it('are used when the server sends a well-formed searchset', async () => {
    answer = { resourceType: 'Bundle', type: 'searchset', entry: [] };
    expect((await call()).status).toBe(200);
  });
});
