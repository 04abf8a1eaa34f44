/**
 * The three HL7 CDS Hooks library hooks (maturity 1) through HTTP, with charts as an EHR sends them (Synthea
 * patients, RxNorm and SNOMED CT codes): allergyintolerance-create, problem-list-item-create, medication-refill.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { assertValidCdsResponse } from '../support/assert-cds-response';
import { startService, type RunningService } from '../support/service';
import { loadFixture, prefetchFor, USER, type Fixture } from '../support/synthea';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';

function call(hook: string, fx: Fixture, context: Record<string, unknown>, path = `/cds-services/cairn-${hook}`) {
  return svc.post(path, {
    hook,
    hookInstance: randomUUID(),
    context: { userId: USER, patientId: fx.patientId, ...context },
    prefetch: prefetchFor(fx),
  });
}

async function cards(
  hook: string,
  fx: Fixture,
  context: Record<string, unknown>,
  path?: string,
): Promise<CdsResponse['cards']> {
  const res = await call(hook, fx, context, path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  assertValidCdsResponse(res.body);
  return res.body.cards;
}

const bundle = (...resources: fhir4.Resource[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

/** A new allergy as an EHR records it: RxNorm ingredient code, no id yet (it is being created). */
const naproxenAllergy = (patientId: string): fhir4.AllergyIntolerance => ({
  resourceType: 'AllergyIntolerance',
  patient: { reference: `Patient/${patientId}` },
  clinicalStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
  },
  verificationStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
  },
  code: { coding: [{ system: RXNORM, code: '7258', display: 'naproxen' }] },
  recordedDate: '2021-04-01',
});

const heartFailure = (patientId: string): fhir4.Condition => ({
  resourceType: 'Condition',
  id: 'new-hf',
  subject: { reference: `Patient/${patientId}` },
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] },
  ],
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: SNOMED, code: '88805009', display: 'Chronic congestive heart failure' }] },
  recordedDate: '2021-04-01',
});

/** The refill of an existing prescription: a draft MedicationRequest naming the one it renews. */
function refillOf(fx: Fixture, rxnorm: string): fhir4.MedicationRequest {
  const prior = (fx.resources.filter((r) => r.resourceType === 'MedicationRequest') as fhir4.MedicationRequest[]).find(
    (r) => r.status === 'active' && (r.medicationCodeableConcept?.coding ?? []).some((c) => c.code === rxnorm),
  );
  if (!prior) throw new Error(`no active ${rxnorm}`);
  return {
    ...prior,
    id: `refill-${rxnorm}`,
    status: 'draft',
    intent: 'order',
    priorPrescription: { reference: `MedicationRequest/${prior.id}` },
    authoredOn: '2021-04-01',
  };
}

describe('allergyintolerance-create', () => {
  const fx = loadFixture('allergies-htn-naproxen-79c96478.json');

  it('checks the new allergy against the active medications: a naproxen allergy while naproxen is active', async () => {
    const found = await cards('allergyintolerance-create', fx, { allergyIntolerance: naproxenAllergy(fx.patientId) });
    expect(
      found.some((c) => /naproxen/i.test(c.summary)),
      JSON.stringify(found.map((c) => c.summary)),
    ).toBe(true);
  });

  it('speaks only about the new allergy, not about the rest of the chart', async () => {
    const allergyToNothingActive: fhir4.AllergyIntolerance = {
      ...naproxenAllergy(fx.patientId),
      code: { coding: [{ system: RXNORM, code: '733', display: 'ampicillin' }] },
    };
    expect(await cards('allergyintolerance-create', fx, { allergyIntolerance: allergyToNothingActive })).toEqual([]);
  });

  it('refuses an allergy about another patient (400 naming the field)', async () => {
    const res = await call('allergyintolerance-create', fx, {
      allergyIntolerance: { ...naproxenAllergy('someone-else') },
    });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(
      /context\.allergyIntolerance is about Patient\/someone-else/,
    );
  });

  it('refuses a context without allergyIntolerance (400)', async () => {
    expect((await call('allergyintolerance-create', fx, {})).status).toBe(400);
  });
});

describe('problem-list-item-create', () => {
  const fx = loadFixture('allergies-htn-naproxen-79c96478.json');

  it('checks the new condition against the active medications: heart failure added while naproxen is active (drug–disease)', async () => {
    const found = await cards('problem-list-item-create', fx, { conditions: bundle(heartFailure(fx.patientId)) });
    expect(
      found.some((c) => /heart failure/i.test(c.summary) && /naproxen|NSAID/i.test(c.summary)),
      JSON.stringify(found.map((c) => c.summary)),
    ).toBe(true);
  });

  it('refuses a conditions Bundle with no Condition (400)', async () => {
    const res = await call('problem-list-item-create', fx, { conditions: bundle() });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(/context\.conditions holds no Condition/);
  });
});

describe('medication-refill', () => {
  it('checks a metformin refill against the current eGFR (renal dosing)', async () => {
    const fx = loadFixture('af-warfarin-metformin-egfr41-b2eeab29.json');
    const found = await cards('medication-refill', fx, { medications: bundle(refillOf(fx, '860975')) });
    expect(
      found.some((c) => /metformin/i.test(c.summary)),
      JSON.stringify(found.map((c) => c.summary)),
    ).toBe(true);
  });

  it('does not call the refill a duplicate of the prescription it renews', async () => {
    const fx = loadFixture('af-warfarin-metformin-egfr41-b2eeab29.json');
    const found = await cards('medication-refill', fx, { medications: bundle(refillOf(fx, '860975')) });
    expect(found.filter((c) => /active orders/i.test(c.summary))).toEqual([]);
  });

  it('takes a refill with no user in context (userId is OPTIONAL for this hook)', async () => {
    const fx = loadFixture('af-warfarin-metformin-egfr41-b2eeab29.json');
    const res = await svc.post('/cds-services/cairn-medication-refill', {
      hook: 'medication-refill',
      hookInstance: randomUUID(),
      prefetch: prefetchFor(fx),
      context: { patientId: fx.patientId, medications: bundle(refillOf(fx, '860975')) },
    });
    expect(res.status).toBe(200);
  });

  it('is served under CDS Hooks 3.0 on its own id, with its hookVersion', async () => {
    const fx = loadFixture('af-warfarin-metformin-egfr41-b2eeab29.json');
    await cards(
      'medication-refill',
      fx,
      { medications: bundle(refillOf(fx, '860975')) },
      '/3.0/cds-services/cairn-medication-refill',
    );
    const listed = (
      (await (await fetch(`${svc.url}/3.0/cds-services`)).json()) as {
        services: { id: string; hook: string; hookVersion: string }[];
      }
    ).services;
    expect(
      listed
        .filter((s) => !['patient-view', 'order-select', 'order-sign'].includes(s.hook))
        .map((s) => [s.id, s.hookVersion]),
    ).toEqual([
      ['cairn-allergyintolerance-create', '0.1.0'],
      ['cairn-problem-list-item-create', '0.1.0'],
      ['cairn-medication-refill', '0.1.0'],
    ]);
  });
});
