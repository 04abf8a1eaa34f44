/**
 * Which medication records count as current (normalize/medication-status.ts), proved through runEngine from FHIR:
 * the MAR and pharmacy dispenses count, doNotPerform orders never do, and an "unknown" statement is kept and labelled.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import { normalize } from '@reasoning/normalize';
import {
  NOW,
  makeCondition,
  makeDraft,
  makeInput,
  makeMedicationRequest,
  makePatient,
  RX,
} from '../support/fhir-builders';
import { find } from '../support/scenario-helpers';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const HEPARIN_5000 = {
  system: RXNORM,
  code: '1361615',
  display: 'heparin sodium, porcine 5000 UNT/ML Injectable Solution',
};
const WARFARIN_5 = { system: RXNORM, code: RX.warfarin5, display: 'warfarin sodium 5 MG Oral Tablet' };
const man80 = makePatient({ gender: 'male', birthDate: '1940-06-01' });
// AF with hypertension, diabetes, heart failure at 80: CHA2DS2-VASc well above the treatment threshold.
const afChart = [
  makeCondition({ snomed: '49436004', display: 'Atrial fibrillation', clinicalStatus: 'active' }),
  makeCondition({ snomed: '38341003', display: 'Hypertension', clinicalStatus: 'active' }),
  makeCondition({ snomed: '84114007', display: 'Heart failure', clinicalStatus: 'active' }),
];

function administration(o: {
  id: string;
  status: fhir4.MedicationAdministration['status'];
  when: string;
  med?: fhir4.Coding;
}): fhir4.MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id: o.id,
    status: o.status,
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [o.med ?? HEPARIN_5000] },
    effectiveDateTime: o.when,
  };
}

function dispense(o: {
  id: string;
  status: fhir4.MedicationDispense['status'];
  handedOver: string;
  days?: number;
}): fhir4.MedicationDispense {
  const d: fhir4.MedicationDispense = {
    resourceType: 'MedicationDispense',
    id: o.id,
    status: o.status,
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [WARFARIN_5] },
    whenHandedOver: o.handedOver,
  };
  if (o.days !== undefined)
    d.daysSupply = { value: o.days, unit: 'day', system: 'http://unitsofmeasure.org', code: 'd' };
  return d;
}

const gap = (resources: fhir4.Resource[]) =>
  find(runEngine(makeInput([...afChart, ...resources], [], man80)), 'anticoag-gap-af');

describe('MedicationAdministration (the MAR)', () => {
  it('an inpatient on heparin only on the MAR counts as anticoagulated', () => {
    expect(gap([])).toBeDefined();
    expect(gap([administration({ id: 'ma1', status: 'completed', when: '2021-03-31T20:00:00Z' })])).toBeUndefined();
    expect(gap([administration({ id: 'ma2', status: 'in-progress', when: '2021-03-20T08:00:00Z' })])).toBeUndefined();
  });

  it('an old, not-done or entered-in-error administration is not a current drug', () => {
    expect(gap([administration({ id: 'ma3', status: 'completed', when: '2021-03-20T08:00:00Z' })])).toBeDefined();
    expect(gap([administration({ id: 'ma4', status: 'not-done', when: '2021-03-31T20:00:00Z' })])).toBeDefined();
    expect(
      gap([administration({ id: 'ma5', status: 'entered-in-error', when: '2021-03-31T20:00:00Z' })]),
    ).toBeDefined();
  });

  it('a heparin dose on the MAR with a new warfarin draft is shown as a MAR entry, with its date', () => {
    const r = runEngine(
      makeInput(
        [administration({ id: 'ma6', status: 'completed', when: '2021-03-31T20:00:00Z' })],
        [makeDraft({ id: 'd1', code: RX.warfarin5 })],
        man80,
      ),
    );
    const dup = find(r, 'dup-anticoagulant');
    expect(dup?.severity).toBe('warning');
    expect(dup?.detail).toContain('given 2021-03-31 (medication administration record');
    expect(dup?.inputs.find((i) => i.source === 'MedicationAdministration/ma6')?.name).toBe('administered medication');
  });

  it('a MAR entry of the ordered drug is the same therapy, not a second product', () => {
    const order = makeMedicationRequest({ id: 'o1', code: '1361615' });
    const mar = administration({
      id: 'ma7',
      status: 'completed',
      when: '2021-03-31T20:00:00Z',
      med: { system: RXNORM, code: '5224', display: 'heparin' },
    });
    expect(find(runEngine(makeInput([order, mar], [], man80)), 'dup-same-ingredient')).toBeUndefined();
  });
});

describe('MedicationDispense', () => {
  it('a warfarin fill whose supply has not run out counts; a fill long past its supply does not', () => {
    expect(gap([dispense({ id: 'md1', status: 'completed', handedOver: '2021-03-10', days: 30 })])).toBeUndefined();
    expect(gap([dispense({ id: 'md2', status: 'completed', handedOver: '2020-10-01', days: 30 })])).toBeDefined();
    expect(gap([dispense({ id: 'md3', status: 'cancelled', handedOver: '2021-03-10', days: 30 })])).toBeDefined();
  });

  it('without a daysSupply a recent fill still counts', () => {
    expect(gap([dispense({ id: 'md4', status: 'completed', handedOver: '2021-02-20' })])).toBeUndefined();
  });
});

describe('MedicationRequest.doNotPerform', () => {
  it('an order NOT to give warfarin is not an anticoagulant, and says why it was skipped', () => {
    const dnp: fhir4.MedicationRequest = {
      ...makeMedicationRequest({ id: 'dnp1', code: RX.warfarin5 }),
      doNotPerform: true,
    };
    const r = runEngine(makeInput([...afChart, dnp], [], man80));
    expect(find(r, 'anticoag-gap-af')).toBeDefined();
    expect(r.skipped).toContainEqual({
      subject: 'MedicationRequest/dnp1',
      reason: 'doNotPerform: an order not to give this drug',
    });
  });

  it('a draft that says "do not give" is not checked as a new drug', () => {
    const draft: fhir4.MedicationRequest = { ...makeDraft({ id: 'dnp2', code: RX.naproxen500 }), doNotPerform: true };
    const r = runEngine(makeInput([makeMedicationRequest({ code: RX.warfarin5 })], [draft], man80));
    expect(r.findings.filter((f) => f.draftRefs.includes('MedicationRequest/dnp2'))).toEqual([]);
  });
});

describe('MedicationStatement status unknown', () => {
  const statement = (status: fhir4.MedicationStatement['status']): fhir4.MedicationStatement => ({
    resourceType: 'MedicationStatement',
    id: `ms-${status}`,
    status,
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [WARFARIN_5] },
    dateAsserted: '2021-03-01',
  });

  it('is kept as uncertain (never dropped) and labelled wherever it is shown', () => {
    const facts = normalize({ resources: [man80, statement('unknown')], now: NOW });
    expect(facts.medications).toHaveLength(1);
    expect(facts.medications[0]?.uncertain).toBe(true);
    const r = runEngine(makeInput([statement('unknown')], [makeDraft({ id: 'd2', code: RX.naproxen500 })], man80));
    const ddi = find(r, 'ddi-warfarin-nsaid');
    expect(ddi?.detail).toContain('status unknown in the record');
    expect(ddi?.inputs.some((i) => i.name === 'active medication (status unknown)')).toBe(true);
  });

  it('a stopped or completed statement is history', () => {
    expect(
      normalize({ resources: [man80, statement('stopped'), statement('completed')], now: NOW }).medications,
    ).toEqual([]);
  });
});
