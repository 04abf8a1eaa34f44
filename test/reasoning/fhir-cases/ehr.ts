/**
 * FHIR R4 resources shaped as an EHR sends them (US Core style): RxNorm product codes with RxNorm's own name as the
 * display and the prescriber's text, coded statuses with their systems, dosage instructions with text, timing and a
 * UCUM dose, laboratory observations with LOINC display, category and a UCUM unit. Used by the case table in
 * cases.ts, which runs the same resources through the engine and through the HTTP service.
 */
export const PATIENT_ID = 'ehr-pt';
export const NOW = '2021-04-01T12:00:00Z';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const subject = { reference: `Patient/${PATIENT_ID}` };

export function patient(birthDate: string, gender: fhir4.Patient['gender']): fhir4.Patient {
  return {
    resourceType: 'Patient',
    id: PATIENT_ID,
    gender,
    birthDate,
    active: true,
    name: [{ use: 'official', family: 'Testpatient', given: ['Case'] }],
    identifier: [{ system: 'urn:oid:2.16.840.1.113883.3.7418.2.1', value: 'MRN-0001' }],
  };
}

/** A product as the EHR codes it: RxNorm SCD/SBD code, RxNorm's name as display, and text as the prescriber saw it. */
export interface Product {
  code: string;
  name: string;
}

/** Dose: `units` tablets/capsules (or a mass in mg), `perDay` times a day. */
export interface Sig {
  amount: number;
  unit: 'tablet' | 'capsule' | 'mg';
  perDay: number;
  text: string;
  everyDays?: number;
  subcutaneous?: boolean;
}

function dosage(s: Sig): fhir4.Dosage {
  const code = s.unit === 'mg' ? 'mg' : s.unit === 'tablet' ? '{tbl}' : '{cap}';
  return {
    sequence: 1,
    text: s.text,
    timing: {
      repeat: s.everyDays
        ? { frequency: 1, period: s.everyDays, periodUnit: 'd' }
        : { frequency: s.perDay, period: 1, periodUnit: 'd' },
    },
    route: {
      coding: [
        s.subcutaneous
          ? { system: SNOMED, code: '34206005', display: 'Subcutaneous route' }
          : { system: SNOMED, code: '26643006', display: 'Oral route' },
      ],
    },
    doseAndRate: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/dose-rate-type', code: 'ordered' }] },
        doseQuantity: { value: s.amount, unit: s.unit, system: UCUM, code },
      },
    ],
  };
}

/** An active order on the chart (status active, intent order, authored `authoredOn`). */
export function activeOrder(id: string, p: Product, sig?: Sig, authoredOn = '2021-01-15'): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject,
    authoredOn,
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'outpatient' }] },
    ],
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: p.code, display: p.name }], text: p.name },
    requester: { reference: 'Practitioner/prescriber-1', display: 'Dr A Prescriber' },
    ...(sig && { dosageInstruction: [dosage(sig)] }),
  };
}

/** A draft order as it arrives in context.draftOrders at order-select / order-sign. */
export function draftOrder(id: string, p: Product, sig?: Sig): fhir4.MedicationRequest {
  return { ...activeOrder(id, p, sig, '2021-04-01'), status: 'draft' };
}

/** A final laboratory result with its LOINC display and a UCUM quantity. */
export function lab(
  id: string,
  loinc: string,
  display: string,
  value: number,
  unit: string,
  effective: string,
): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject,
    effectiveDateTime: effective,
    issued: effective,
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'laboratory',
            display: 'Laboratory',
          },
        ],
      },
    ],
    code: { coding: [{ system: LOINC, code: loinc, display }], text: display },
    valueQuantity: { value, unit, system: UCUM, code: unit },
  };
}

/** A vital sign (category vital-signs), as in the FHIR R4 vital signs profile. */
export function vital(
  id: string,
  loinc: string,
  display: string,
  value: number,
  unit: string,
  effective: string,
): fhir4.Observation {
  const o = lab(id, loinc, display, value, unit, effective);
  return {
    ...o,
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'vital-signs',
            display: 'Vital Signs',
          },
        ],
      },
    ],
  };
}

export const creatinine = (id: string, mgDl: number, effective: string): fhir4.Observation =>
  lab(id, '2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', mgDl, 'mg/dL', effective);
export const egfr = (id: string, value: number, effective: string): fhir4.Observation =>
  lab(
    id,
    '98979-8',
    'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)',
    value,
    'mL/min/{1.73_m2}',
    effective,
  );
export const weight = (id: string, kg: number, effective: string): fhir4.Observation =>
  vital(id, '29463-7', 'Body weight', kg, 'kg', effective);

/** A problem-list condition, clinically active and confirmed. */
export function problem(id: string, snomed: string, display: string, onset = '2019-05-01'): fhir4.Condition {
  return {
    resourceType: 'Condition',
    id,
    subject,
    onsetDateTime: onset,
    recordedDate: onset,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
    },
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] },
    ],
    code: { coding: [{ system: SNOMED, code: snomed, display }], text: display },
  };
}

/** A confirmed, active medication allergy with one reaction. */
export function allergy(
  id: string,
  coding: fhir4.Coding,
  reaction: { snomed: string; display: string; severity: 'mild' | 'moderate' | 'severe' },
): fhir4.AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    patient: subject,
    recordedDate: '2015-06-01',
    category: ['medication'],
    type: 'allergy',
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
    },
    code: { coding: [coding], text: coding.display ?? '' },
    reaction: [
      {
        manifestation: [{ coding: [{ system: SNOMED, code: reaction.snomed, display: reaction.display }] }],
        severity: reaction.severity,
      },
    ],
  };
}
