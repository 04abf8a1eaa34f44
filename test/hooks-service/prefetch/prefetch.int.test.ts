import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { assertValidCdsResponse } from '../support/assert-cds-response';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { startService, type RunningService } from '../support/service';
import { hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const TOKEN = 'fhir-access-token-for-tests';
// The test FHIR server pages by 20, so the Observation search needs its `next` pages.
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let fhir: FhirTestServer;
let svc: RunningService;

beforeAll(async () => {
  fhir = await startFhirServer(fx.resources, TOKEN, 20);
  svc = await startService({ fhirAllowlist: [fhir.base], fhirTimeoutMs: 500 });
});
afterAll(async () => {
  await svc.close();
  await fhir.close();
});

const pv = (body: unknown) => svc.post('/cds-services/cairn-patient-view', body);
const summaries = (body: unknown) => (body as CdsResponse).cards.map((c) => c.summary).sort();

describe('prefetch and FHIR fallback', () => {
  it('uses complete prefetch without calling the FHIR server', async () => {
    fhir.requests.length = 0;
    const res = await pv(
      hookRequest('patient-view', fx, { prefetch: prefetchFor(fx), fhirServer: fhir.base, token: TOKEN }),
    );
    expect(res.status).toBe(200);
    assertValidCdsResponse(res.body);
    expect(fhir.requests).toEqual([]);
  });

  it('fetches every key itself when prefetch is absent, with the bearer token, and reaches the same cards', async () => {
    const full = await pv(hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }));
    fhir.requests.length = 0;
    fhir.authorizations.length = 0;
    const res = await pv(hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }));
    expect(res.status).toBe(200);
    assertValidCdsResponse(res.body);
    expect(summaries(res.body)).toEqual(summaries(full.body));
    expect(fhir.requests.some((p) => p.startsWith(`/fhir/Patient/${fx.patientId}`))).toBe(true);
    expect(fhir.authorizations.every((a) => a === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('follows Bundle next links when a search has more than one page', async () => {
    fhir.requests.length = 0;
    await pv(hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }));
    const observationCalls = fhir.requests.filter((p) => p.startsWith('/fhir/Observation'));
    expect(observationCalls.length).toBeGreaterThan(1);
    expect(observationCalls.some((p) => p.includes('_offset=20'))).toBe(true);
  });

  it('fetches only the keys the client left out (partial prefetch)', async () => {
    fhir.requests.length = 0;
    const res = await pv(
      hookRequest('patient-view', fx, {
        prefetch: prefetchFor(fx, ['patient', 'conditions', 'observations']),
        fhirServer: fhir.base,
        token: TOKEN,
      }),
    );
    expect(res.status).toBe(200);
    const types = new Set(fhir.requests.map((p) => p.split(/[/?]/)[2]));
    expect([...types].sort()).toEqual([
      'AllergyIntolerance',
      'MedicationAdministration',
      'MedicationDispense',
      'MedicationRequest',
      'MedicationStatement',
    ]);
  });

  it('treats a null key as "no data" and does not fetch it (spec: null when the client has no data)', async () => {
    fhir.requests.length = 0;
    const prefetch = { ...prefetchFor(fx), allergies: null };
    const res = await pv(hookRequest('patient-view', fx, { prefetch, fhirServer: fhir.base, token: TOKEN }));
    expect(res.status).toBe(200);
    expect(fhir.requests).toEqual([]);
  });

  it('answers 412 when a required key is missing and there is no fhirServer', async () => {
    const res = await pv(hookRequest('patient-view', fx, { prefetch: prefetchFor(fx, ['patient', 'conditions']) }));
    expect(res.status).toBe(412);
    expect((res.body as { message: string }).message).toMatch(/allergies.*medicationRequests.*observations/);
  });

  it('goes on without MedicationStatement, which not every EHR offers', async () => {
    const keys = ['patient', 'conditions', 'medicationRequests', 'allergies', 'observations'];
    const res = await pv(hookRequest('patient-view', fx, { prefetch: prefetchFor(fx, keys) }));
    expect(res.status).toBe(200);
  });

  it('never sends the token to a FHIR server outside the allow-list: 412 instead', async () => {
    const other = await startFhirServer(fx.resources, TOKEN);
    try {
      const res = await pv(hookRequest('patient-view', fx, { fhirServer: other.base, token: TOKEN }));
      expect(res.status).toBe(412);
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('answers 412 when the FHIR server refuses the token', async () => {
    const res = await pv(hookRequest('patient-view', fx, { fhirServer: fhir.base, token: 'wrong-token' }));
    expect(res.status).toBe(412);
  });

  it('answers 412 when the FHIR server is too slow (time-out)', async () => {
    fhir.setDelay(1500);
    try {
      const started = Date.now();
      const res = await pv(hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }));
      expect(res.status).toBe(412);
      expect(Date.now() - started).toBeLessThan(1400);
    } finally {
      fhir.setDelay(0);
    }
  });

  it('answers 412 when all fetches of the call together pass the FHIR budget, though each page was quick', async () => {
    const tight = await startService({ fhirAllowlist: [fhir.base], fhirTimeoutMs: 2000, fhirBudgetMs: 150 });
    fhir.setDelay(100);
    try {
      const started = Date.now();
      const res = await tight.post(
        '/cds-services/cairn-patient-view',
        hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }),
      );
      expect(res.status).toBe(412);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      fhir.setDelay(0);
      await tight.close();
    }
  });

  it('fetches the remaining pages of a prefetched first page, and 412s when it cannot', async () => {
    const firstPage = (await (
      await fetch(`${fhir.base}/Observation?patient=${fx.patientId}&_count=50`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as fhir4.Bundle;
    const prefetch = { ...prefetchFor(fx), observations: firstPage };
    const withServer = await pv(hookRequest('patient-view', fx, { prefetch, fhirServer: fhir.base, token: TOKEN }));
    expect(withServer.status).toBe(200);
    const without = await pv(hookRequest('patient-view', fx, { prefetch }));
    expect(without.status).toBe(412);
  });
});
