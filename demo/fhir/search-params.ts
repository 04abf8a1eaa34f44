/**
 * The search parameters the demo FHIR server supports, per resource type (a subset of FHIR R4's
 * SearchParameter registry: the ones CDS Hooks prefetch templates and SMART apps use).
 */

export type ParamKind = 'reference' | 'token' | 'date' | 'string';

export interface ParamDef {
  kind: ParamKind;
  /** Dot paths into the resource; the first that yields values wins for dates, all count for the others. */
  paths: readonly string[];
}

const patientRef: ParamDef = { kind: 'reference', paths: ['subject', 'patient'] };
const token = (...paths: string[]): ParamDef => ({ kind: 'token', paths });
const date = (...paths: string[]): ParamDef => ({ kind: 'date', paths });
const text = (...paths: string[]): ParamDef => ({ kind: 'string', paths });

const common = { _id: token('id') };
const clinical = { ...common, patient: patientRef, subject: patientRef };

export const SEARCH_PARAMS: Readonly<Record<string, Readonly<Record<string, ParamDef>>>> = {
  Patient: {
    ...common,
    gender: token('gender'),
    birthdate: date('birthDate'),
    identifier: token('identifier'),
    given: text('name.given'),
    family: text('name.family'),
  },
  Practitioner: { ...common, identifier: token('identifier') },
  Observation: {
    ...clinical,
    status: token('status'),
    category: token('category'),
    code: token('code'),
    date: date('effectiveDateTime', 'effectivePeriod.start', 'effectiveInstant', 'issued'),
  },
  Condition: {
    ...clinical,
    'clinical-status': token('clinicalStatus'),
    'verification-status': token('verificationStatus'),
    category: token('category'),
    code: token('code'),
    // R4 Condition has no `date` parameter; its dates are searched and sorted by these names.
    'onset-date': date('onsetDateTime', 'onsetPeriod.start'),
    'recorded-date': date('recordedDate'),
  },
  MedicationRequest: {
    ...clinical,
    status: token('status'),
    intent: token('intent'),
    category: token('category'),
    code: token('medicationCodeableConcept'),
    authoredon: date('authoredOn'),
    // R4 MedicationRequest `date` (medications-date) is when a dose is due, not when the order was written.
    date: date('dosageInstruction.timing.event'),
  },
  MedicationStatement: {
    ...clinical,
    status: token('status'),
    code: token('medicationCodeableConcept'),
    effective: date('effectiveDateTime', 'effectivePeriod.start'),
  },
  MedicationAdministration: {
    ...clinical,
    status: token('status'),
    code: token('medicationCodeableConcept'),
    'effective-time': date('effectiveDateTime', 'effectivePeriod.start'),
  },
  MedicationDispense: {
    ...clinical,
    status: token('status'),
    code: token('medicationCodeableConcept'),
    whenhandedover: date('whenHandedOver'),
  },
  AllergyIntolerance: {
    ...clinical,
    'clinical-status': token('clinicalStatus'),
    'verification-status': token('verificationStatus'),
    category: token('category'),
    code: token('code'),
    criticality: token('criticality'),
    type: token('type'),
    date: date('recordedDate'),
  },
  Encounter: {
    ...clinical,
    status: token('status'),
    class: token('class'),
    type: token('type'),
    date: date('period.start'),
  },
  Procedure: {
    ...clinical,
    status: token('status'),
    code: token('code'),
    date: date('performedDateTime', 'performedPeriod.start'),
  },
  Immunization: {
    ...clinical,
    status: token('status'),
    'vaccine-code': token('vaccineCode'),
    date: date('occurrenceDateTime'),
  },
};

/** Values at a dot path, arrays flattened at every step. */
export function valuesAt(resource: unknown, path: string): unknown[] {
  let current: unknown[] = [resource];
  for (const key of path.split('.')) {
    current = current.flatMap((v) => {
      if (v === null || typeof v !== 'object') return [];
      const child = (v as Record<string, unknown>)[key];
      return child === undefined ? [] : Array.isArray(child) ? (child as unknown[]) : [child];
    });
  }
  return current;
}
