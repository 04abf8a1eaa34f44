/** Small FHIR R4 builders for engine tests (CONTRIBUTING.md, "The fast loop"): only the fields a test cares about, sensible defaults. */
import type { EngineInput } from '@reasoning/types';

export const NOW = '2021-04-01T00:00:00Z';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';

let seq = 0;
const nextId = (prefix: string): string => `${prefix}-${++seq}`;

export function makePatient(
  o: { id?: string; birthDate?: string; gender?: fhir4.Patient['gender']; deceasedDateTime?: string } = {},
): fhir4.Patient {
  const p: fhir4.Patient = {
    resourceType: 'Patient',
    id: o.id ?? 'p1',
    gender: o.gender ?? 'female',
    birthDate: o.birthDate ?? '1950-01-01',
  };
  if (o.deceasedDateTime) p.deceasedDateTime = o.deceasedDateTime;
  return p;
}

export interface MedOptions {
  id?: string;
  code: string;
  display?: string;
  status?: fhir4.MedicationRequest['status'];
  intent?: fhir4.MedicationRequest['intent'];
  authoredOn?: string;
  system?: string;
}

export function makeMedicationRequest(o: MedOptions): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: o.id ?? nextId('mr'),
    status: o.status ?? 'active',
    intent: o.intent ?? 'order',
    medicationCodeableConcept: {
      coding: [{ system: o.system ?? RXNORM, code: o.code, display: o.display ?? `RxNorm ${o.code}` }],
    },
    subject: { reference: 'Patient/p1' },
    authoredOn: o.authoredOn ?? '2021-03-01',
  };
}

/** A draft order as sent in a hook's context.draftOrders. */
export function makeDraft(o: MedOptions): fhir4.MedicationRequest {
  return makeMedicationRequest({ ...o, status: 'draft', authoredOn: o.authoredOn ?? '2021-04-01' });
}

export function makeCondition(o: {
  id?: string;
  snomed: string;
  display?: string;
  clinicalStatus?: string;
  verificationStatus?: string;
  abatementDateTime?: string;
}): fhir4.Condition {
  const c: fhir4.Condition = {
    resourceType: 'Condition',
    id: o.id ?? nextId('cond'),
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: SNOMED, code: o.snomed, display: o.display ?? o.snomed }] },
  };
  if (o.clinicalStatus) c.clinicalStatus = { coding: [{ code: o.clinicalStatus }] };
  if (o.verificationStatus) c.verificationStatus = { coding: [{ code: o.verificationStatus }] };
  if (o.abatementDateTime) c.abatementDateTime = o.abatementDateTime;
  return c;
}

export interface AllergyOptions {
  id?: string;
  code: string;
  system?: string;
  display?: string;
  criticality?: fhir4.AllergyIntolerance['criticality'];
  verificationStatus?: string;
  clinicalStatus?: string;
  reaction?: { snomed?: string; display: string; severity?: 'mild' | 'moderate' | 'severe' };
}

export function makeAllergy(o: AllergyOptions): fhir4.AllergyIntolerance {
  const a: fhir4.AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    id: o.id ?? nextId('al'),
    patient: { reference: 'Patient/p1' },
    category: ['medication'],
    code: { coding: [{ system: o.system ?? SNOMED, code: o.code, display: o.display ?? o.code }] },
    recordedDate: '2015-06-01',
    verificationStatus: { coding: [{ code: o.verificationStatus ?? 'confirmed' }] },
    clinicalStatus: { coding: [{ code: o.clinicalStatus ?? 'active' }] },
  };
  if (o.criticality) a.criticality = o.criticality;
  if (o.reaction) {
    const m: fhir4.CodeableConcept = {
      coding: [{ system: SNOMED, code: o.reaction.snomed ?? '271807003', display: o.reaction.display }],
    };
    a.reaction = [{ manifestation: [m], ...(o.reaction.severity ? { severity: o.reaction.severity } : {}) }];
  }
  return a;
}

export interface ObsOptions {
  id?: string;
  loinc: string;
  value?: number;
  unit?: string;
  code?: string;
  status?: fhir4.Observation['status'];
  date?: string | null;
}

export function makeObservation(o: ObsOptions): fhir4.Observation {
  const obs: fhir4.Observation = {
    resourceType: 'Observation',
    id: o.id ?? nextId('obs'),
    status: o.status ?? 'final',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: 'http://loinc.org', code: o.loinc, display: o.loinc }] },
  };
  if (o.date !== null) obs.effectiveDateTime = o.date ?? '2021-03-15T10:00:00Z';
  if (o.value !== undefined) {
    obs.valueQuantity = { value: o.value, unit: o.unit ?? '', system: 'http://unitsofmeasure.org' };
    if (o.code ?? o.unit) obs.valueQuantity.code = o.code ?? o.unit;
  }
  return obs;
}

export function makeBloodPressure(systolic: number, diastolic: number, id?: string): fhir4.Observation {
  const comp = (loinc: string, value: number): fhir4.ObservationComponent => ({
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    valueQuantity: { value, unit: 'mm[Hg]', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id: id ?? nextId('bp'),
    status: 'final',
    effectiveDateTime: '2021-03-20',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    component: [comp('8480-6', systolic), comp('8462-4', diastolic)],
  };
}

/** Engine input with a patient (aged 71 at NOW unless given) plus the resources. */
export function makeInput(
  resources: fhir4.Resource[],
  drafts: fhir4.Resource[] = [],
  patient = makePatient(),
): EngineInput {
  return { resources: [patient, ...resources], draftOrders: drafts, now: NOW };
}

/** Verified RxNorm codes used in tests (see src/reasoning/knowledge/drugs/products.ts for sources). */
export const RX = {
  warfarin5: '855332',
  naproxen220: '849574',
  naproxen500: '198014',
  ibuprofen400: '197805',
  ibuprofen800: '197807',
  apixaban5: '1364445',
  clopidogrel75: '309362',
  digoxin: '197604',
  verapamil40: '897718',
  simvastatin10: '316672',
  simvastatin20: '312961',
  clarithromycin500: '197517',
  lisinopril10: '314076',
  losartan50: '979492',
  spironolactone25: '313096',
  methotrexate10: '105586',
  smxTmpDs: '198335',
  amoxicillin500: '308191',
  cephalexin500: '309114',
  cefazolin1g: '1665050',
  ceftriaxone1g: '1665021',
  aztreonam1g: '1664981',
  penicillinV500: '834102',
  pantoprazole40: '314200',
  prednisone5: '312617',
  phenelzine15: '312347',
  sertraline50: '312941',
  tramadol50: '835603',
  azithromycin250: '308460',
  levofloxacin500: '199885',
  hydrocortisoneCream: '106258',
  furosemide40: '315971',
  furosemideInj: '1719286',
} as const;
