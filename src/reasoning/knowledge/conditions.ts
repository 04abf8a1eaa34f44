/**
 * Condition code sets for scores and rules: one mechanism for every condition a rule reads. Identity is system + code.
 *
 * Without a terminology server we cannot expand SNOMED CT subsumption, so each set lists its descendants explicitly,
 * from a published value set where one exists (condition-value-sets.ts: VSAC Asthma, Heart Failure; VSAC/Joint
 * Commission "Atrial Fibrillation/Flutter" 2.16.840.1.113883.3.117.1.7.1.202; VSAC End Stage Renal Disease, CKD
 * Stage 5), otherwise codes checked in DICOM CID 3756 and Synthea's own coding. A record coded with an unlisted
 * descendant is not recognised: the score then under-counts, and says "not recorded" for that item.
 * ICD-10-CM is matched by code prefix (e.g. "I48" matches I48.0–I48.91), which covers its hierarchy.
 */
import type { ConditionFact } from '../facts';
import type { Citations } from '../types';
import { ICD10CM, SNOMED } from '@fhir/codings';
import { HEART_FAILURE_SNOMED, VSAC_CITATION } from './condition-value-sets';

export interface ConditionSet {
  id: string;
  name: string;
  snomed: Readonly<Record<string, string>>;
  /** ICD-10-CM code prefixes, written with the dot where ICD-10-CM has one (a dotless code also matches). */
  icd10Prefixes: readonly string[];
}

export const CONDITION_SET_CITATIONS: Citations = [
  { title: 'SNOMED CT International Edition (SNOMED International)', url: 'https://www.snomed.org', year: 2024 },
  {
    title: 'ICD-10-CM (CDC National Center for Health Statistics)',
    url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/',
    year: 2024,
  },
  {
    title: 'VSAC value set Atrial Fibrillation/Flutter (2.16.840.1.113883.3.117.1.7.1.202)',
    url: 'https://vsac.nlm.nih.gov',
    year: 2020,
  },
  VSAC_CITATION,
  {
    title:
      'VSAC value sets End Stage Renal Disease (2.16.840.1.113883.3.526.3.353) and Chronic Kidney Disease, Stage 5 (2.16.840.1.113883.3.526.3.1002), versions 20200307',
    url: 'https://vsac.nlm.nih.gov',
    year: 2020,
  },
];

export const ATRIAL_FIBRILLATION: ConditionSet = {
  id: 'atrial-fibrillation',
  name: 'Atrial fibrillation',
  snomed: {
    '49436004': 'Atrial fibrillation',
    '282825002': 'Paroxysmal atrial fibrillation',
    '440059007': 'Persistent atrial fibrillation',
    '440028005': 'Permanent atrial fibrillation',
    '426749004': 'Chronic atrial fibrillation',
    '120041000119109': 'Atrial fibrillation with rapid ventricular response',
  },
  icd10Prefixes: ['I48.0', 'I48.1', 'I48.2', 'I48.91'],
};

export const HEART_FAILURE: ConditionSet = {
  id: 'heart-failure',
  name: 'Congestive heart failure',
  snomed: HEART_FAILURE_SNOMED,
  icd10Prefixes: ['I50', 'I11.0', 'I13.0', 'I13.2'],
};

export const HYPERTENSION: ConditionSet = {
  id: 'hypertension',
  name: 'Hypertension',
  snomed: { '38341003': 'Hypertensive disorder, systemic arterial', '59621000': 'Essential hypertension' },
  icd10Prefixes: ['I10', 'I11', 'I12', 'I13', 'I15', 'I16'],
};

export const DIABETES: ConditionSet = {
  id: 'diabetes',
  name: 'Diabetes mellitus',
  snomed: {
    '73211009': 'Diabetes mellitus',
    '44054006': 'Type 2 diabetes mellitus',
    '46635009': 'Type 1 diabetes mellitus',
    '127013003': 'Diabetic renal disease',
    '422034002': 'Diabetic retinopathy associated with type II diabetes mellitus',
    '368581000119106': 'Neuropathy due to type 2 diabetes mellitus',
    '90781000119102': 'Microalbuminuria due to type 2 diabetes mellitus',
    '1551000119108': 'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus',
  },
  icd10Prefixes: ['E08', 'E09', 'E10', 'E11', 'E13'],
};

/** Stroke, TIA or systemic thromboembolism (CHA2DS2-VASc "S2"). G45.4 (transient global amnesia) is not a TIA. */
export const STROKE_TIA_THROMBOEMBOLISM: ConditionSet = {
  id: 'stroke-tia-thromboembolism',
  name: 'Stroke, TIA or thromboembolism',
  snomed: {
    '230690007': 'Cerebrovascular accident',
    '422504002': 'Ischemic stroke',
    '266257000': 'Transient ischemic attack',
    '161511000': 'History of transient ischemic attack',
  },
  icd10Prefixes: ['I63', 'I69.3', 'G45.0', 'G45.1', 'G45.2', 'G45.8', 'G45.9', 'I74', 'Z86.73'],
};

/** Prior myocardial infarction, peripheral artery disease or aortic plaque (Lip 2010 "V"). */
export const VASCULAR_DISEASE: ConditionSet = {
  id: 'vascular-disease',
  name: 'Vascular disease (prior MI, PAD, aortic plaque)',
  snomed: {
    '22298006': 'Myocardial infarction',
    '399211009': 'History of myocardial infarction',
    '399957001': 'Peripheral arterial occlusive disease',
    '400047006': 'Peripheral vascular disease',
  },
  icd10Prefixes: ['I21', 'I22', 'I25.2', 'I70.0', 'I70.2', 'I73.9'],
};

/**
 * On kidney replacement therapy: end-stage kidney disease (VSAC End Stage Renal Disease, less "with renal transplant"
 * and "untreated by renal replacement therapy") or ICD-10-CM Z99.2 "Dependence on renal dialysis". Creatinine in
 * these patients swings with each dialysis session; the KDIGO AKI creatinine criteria do not apply.
 */
export const KIDNEY_REPLACEMENT: ConditionSet = {
  id: 'kidney-replacement',
  name: 'End-stage kidney disease on dialysis',
  snomed: { '46177005': 'End-stage renal disease', '236435004': 'End stage renal failure on dialysis' },
  icd10Prefixes: ['N18.6', 'Z99.2'],
};

/** CKD stage 5 not (known to be) on dialysis: VSAC Chronic Kidney Disease, Stage 5, plus ESRD untreated by RRT. */
export const CKD_STAGE_5: ConditionSet = {
  id: 'ckd-stage-5',
  name: 'Chronic kidney disease stage 5',
  snomed: {
    '433146000': 'Chronic kidney disease stage 5',
    '236434000': 'End stage renal failure untreated by renal replacement therapy',
  },
  icd10Prefixes: ['N18.5'],
};

const undot = (s: string): string => s.replace('.', '');

/** True when a condition carries a code of the set. */
export function isInSet(c: ConditionFact, set: ConditionSet): boolean {
  return c.codes.some(
    (code) =>
      (code.system === SNOMED && code.code in set.snomed) ||
      (code.system === ICD10CM && set.icd10Prefixes.some((p) => undot(code.code).startsWith(undot(p)))),
  );
}

/** The first current condition (by ref, for a stable answer) in the set, if any. */
export function findCondition(conditions: readonly ConditionFact[], set: ConditionSet): ConditionFact | undefined {
  // The matching condition with the first `ref` (a stable answer whatever order the EHR sent), in one pass: rules
  // call this several times per run, and sorting the whole list each time grew faster than the chart.
  let found: ConditionFact | undefined;
  for (const c of conditions) {
    if ((found === undefined || c.ref.localeCompare(found.ref) < 0) && isInSet(c, set)) found = c;
  }
  return found;
}
