/**
 * Small builders for normalized Facts (CONTRIBUTING.md, "The fast loop"): rule and score tests state only what matters to them.
 * Values are in the analyte's canonical unit unless `originalValue`/`originalUnit` say otherwise.
 */
import type { ConditionFact, Facts, MedicationFact, ObservationFact, PatientFacts } from '@reasoning/facts';
import { ICD10CM, SNOMED } from '@fhir/codings';

export const TEST_NOW = '2021-04-01T12:00:00Z';

const CANONICAL_UNITS: Readonly<Record<string, string>> = {
  creatinine: 'mg/dL',
  potassium: 'mmol/L',
  egfr: 'mL/min/{1.73_m2}',
  inr: '{INR}',
  'respiratory-rate': '/min',
  spo2: '%',
  'systolic-bp': 'mm[Hg]',
  'diastolic-bp': 'mm[Hg]',
  'heart-rate': '/min',
  'body-temperature': 'Cel',
  'body-weight': 'kg',
  'body-height': 'cm',
};

const LOINCS: Readonly<Record<string, string>> = {
  creatinine: '2160-0',
  potassium: '2823-3',
  egfr: '33914-3',
  inr: '6301-6',
  'respiratory-rate': '9279-1',
  spo2: '59408-5',
  'systolic-bp': '8480-6',
  'diastolic-bp': '8462-4',
  'heart-rate': '8867-4',
  'body-temperature': '8310-5',
  'body-weight': '29463-7',
  'body-height': '8302-2',
};

let counter = 0;
const nextId = (): string => String(++counter);

export function makePatient(over: Partial<PatientFacts> = {}): PatientFacts {
  return { ref: 'Patient/p1', ageYears: 70, birthDate: '1951-01-01', sex: 'male', deceased: false, ...over };
}

export function makeObservationFact(
  analyte: string,
  value: number,
  date: string,
  over: Partial<ObservationFact> = {},
): ObservationFact {
  const unit = CANONICAL_UNITS[analyte] ?? '1';
  return {
    ref: `Observation/${analyte}-${nextId()}`,
    analyte,
    loinc: LOINCS[analyte] ?? '0-0',
    display: analyte,
    value,
    unit,
    originalValue: value,
    originalUnit: unit,
    date,
    ...over,
  };
}

export function makeMedicationFact(over: Partial<MedicationFact> & { ingredients: string[] }): MedicationFact {
  const isDraft = over.isDraft ?? false;
  return {
    ref: `MedicationRequest/${isDraft ? 'draft' : 'med'}-${nextId()}`,
    codes: [],
    display: over.ingredients.join('+'),
    classes: [],
    status: isDraft ? 'draft' : 'active',
    date: '2021-01-01',
    isDraft,
    isStale: false,
    ...over,
  };
}

/** A condition coded in SNOMED CT (default) or ICD-10-CM (`system: 'icd10'`). */
export function makeConditionFact(
  code: string,
  display = code,
  system: 'snomed' | 'icd10' = 'snomed',
  over: Partial<ConditionFact> = {},
): ConditionFact {
  return {
    ref: `Condition/c-${nextId()}`,
    codes: [{ system: system === 'snomed' ? SNOMED : ICD10CM, code, display }],
    display,
    onset: '2015-01-01',
    ...over,
  };
}

export interface FactsSpec {
  now?: string;
  patient?: Partial<PatientFacts> | null;
  conditions?: ConditionFact[];
  medications?: MedicationFact[];
  drafts?: MedicationFact[];
  observations?: ObservationFact[];
}

/** Facts with a 70-year-old man by default (`patient: null` for none); observations grouped by analyte, oldest first. */
export function makeFacts(spec: FactsSpec = {}): Facts {
  const observations = new Map<string, ObservationFact[]>();
  const sorted = [...(spec.observations ?? [])].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  for (const o of sorted) observations.set(o.analyte, [...(observations.get(o.analyte) ?? []), o]);
  const facts: Facts = {
    now: spec.now ?? TEST_NOW,
    conditions: spec.conditions ?? [],
    medications: spec.medications ?? [],
    drafts: (spec.drafts ?? []).map((d) => ({ ...d, isDraft: true, status: 'draft' })),
    allergies: [],
    observations,
    skipped: [],
  };
  if (spec.patient !== null) facts.patient = makePatient(spec.patient ?? {});
  return facts;
}
