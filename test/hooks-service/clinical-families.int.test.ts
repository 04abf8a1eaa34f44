/**
 * New clinical families through the real service (order-sign over HTTP, prefetch as a CDS Client fills it):
 * an MAOI + serotonergic new order, the opioid MME card with its inputs, and a QT pair with the QTc from prefetch.
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
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'pt-clin', gender: 'female', birthDate: '1950-02-01' };
const order = (
  id: string,
  code: string,
  display: string,
  status: 'active' | 'draft',
  dosage?: fhir4.Dosage,
): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status,
  intent: 'order',
  subject: { reference: 'Patient/pt-clin' },
  authoredOn: '2021-03-01',
  medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }], text: display },
  ...(dosage ? { dosageInstruction: [dosage] } : {}),
});
const q6h = (tabs: number): fhir4.Dosage => ({
  timing: { repeat: { frequency: 1, period: 6, periodUnit: 'h' } },
  doseAndRate: [{ doseQuantity: { value: tabs, unit: 'tablet', system: 'http://unitsofmeasure.org', code: '{tbl}' } }],
});
const qtc: fhir4.Observation = {
  resourceType: 'Observation',
  id: 'ecg1',
  status: 'final',
  subject: { reference: 'Patient/pt-clin' },
  effectiveDateTime: '2021-03-25T09:00:00Z',
  code: { coding: [{ system: 'http://loinc.org', code: '8636-3', display: 'QT interval corrected' }] },
  valueQuantity: { value: 512, unit: 'ms', system: 'http://unitsofmeasure.org', code: 'ms' },
};

async function sign(chart: fhir4.Resource[], drafts: fhir4.MedicationRequest[]): Promise<CdsResponse> {
  const fx: Fixture = { resources: [patient, ...chart], patientId: 'pt-clin' };
  const res = await svc.post(
    '/cds-services/cairn-order-sign',
    hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts }),
  );
  expect(res.status).toBe(200);
  assertValidCdsResponse(res.body);
  return res.body;
}

describe('new clinical families over HTTP (order-sign)', () => {
  it('linezolid ordered for a patient on sertraline: a critical card that offers to remove the draft', async () => {
    const body = await sign(
      [order('mr1', '36437', 'sertraline', 'active')],
      [order('d1', '190376', 'linezolid', 'draft')],
    );
    const card = body.cards.find((c) => /linezolid/i.test(c.summary));
    expect(card?.indicator).toBe('critical');
    expect(JSON.stringify(card?.suggestions)).toContain('MedicationRequest/d1');
  });

  it('oxycodone/acetaminophen 2 tablets every 6 h: the MME/day card with the total in its detail', async () => {
    const body = await sign(
      [],
      [order('d1', '1049221', 'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet', 'draft', q6h(2))],
    );
    const card = body.cards.find((c) => /MME\/day/.test(c.summary));
    expect(card?.indicator).toBe('info');
    expect(card?.summary).toMatch(/60 MME\/day/);
  });

  it('a new QT-prolonging order with a second one on the chart and QTc 512 ms from prefetch is critical', async () => {
    const body = await sign(
      [order('mr1', '18631', 'azithromycin', 'active'), qtc],
      [order('d1', '26225', 'ondansetron', 'draft')],
    );
    const card = body.cards.find((c) => /QT/.test(c.summary));
    expect(card?.indicator).toBe('critical');
    expect(card?.detail).toMatch(/QTc 512 ms/);
  });
});
