/**
 * Shared pieces of the clinical scenario suites (test/reasoning/clinical-scenarios*.test.ts): small FHIR fixtures,
 * verified RxNorm codes (knowledge/drugs/products.ts and ingredients.ts) and a runner for a scenario table.
 */
import { it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { EngineInput, EngineResult, Finding } from '@reasoning/types';
import { NOW, makeCondition, makeObservation, makePatient } from './fhir-builders';

export const PENICILLIN_SNOMED = '764146007';
export const ANAPHYLAXIS = { snomed: '39579001', display: 'Anaphylaxis', severity: 'severe' as const };
export const RASH = { snomed: '271807003', display: 'Eruption of skin', severity: 'mild' as const };
export const creatinine = (value: number, date: string, unit = 'mg/dL'): fhir4.Observation =>
  makeObservation({ loinc: '2160-0', value, unit, date });
export const egfrReported = (value: number): fhir4.Observation =>
  makeObservation({ loinc: '98979-8', value, unit: 'mL/min/{1.73_m2}', date: '2021-03-25T08:00:00Z' });
export const weight = (kg: number): fhir4.Observation =>
  makeObservation({ loinc: '29463-7', value: kg, unit: 'kg', date: '2021-03-20T08:00:00Z' });
export const potassium = (value: number, date = '2021-03-31T08:00:00Z'): fhir4.Observation =>
  makeObservation({ loinc: '2823-3', value, unit: 'mmol/L', date });
export const vitals = (date: string): fhir4.Observation[] => [
  makeObservation({ loinc: '9279-1', value: 26, unit: '/min', date }),
  makeObservation({ loinc: '59408-5', value: 90, unit: '%', date }),
  makeObservation({ loinc: '8480-6', value: 88, unit: 'mm[Hg]', date }),
  makeObservation({ loinc: '8867-4', value: 125, unit: '/min', date }),
  makeObservation({ loinc: '8310-5', value: 38.6, unit: 'Cel', date }),
];
export const AF = makeCondition({ snomed: '49436004', display: 'Atrial fibrillation', clinicalStatus: 'active' });
export const HTN = makeCondition({ snomed: '38341003', display: 'Hypertension', clinicalStatus: 'active' });
export const T2DM = makeCondition({
  snomed: '44054006',
  display: 'Type 2 diabetes mellitus',
  clinicalStatus: 'active',
});
export const METFORMIN_500 = '861007';
export const NITROFURANTOIN_100 = '1648759';
export const NITROGLYCERIN_SL = '198039';
export const SILDENAFIL_100 = '213271';
export const CITALOPRAM_20 = '200371';
export const ONDANSETRON_IN = '26225';
export const POTASSIUM_CHLORIDE_IN = '8591';
export const DICLOFENAC_IN = '3355';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SIMVASTATIN_40 = '198211';
export const AMLODIPINE_5 = '197361';
export const AMIODARONE_200 = '833528';
export const RIFAMPIN_300 = '198202';

export function withRoute(r: fhir4.MedicationRequest, snomed: string, display: string): fhir4.MedicationRequest {
  return {
    ...r,
    dosageInstruction: [{ route: { coding: [{ system: 'http://snomed.info/sct', code: snomed, display }] } }],
  };
}

export function textOnly(
  id: string,
  text: string,
  status: fhir4.MedicationRequest['status'] = 'active',
): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text },
    authoredOn: '2021-03-01',
  };
}

export function byRef(
  id: string,
  reference: string,
  status: fhir4.MedicationRequest['status'] = 'active',
  contained?: fhir4.Medication,
): fhir4.MedicationRequest {
  const r: fhir4.MedicationRequest = {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationReference: { reference },
    authoredOn: '2021-03-01',
  };
  if (contained) r.contained = [contained];
  return r;
}

export const medication = (id: string, code: string): fhir4.Medication => ({
  resourceType: 'Medication',
  id,
  code: { coding: [{ system: RXNORM, code }] },
});

export const find = (r: EngineResult, ruleId: string): Finding | undefined =>
  r.findings.find((f) => f.ruleId === ruleId);
export const findFamily = (r: EngineResult, family: string): Finding[] => r.findings.filter((f) => f.family === family);
export const allText = (f: Finding): string =>
  [f.summary, f.detail, ...f.suggestions.map((s) => s.label)].join('\n').toLowerCase();

export interface Scenario {
  name: string;
  input: EngineInput;
  check: (r: EngineResult) => void;
}

export const man70 = makePatient({ gender: 'male', birthDate: '1950-06-01' });
export const woman82 = makePatient({ birthDate: '1938-06-01' });

/** One it() per scenario, through the whole engine at the builders' NOW. */
export function runScenarios(scenarios: readonly Scenario[]): void {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    s.check(runEngine({ ...s.input, now: NOW }));
  });
}
