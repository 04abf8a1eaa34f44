import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { flattenBundle } from '@fhir/bundle';
import { STALE_ORDER_DAYS } from '@reasoning/normalize/medications';
import type { EngineInput } from '@reasoning/types';
import {
  makeAllergy,
  makeCondition,
  makeDraft,
  makeInput,
  makeMedicationRequest,
  makePatient,
  NOW,
  RX,
} from '../support/fhir-builders';

describe('normalize: patient and conditions', () => {
  it('computes age at now, or at death for deceased patients', () => {
    expect(normalize(makeInput([], [], makePatient({ birthDate: '1950-03-01' }))).patient).toMatchObject({
      ageYears: 71,
      sex: 'female',
      deceased: false,
    });
    const dead = normalize(
      makeInput([], [], makePatient({ birthDate: '1950-04-02', deceasedDateTime: '2020-10-05' })),
    ).patient;
    expect(dead).toMatchObject({ ageYears: 70, deceased: true });
  });

  it.each([
    ['active', { clinicalStatus: 'active' }, true],
    ['no status (problem list)', {}, true],
    ['recurrence', { clinicalStatus: 'recurrence' }, true],
    ['resolved', { clinicalStatus: 'resolved' }, false],
    ['abated', { abatementDateTime: '2019-01-01' }, false],
    ['entered-in-error', { verificationStatus: 'entered-in-error' }, false],
    ['refuted', { verificationStatus: 'refuted' }, false],
  ])('condition %s → current: %s', (_n, opts, current) => {
    const f = normalize(makeInput([makeCondition({ snomed: '49436004', ...opts })]));
    expect(f.conditions.length === 1).toBe(current);
  });
});

describe('normalize: medications', () => {
  it('keeps active and on-hold orders, drops stopped ones, maps product → ingredient → class', () => {
    const f = normalize(
      makeInput([
        makeMedicationRequest({ id: 'w', code: RX.warfarin5 }),
        makeMedicationRequest({ id: 'n', code: RX.naproxen220, status: 'on-hold' }),
        makeMedicationRequest({ id: 's', code: RX.clopidogrel75, status: 'stopped' }),
      ]),
    );
    expect(f.medications.map((m) => [m.ref, m.ingredients, m.classes])).toEqual([
      ['MedicationRequest/w', ['11289'], ['vka']],
      ['MedicationRequest/n', ['7258'], ['nsaid']],
    ]);
  });

  it(`flags active orders older than ${STALE_ORDER_DAYS} days as stale but keeps them`, () => {
    const f = normalize(
      makeInput([
        makeMedicationRequest({ id: 'old', code: RX.digoxin, authoredOn: '2014-05-02' }),
        makeMedicationRequest({ id: 'new', code: RX.digoxin, authoredOn: '2021-01-02' }),
      ]),
    );
    expect(f.medications.map((m) => [m.ref, m.isStale, m.date])).toEqual([
      ['MedicationRequest/old', true, '2014-05-02'],
      ['MedicationRequest/new', false, '2021-01-02'],
    ]);
  });

  it('records unknown products in skipped but keeps the medication', () => {
    const f = normalize(makeInput([makeMedicationRequest({ id: 'u', code: '999999999' })]));
    expect(f.medications[0]).toMatchObject({ ref: 'MedicationRequest/u', ingredients: [], classes: [] });
    expect(f.skipped).toContainEqual({
      subject: 'MedicationRequest/u',
      reason: expect.stringContaining('unknown product'),
    });
  });

  it('identifies a locally coded drug from its RxNorm name and says so', () => {
    const f = normalize(
      makeInput([
        makeMedicationRequest({ id: 'd', code: 'x', system: 'urn:local', display: 'Warfarin Sodium 5 MG Oral Tablet' }),
      ]),
    );
    expect(f.medications[0]).toMatchObject({
      ingredients: ['11289'],
      classes: ['vka'],
      identifiedFrom: "name: 'Warfarin Sodium 5 MG Oral Tablet'",
      route: 'oral',
    });
    expect(f.medications[0]?.strengths).toEqual({ '11289': { mg: 5, perHour: false } });
    expect(f.skipped).toEqual([]);
  });

  it('keeps a locally coded drug it cannot identify, recorded as skipped', () => {
    const f = normalize(
      makeInput([
        makeMedicationRequest({ id: 'd', code: 'x', system: 'urn:local', display: 'House formulary item 42' }),
      ]),
    );
    expect(f.medications[0]).toMatchObject({ ingredients: [], classes: [] });
    expect(f.skipped[0]?.reason).toContain('product not recognised');
  });

  it('resolves medicationReference against Medication resources and contained ones', () => {
    const med: fhir4.Medication = {
      resourceType: 'Medication',
      id: 'm1',
      code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: RX.apixaban5 }] },
    };
    const byRef: fhir4.MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: 'r1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationReference: { reference: 'Medication/m1' },
    };
    const contained: fhir4.MedicationRequest = {
      ...byRef,
      id: 'r2',
      contained: [{ ...med, id: 'c' }],
      medicationReference: { reference: '#c' },
    };
    const f = normalize(makeInput([med, byRef, contained]));
    expect(f.medications.map((m) => m.classes)).toEqual([['doac'], ['doac']]);
  });

  it('resolves urn:uuid medicationReference once the bundle is flattened (Synthea-style transaction bundle)', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:med-1',
          resource: {
            resourceType: 'Medication',
            id: 'med-1',
            code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: RX.warfarin5 }] },
          },
        },
        {
          fullUrl: 'urn:uuid:req-1',
          resource: {
            resourceType: 'MedicationRequest',
            id: 'req-1',
            status: 'active',
            intent: 'order',
            subject: { reference: 'urn:uuid:p1' },
            medicationReference: { reference: 'urn:uuid:med-1' },
          },
        },
      ],
    };
    const f = normalize(makeInput(flattenBundle(bundle)));
    expect(f.medications.map((m) => [m.ref, m.classes])).toEqual([['MedicationRequest/req-1', ['vka']]]);
  });

  it('records an unresolvable medicationReference as skipped, and keeps the medication as unidentified', () => {
    const req: fhir4.MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: 'r9',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationReference: { reference: 'urn:uuid:nowhere' },
    };
    const f = normalize(makeInput([req]));
    expect(f.medications).toMatchObject([
      { ref: 'MedicationRequest/r9', ingredients: [], classes: [], display: 'urn:uuid:nowhere' },
    ]);
    expect(f.skipped).toContainEqual({
      subject: 'MedicationRequest/r9',
      reason: expect.stringContaining('not resolvable'),
    });
  });

  it('takes drafts only from draftOrders, also when sent as a Bundle', () => {
    const draft = makeDraft({ id: 'd1', code: RX.ibuprofen400 });
    const f = normalize({
      ...makeInput([makeMedicationRequest({ id: 'c1', code: RX.warfarin5, status: 'draft' })]),
      draftOrders: [{ resourceType: 'Bundle', type: 'collection', entry: [{ resource: draft }] } as fhir4.Bundle],
    });
    expect(f.drafts.map((d) => [d.ref, d.isDraft])).toEqual([['MedicationRequest/d1', true]]);
    expect(f.medications).toEqual([]);
    expect(f.skipped).toContainEqual({
      subject: 'MedicationRequest/c1',
      reason: expect.stringContaining('draft order outside draftOrders'),
    });
  });

  it.each([
    ['active', 1],
    ['intended', 1],
    ['completed', 0],
    ['entered-in-error', 0],
  ])('MedicationStatement %s → current: %i', (status, n) => {
    const st: fhir4.MedicationStatement = {
      resourceType: 'MedicationStatement',
      id: 'ms',
      status: status as fhir4.MedicationStatement['status'],
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2021-02-01',
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: RX.warfarin5 }],
      },
    };
    expect(normalize(makeInput([st])).medications).toHaveLength(n);
  });

  it('takes the route from the product table, else from a SNOMED-coded dosage route', () => {
    const unknownTopical = makeMedicationRequest({ id: 't', code: '999999998' });
    unknownTopical.dosageInstruction = [
      { route: { coding: [{ system: 'http://snomed.info/sct', code: '6064005', display: 'Topical route' }] } },
    ];
    const f = normalize(makeInput([makeMedicationRequest({ id: 'h', code: RX.hydrocortisoneCream }), unknownTopical]));
    expect(f.medications.map((m) => m.route)).toEqual(['topical', 'topical']);
  });

  it('skips proposals (not orders)', () => {
    const f = normalize(makeInput([makeMedicationRequest({ id: 'p', code: RX.warfarin5, intent: 'proposal' })]));
    expect(f.medications).toEqual([]);
  });
});

describe('normalize: allergies', () => {
  it('maps SNOMED penicillin and RxNorm ingredient allergies to classes; keeps reactions and criticality', () => {
    const f = normalize(
      makeInput([
        makeAllergy({
          id: 'pen',
          code: '91936005',
          criticality: 'high',
          reaction: { snomed: '39579001', display: 'Anaphylaxis' },
        }),
        makeAllergy({ id: 'amox', code: '723', system: 'http://www.nlm.nih.gov/research/umls/rxnorm' }),
        makeAllergy({ id: 'peanut', code: '91935009' }),
      ]),
    );
    expect(f.allergies.map((a) => [a.ref, a.classes.includes('penicillin'), a.severeReaction])).toEqual([
      ['AllergyIntolerance/pen', true, true],
      ['AllergyIntolerance/amox', true, false],
      ['AllergyIntolerance/peanut', false, false],
    ]);
  });

  it.each([['refuted'], ['entered-in-error']])('skips %s allergies with the reason', (v) => {
    const f = normalize(makeInput([makeAllergy({ id: 'a', code: '91936005', verificationStatus: v })]));
    expect(f.allergies).toEqual([]);
    expect(f.skipped).toContainEqual({ subject: 'AllergyIntolerance/a', reason: `verificationStatus ${v}` });
  });
});

describe('normalize never throws', () => {
  const odd: unknown[] = [
    null,
    { resources: [], now: 'yesterday' },
    { resources: null, now: NOW },
    {
      resources: [
        null,
        1,
        'x',
        { resourceType: 'Observation' },
        { resourceType: 'MedicationRequest', medicationCodeableConcept: 'x' },
      ],
      now: NOW,
    },
    {
      resources: [
        { resourceType: 'Observation', status: 'final', code: { coding: 'nope' }, valueQuantity: { value: 'NaN' } },
      ],
      now: NOW,
    },
    { resources: [{ resourceType: 'AllergyIntolerance', reaction: [{ manifestation: null }] }], now: NOW },
    { resources: [{ resourceType: 'Condition', code: null, clinicalStatus: 5 }], now: NOW },
    {
      resources: [{ resourceType: 'Patient', birthDate: 12 }],
      draftOrders: [{ resourceType: 'ServiceRequest', id: 's' }],
      now: NOW,
    },
  ];
  it.each(odd.map((o, i) => [i, o]))('case %i', (_i, input) => {
    expect(() => normalize(input as EngineInput)).not.toThrow();
  });
});
