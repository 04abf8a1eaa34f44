/**
 * Drug identification through the real service (order-sign / patient-view over HTTP): a product known only by its
 * name is checked and says so; a product Cairn cannot identify gets an info card instead of silence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { assertValidCdsResponse } from './support/assert-cds-response';
import { startService, type RunningService } from './support/service';
import { hookRequest, prefetchFor, type Fixture } from './support/synthea';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'pt-id', gender: 'female', birthDate: '1950-06-01' };
const subject = { reference: 'Patient/pt-id' };
const order = (
  id: string,
  status: 'active' | 'draft',
  medicationCodeableConcept: fhir4.CodeableConcept,
): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status,
  intent: 'order',
  subject,
  authoredOn: '2021-03-01',
  medicationCodeableConcept,
});
const naproxen = order('mr-nap', 'active', {
  coding: [{ system: RXNORM, code: '198014', display: 'naproxen 500 MG Oral Tablet' }],
});

async function call(
  hook: 'order-sign' | 'patient-view',
  chart: fhir4.Resource[],
  drafts: fhir4.MedicationRequest[] = [],
): Promise<CdsResponse> {
  const fx: Fixture = { resources: [patient, ...chart], patientId: 'pt-id' };
  const res = await svc.post(
    `/cds-services/cairn-${hook}`,
    hookRequest(hook, fx, { prefetch: prefetchFor(fx), drafts }),
  );
  expect(res.status).toBe(200);
  assertValidCdsResponse(res.body);
  return res.body;
}

describe('drug identification over HTTP', () => {
  it('order-sign: a junk free-text product gets an info card, not silence', async () => {
    const body = await call('order-sign', [], [order('d1', 'draft', { text: 'pink pills from abroad' })]);
    const card = body.cards.find(
      (c) => c.summary === 'Cairn could not check pink pills from abroad: product not recognised',
    );
    expect(card?.indicator).toBe('info');
    expect(card?.detail).toContain('Not checked for this order');
  });

  it('order-sign: warfarin ordered by name under a local code + naproxen on the chart: the interaction, identified from the name', async () => {
    const draft = order('d2', 'draft', {
      coding: [{ system: 'urn:oid:1.2.3.4', code: 'WARF5', display: 'warfarin sodium 5 MG Oral Tablet' }],
    });
    const body = await call('order-sign', [naproxen], [draft]);
    const card = body.cards.find((c) => /warfarin/i.test(c.summary) && /naproxen|NSAID/i.test(c.summary));
    expect(card).toBeDefined();
    expect(card?.detail).toContain("identified from name: 'warfarin sodium 5 MG Oral Tablet'");
    expect(body.cards.some((c) => c.summary.startsWith('Cairn could not check'))).toBe(false);
  });

  it('patient-view: a chart medication Cairn cannot identify is not carded', async () => {
    const body = await call('patient-view', [order('mr-x', 'active', { text: 'House mixture 42' })]);
    expect(body.cards.some((c) => c.summary.startsWith('Cairn could not check'))).toBe(false);
  });
});
