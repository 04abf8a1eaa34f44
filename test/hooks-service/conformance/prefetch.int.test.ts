/**
 * CDS Hooks 2.0 §Providing FHIR Resources to a CDS Service, judged over HTTP: a missing key is fetched or the call
 * is a 412; `null` means "no data"; an OperationOutcome in place of data is an error report, not data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { prefetchFor } from '../support/synthea';
import { PV, patientView, postJson, startService, warfarin, type RunningService } from './harness';
import { responseViolations } from './spec-checks';

const TOKEN = 'conformance-token';
let svc: RunningService;
let fhir: FhirTestServer;
beforeAll(async () => {
  fhir = await startFhirServer(warfarin.resources, TOKEN);
  svc = await startService({ fhirAllowlist: [fhir.base] });
});
afterAll(async () => {
  await svc.close();
  await fhir.close();
});

const access = () => ({
  fhirServer: fhir.base,
  fhirAuthorization: {
    access_token: TOKEN,
    token_type: 'Bearer',
    expires_in: 300,
    scope: 'patient/*.read',
    subject: 'cairn',
    patient: warfarin.patientId,
  },
});

const OUTCOME: fhir4.OperationOutcome = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'timeout', diagnostics: 'search timed out' }],
};

function withPrefetch(change: Record<string, unknown>): Record<string, unknown> {
  const body = patientView();
  return { ...body, prefetch: { ...(body.prefetch as object), ...change } };
}

describe('prefetch (§Prefetch Template)', () => {
  it('answers 412 when required keys are missing and there is no fhirServer to fetch them from', async () => {
    const res = await postJson(svc, PV, { ...patientView(), prefetch: prefetchFor(warfarin, ['patient']) });
    expect(res.status).toBe(412);
    expect((res.json as { message: string }).message).toMatch(/conditions/);
  });

  it('answers 412 with no prefetch at all and no FHIR access ("SHALL respond with an HTTP 412 Precondition Failed")', async () => {
    const body = patientView();
    delete body.prefetch;
    expect((await postJson(svc, PV, body)).status).toBe(412);
  });

  it('reads a null prefetch value as "no data", not as missing (200)', async () => {
    const res = await postJson(svc, PV, withPrefetch({ allergies: null, conditions: null }));
    expect(res.status).toBe(200);
    expect(responseViolations(res.json)).toEqual([]);
  });

  it('does not reason on an OperationOutcome sent in place of a key ("SHOULD check any prefetched data for the existence of OperationOutcomes"): 412 when it cannot fetch', async () => {
    const res = await postJson(svc, PV, withPrefetch({ medicationRequests: OUTCOME }));
    expect(res.status).toBe(412);
    expect((res.json as { message: string }).message).toMatch(/medicationRequests/);
  });

  it('does not reason on a searchset that reports an error outcome in place of its results', async () => {
    const bundle: fhir4.Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: OUTCOME, search: { mode: 'outcome' } }],
    };
    expect((await postJson(svc, PV, withPrefetch({ allergies: bundle }))).status).toBe(412);
  });

  it('still uses a searchset whose outcome entry is only informational', async () => {
    const info: fhir4.OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'informational' }],
    };
    const bundle: fhir4.Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: info, search: { mode: 'outcome' } }],
    };
    expect((await postJson(svc, PV, withPrefetch({ allergies: bundle }))).status).toBe(200);
  });

  it('answers 400 for a prefetch value that is neither a FHIR resource nor null', async () => {
    expect((await postJson(svc, PV, withPrefetch({ patient: 'Patient/1' }))).status).toBe(400);
  });

  it.each([
    ['entries that are not objects', { resourceType: 'Bundle', entry: [null, 1, 'a'] }],
    ['entry that is not an array', { resourceType: 'Bundle', entry: 'x' }],
    ['link that is not an array', { resourceType: 'Bundle', type: 'searchset', link: 'x', entry: [] }],
    [
      'a next link without a url',
      { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 5 }], entry: [] },
    ],
    ['an entry resource without resourceType', { resourceType: 'Bundle', entry: [{ resource: { id: 'x' } }] }],
  ])('answers 400, never 5xx, for a prefetched Bundle with %s', async (_name, bundle) => {
    for (const key of ['patient', 'conditions', 'medicationRequests', 'observations', 'allergies']) {
      const res = await postJson(svc, PV, withPrefetch({ [key]: bundle }));
      expect(res.status, key).toBe(400);
      expect((res.json as { message: string }).message).toContain(`prefetch.${key}`);
    }
  });

  it('reasons on odd but well-formed resources without failing (unexpected element types are ignored, not fatal)', async () => {
    const odd = {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Observation', code: 5, valueQuantity: 'x', effectiveDateTime: 7 } },
        {
          resource: {
            resourceType: 'Condition',
            code: { coding: 'x' },
            onsetDateTime: 'not a date',
            clinicalStatus: 5,
          },
        },
      ],
    };
    const res = await postJson(svc, PV, withPrefetch({ observations: odd, conditions: odd }));
    expect(res.status).toBe(200);
    expect(responseViolations(res.json)).toEqual([]);
  });

  it('fetches a key the client left out from fhirServer with fhirAuthorization ("retrieve any additional necessary data")', async () => {
    const before = fhir.requests.length;
    const res = await postJson(svc, PV, {
      ...patientView(),
      ...access(),
      prefetch: prefetchFor(warfarin, ['patient']),
    });
    expect(res.status).toBe(200);
    expect(responseViolations(res.json)).toEqual([]);
    expect(fhir.requests.slice(before).some((r) => r.startsWith('/fhir/Condition?patient='))).toBe(true);
  });

  it('fetches a key whose prefetch value is an error OperationOutcome, then answers 200', async () => {
    const before = fhir.requests.length;
    const res = await postJson(svc, PV, { ...withPrefetch({ medicationRequests: OUTCOME }), ...access() });
    expect(res.status).toBe(200);
    expect(fhir.requests.slice(before).some((r) => r.startsWith('/fhir/MedicationRequest?'))).toBe(true);
  });

  it('answers 412 when fhirServer is sent without fhirAuthorization and keys are missing (no token, no access)', async () => {
    const res = await postJson(svc, PV, {
      ...patientView(),
      fhirServer: fhir.base,
      prefetch: prefetchFor(warfarin, ['patient']),
    });
    expect(res.status).toBe(412);
  });
});
