/**
 * The client's FHIR server misbehaves while the service fetches the chart itself — in the hook's prefetch fallback
 * and in the SMART app's `/api/narrative`. Whatever it does (slow, 5xx, cut-off JSON, an HTML login page, JSON that
 * is not FHIR, a reset connection, absurdly deep JSON), a required key it spoils is "data unavailable" (412) within
 * the FHIR budget, an optional one is left out and the call still answers, and another patient's resources in its
 * answer are never reasoned on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import type { Narrative } from '@model/types';
import { startFullService, type FullService } from '../support/full-service';
import { hookRequest, loadFixture } from '../support/synthea';
import { FAULTS, startFaultyFhirServer, type FaultyFhirServer } from './faulty-fhir';

const TOKEN = 'fhir-token-faults';
// A chart with no interaction, and another patient's warfarin + naproxen that a confused server might hand back.
const fx = loadFixture('healthy-adult-d98ae128.json');
const stranger = loadFixture('af-warfarin-naproxen-9de30b5a.json');
const TIMEOUT_MS = 700;
const BUDGET_MS = 1_000;
// The budget, plus room for the engine and a shared 2-core machine.
const ANSWERED_WITHIN_MS = BUDGET_MS + 1_000;

let fhir: FaultyFhirServer;
let svc: FullService;
/** What the narrative covers when the server behaves. */
let baselineFindings: string[];

beforeAll(async () => {
  fhir = await startFaultyFhirServer(fx.resources, TOKEN);
  fhir.strangers = stranger.resources;
  svc = await startFullService({ fhirAllowlist: [fhir.base], fhirTimeoutMs: TIMEOUT_MS, fhirBudgetMs: BUDGET_MS });
  // Warm-up (engine, schemas, both servers' first connections), so the timed cases measure the faults alone.
  await patientView();
  await narrative();
});
afterAll(async () => {
  await svc.close();
  await fhir.close();
});
afterEach(() => {
  fhir.faults.clear();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${svc.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    ms: performance.now() - started,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

const patientView = () =>
  post('/cds-services/cairn-patient-view', hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }));
const narrative = () =>
  post('/api/narrative', { fhirServer: fhir.base, patientId: fx.patientId }, { authorization: `Bearer ${TOKEN}` });

describe('hook prefetch fallback against a faulty FHIR server', () => {
  it('answers 200 when the server behaves (the baseline the faults are measured against)', async () => {
    const res = await patientView();
    expect(res.status).toBe(200);
  });

  it.each(FAULTS)('answers 412 naming the key when Condition searches are %s', async (fault) => {
    fhir.faults.set('Condition', fault);
    const res = await patientView();
    expect(res.status).toBe(412);
    expect(res.body).toMatchObject({ error: 'DATA_UNAVAILABLE', message: expect.stringContaining('conditions') });
    expect(res.ms).toBeLessThan(ANSWERED_WITHIN_MS);
  });

  it.each(FAULTS)('still answers 200 when the optional MedicationStatement search is %s', async (fault) => {
    fhir.faults.set('MedicationStatement', fault);
    const res = await patientView();
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(ANSWERED_WITHIN_MS);
  });

  it("never reasons on another patient's medications the server sent back", async () => {
    fhir.faults.set('MedicationRequest', 'other-patient');
    const res = await post(
      '/cds-services/cairn-order-sign',
      hookRequest('order-sign', fx, { fhirServer: fhir.base, token: TOKEN }),
    );
    expect(res.status).toBe(200);
    const topics = (res.body as CdsResponse).cards.map((c) => c.source.topic?.code);
    expect(topics).not.toContain('drug-interaction');
  });
});

describe('/api/narrative against a faulty FHIR server', () => {
  it('answers the narrative when the server behaves', async () => {
    const res = await narrative();
    expect(res.status).toBe(200);
    baselineFindings = (res.body as Narrative).findingIds;
  });

  it.each(FAULTS)('answers 412 "could not be read" when Condition searches are %s', async (fault) => {
    fhir.faults.set('Condition', fault);
    const res = await narrative();
    expect(res.status).toBe(412);
    expect(res.body).toEqual({ error: 'DATA_UNAVAILABLE', message: 'the FHIR server could not be read' });
    expect(res.ms).toBeLessThan(ANSWERED_WITHIN_MS);
  });

  it.each(FAULTS)('still answers when the optional MedicationStatement search is %s', async (fault) => {
    fhir.faults.set('MedicationStatement', fault);
    const res = await narrative();
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(ANSWERED_WITHIN_MS);
  });

  it("never reasons on another patient's medications the server sent back", async () => {
    fhir.faults.set('MedicationRequest', 'other-patient');
    fhir.faults.set('Condition', 'other-patient');
    const res = await narrative();
    expect(res.status).toBe(200);
    const body = res.body as Narrative;
    expect(body.findingIds).toEqual(baselineFindings);
    expect(JSON.stringify(body)).not.toMatch(/warfarin|naproxen/i);
  });
});
