/**
 * Audited defects through the real service (order-sign over HTTP, prefetch filled from the chart as a CDS Client
 * would, the demo FHIR search parameters included): a heparin dose on the MAR against a new DOAC, colchicine with a strong CYP3A4 inhibitor in ESKD.
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
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'pt-audit', gender: 'male', birthDate: '1943-02-01' };
const subject = { reference: 'Patient/pt-audit' };
const order = (id: string, code: string, display: string, status: 'active' | 'draft'): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status,
  intent: 'order',
  subject,
  authoredOn: '2021-03-01',
  medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }], text: display },
});
async function sign(chart: fhir4.Resource[], drafts: fhir4.MedicationRequest[]): Promise<CdsResponse> {
  const fx: Fixture = { resources: [patient, ...chart], patientId: 'pt-audit' };
  const res = await svc.post(
    '/cds-services/cairn-order-sign',
    hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts }),
  );
  expect(res.status).toBe(200);
  assertValidCdsResponse(res.body);
  return res.body;
}

describe('audited defects over HTTP (order-sign)', () => {
  it('heparin only on the MAR + a new apixaban order: a critical duplicate-anticoagulant card', async () => {
    const mar: fhir4.MedicationAdministration = {
      resourceType: 'MedicationAdministration',
      id: 'ma1',
      status: 'completed',
      subject,
      effectiveDateTime: new Date(Date.now() - 6 * 3_600_000).toISOString(),
      medicationCodeableConcept: {
        coding: [
          { system: RXNORM, code: '1361615', display: 'heparin sodium, porcine 5000 UNT/ML Injectable Solution' },
        ],
      },
    };
    const body = await sign([mar], [order('d1', '1364445', 'apixaban 5 MG Oral Tablet', 'draft')]);
    const card = body.cards.find((c) => /Two anticoagulants/.test(c.summary));
    expect(card?.indicator).toBe('critical');
    expect(card?.detail).toContain('medication administration record');
  });

  it('colchicine + a new clarithromycin order with end-stage kidney disease coded: critical', async () => {
    const eskd: fhir4.Condition = {
      resourceType: 'Condition',
      id: 'c1',
      subject,
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '46177005', display: 'End-stage renal disease' }] },
    };
    const body = await sign(
      [order('mr1', '2683', 'colchicine', 'active'), eskd],
      [order('d1', '197517', 'clarithromycin 500 MG Oral Tablet', 'draft')],
    );
    expect(body.cards.find((c) => /colchicine/i.test(c.summary))?.indicator).toBe('critical');
  });
});
