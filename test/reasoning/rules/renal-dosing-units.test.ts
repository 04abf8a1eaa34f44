import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { renalDosingRule } from '@reasoning/rules/renal-dosing';

const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1951-01-01' };
const metformin: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'm1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  authoredOn: '2021-01-01',
  medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975' }] },
};
const creatinine = (value: number, code: string, unit: string): fhir4.Observation => ({
  resourceType: 'Observation',
  id: 'c1',
  status: 'final',
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2021-03-01',
  code: { coding: [{ system: 'http://loinc.org', code: '2160-0' }] },
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code },
});

describe('renal-dosing through normalize: creatinine units', () => {
  it.each([
    { value: 2.5, code: 'mg/dL' },
    { value: 221, code: 'umol/L' },
  ])('gives the same eGFR from $value $code', ({ value, code }) => {
    const facts = normalize({
      resources: [patient, metformin, creatinine(value, code, code)],
      now: '2021-04-01T00:00:00Z',
    });
    const [f] = renalDosingRule.evaluate(facts).findings;
    expect(f?.ruleId).toBe('renal-metformin');
    expect(f?.inputs[0]).toMatchObject({ name: 'eGFR (CKD-EPI 2021, calculated)', value: 27 });
    expect(f?.inputs[1]).toMatchObject({ name: 'Serum creatinine', unit: 'mg/dL', value: 2.5 });
  });

  it('does not reason on a creatinine in an unknown unit (skipped by normalize, insufficient here)', () => {
    const facts = normalize({
      resources: [patient, metformin, creatinine(2.5, 'g/L', 'g/L')],
      now: '2021-04-01T00:00:00Z',
    });
    const out = renalDosingRule.evaluate(facts);
    expect(out.findings).toEqual([]);
    expect(out.insufficient?.[0]).toMatch(/renal-metformin: .*no creatinine is recorded/);
  });
});
