/**
 * What the demo EHR lets a clinician add to the chart: allergies (RxNorm ingredients, one RxNorm multi-ingredient
 * allergen and one SNOMED CT substance) and problems (SNOMED CT). Every code is one the engine's knowledge tables
 * already carry with a named source — src/reasoning/knowledge/drugs/ingredients.ts and allergens.ts, and the
 * condition sets of drug-disease.ts — and a test checks it stays so.
 */
import { RXNORM, SNOMED } from '@fhir/codings';
import { DEMO_USER } from './demo-user';

export interface ChartChoice {
  system: typeof RXNORM | typeof SNOMED;
  code: string;
  display: string;
}

export const ALLERGY_CHOICES: readonly ChartChoice[] = [
  { system: SNOMED, code: '764146007', display: 'Penicillin (class)' },
  { system: RXNORM, code: '723', display: 'amoxicillin' },
  { system: RXNORM, code: '10831', display: 'sulfamethoxazole / trimethoprim (sulfonamide antibiotic)' },
  { system: RXNORM, code: '5640', display: 'ibuprofen (NSAID)' },
  { system: RXNORM, code: '1191', display: 'aspirin' },
  { system: RXNORM, code: '2670', display: 'codeine (opioid)' },
  { system: RXNORM, code: '29046', display: 'lisinopril' },
  { system: RXNORM, code: '6809', display: 'metformin' },
  { system: RXNORM, code: '11289', display: 'warfarin' },
  { system: RXNORM, code: '9997', display: 'spironolactone' },
];

export const PROBLEM_CHOICES: readonly ChartChoice[] = [
  { system: SNOMED, code: '84114007', display: 'Heart failure' },
  { system: SNOMED, code: '195967001', display: 'Asthma' },
  { system: SNOMED, code: '77386006', display: 'Pregnancy' },
];

/**
 * Reaction manifestations offered. Only anaphylaxis is coded (SNOMED CT 39579001, cited in allergens.ts; the engine
 * treats it as severe); the others are text, as many EHR allergy lists record them, and no code is guessed for them.
 */
export const REACTION_CHOICES: readonly { display: string; code?: string }[] = [
  { display: 'Anaphylaxis', code: '39579001' },
  { display: 'Hives' },
  { display: 'Rash' },
  { display: 'Nausea' },
];

export type Criticality = 'low' | 'high' | 'unable-to-assess';

export interface NewAllergy {
  substance: ChartChoice;
  criticality?: Criticality;
  reaction?: (typeof REACTION_CHOICES)[number];
}

const coded = (c: ChartChoice): fhir4.CodeableConcept => ({
  coding: [{ system: c.system, code: c.code, display: c.display }],
  text: c.display,
});

const manifestation = (r: NonNullable<NewAllergy['reaction']>): fhir4.CodeableConcept =>
  r.code ? coded({ system: SNOMED, code: r.code, display: r.display }) : { text: r.display };

/**
 * The AllergyIntolerance being recorded (hook allergyintolerance-create: "the allergy being created"); a drug
 * substance is category medication. The id is the EHR's own draft id, so cards can point at it.
 */
export function newAllergy(
  entry: NewAllergy,
  patientId: string,
  id: string,
  recorded: string,
): fhir4.AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
    },
    type: 'allergy',
    category: ['medication'],
    ...(entry.criticality && { criticality: entry.criticality }),
    code: coded(entry.substance),
    patient: { reference: `Patient/${patientId}` },
    recordedDate: recorded,
    recorder: { reference: DEMO_USER },
    ...(entry.reaction && { reaction: [{ manifestation: [manifestation(entry.reaction)] }] }),
  };
}

/** The Condition being added (hook problem-list-item-create: category problem-list-item, active, confirmed). */
export function newProblem(problem: ChartChoice, patientId: string, id: string, recorded: string): fhir4.Condition {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
    },
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }],
      },
    ],
    code: coded(problem),
    subject: { reference: `Patient/${patientId}` },
    onsetDateTime: recorded,
    recordedDate: recorded,
    recorder: { reference: DEMO_USER },
  };
}
