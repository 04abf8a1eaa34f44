/**
 * One or more cases per rule family (src/reasoning/registry.ts), each a small chart and draft orders as an EHR sends
 * them (ehr.ts): real RxNorm product codes (knowledge/drugs/products.ts, with the source of each code), LOINC codes with
 * UCUM units, coded statuses. Each case names the finding a clinician expects and its severity, from the source the
 * knowledge entry cites; the same table runs through runEngine (fhir-cases.test.ts) and through the HTTP service
 * (test/hooks-service/hooks-by-family.int.test.ts), so a defect in normalising what EHRs send cannot hide behind a
 * hand-built fact.
 */
import type { Severity } from '@reasoning/types';
import {
  activeOrder,
  allergy,
  creatinine,
  draftOrder,
  egfr,
  lab,
  patient,
  problem,
  vital,
  weight,
  type Product,
} from './ehr';

/** RxNorm SCD/SBD products with RxNorm's names (codes and their sources: knowledge/drugs/products.ts and generated/). */
export const P = {
  warfarin5: { code: '855332', name: 'warfarin sodium 5 MG Oral Tablet' },
  apixaban5: { code: '1364445', name: 'apixaban 5 MG Oral Tablet' },
  apixaban2_5: { code: '1364435', name: 'apixaban 2.5 MG Oral Tablet' },
  phenelzine15: { code: '312347', name: 'phenelzine 15 MG Oral Tablet' },
  sertraline50: { code: '312941', name: 'sertraline 50 MG Oral Tablet' },
  tramadol50: { code: '835603', name: 'tramadol hydrochloride 50 MG Oral Tablet' },
  citalopram20: { code: '200371', name: 'citalopram 20 MG Oral Tablet' },
  levofloxacin500: { code: '199885', name: 'levofloxacin 500 MG Oral Tablet' },
  amoxicillin500: { code: '308191', name: 'amoxicillin 500 MG Oral Capsule' },
  cefazolin1g: { code: '1665050', name: 'cefazolin 1000 MG Injection' },
  gabapentin300: { code: '310431', name: 'gabapentin 300 MG Oral Capsule' },
  pregabalin75: { code: '483450', name: 'pregabalin 75 MG Oral Capsule' },
  metformin500: { code: '861007', name: 'metformin hydrochloride 500 MG Oral Tablet' },
  lisinopril10: { code: '314076', name: 'lisinopril 10 MG Oral Tablet' },
  spironolactone25: { code: '313096', name: 'spironolactone 25 MG Oral Tablet' },
  ibuprofen400: { code: '197805', name: 'ibuprofen 400 MG Oral Tablet' },
  sotalol80: { code: '1923426', name: 'sotalol hydrochloride 80 MG Oral Tablet' },
  methotrexate2_5: { code: '105585', name: 'methotrexate 2.5 MG Oral Tablet' },
  oxycodoneApap: { code: '1049221', name: 'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet' },
  methadone10: { code: '864706', name: 'methadone hydrochloride 10 MG Oral Tablet' },
  dabigatran150: { code: '1037045', name: 'dabigatran etexilate 150 MG Oral Capsule' },
  pradaxa75: { code: '1037181', name: 'dabigatran etexilate 75 MG Oral Capsule [Pradaxa]' },
  enoxaparin30: { code: '854228', name: '0.3 ML enoxaparin sodium 100 MG/ML Prefilled Syringe' },
  enoxaparin40: { code: '854235', name: '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe' },
  enoxaparin80: { code: '854241', name: '0.8 ML enoxaparin sodium 100 MG/ML Prefilled Syringe' },
  oxycodone5: { code: '1049621', name: 'oxycodone hydrochloride 5 MG Oral Tablet' },
  lorazepam1: { code: '197901', name: 'lorazepam 1 MG Oral Tablet' },
  rifampin300: { code: '198202', name: 'rifampin 300 MG Oral Capsule' },
  simvastatin40: { code: '198211', name: 'simvastatin 40 MG Oral Tablet' },
  clarithromycin500: { code: '197517', name: 'clarithromycin 500 MG Oral Tablet' },
  furosemide40: { code: '313988', name: 'furosemide 40 MG Oral Tablet' },
  eliquis5: { code: '1364447', name: 'apixaban 5 MG Oral Tablet [Eliquis]' },
  dexmethylphenidate10: { code: '899548', name: 'dexmethylphenidate hydrochloride 10 MG Oral Tablet' },
  tybost150: { code: '1551999', name: 'cobicistat 150 MG Oral Tablet [Tybost]' },
} as const satisfies Record<string, Product>;

export interface Expected {
  ruleId: string;
  severity: Severity;
  /** Part of the summary a clinician must read on the card. */
  summary: RegExp;
}

export interface FhirCase {
  name: string;
  /** Rule family (registry id) the case is about. */
  family: string;
  hook: 'order-sign' | 'patient-view';
  patient: fhir4.Patient;
  chart: fhir4.Resource[];
  drafts?: fhir4.MedicationRequest[];
  /** The finding expected; `absent` lists rule ids that must not fire (a calibrated non-card). */
  expect?: Expected;
  absent?: readonly string[];
  /** Orders carry no code: the finding's inputs must say the drug was identified from its name. */
  namesOnly?: boolean;
}

const man70 = patient('1950-06-01', 'male');
const woman71 = patient('1950-01-10', 'female');
const AF = problem('af', '49436004', 'Atrial fibrillation');
const tid = (n: number, unit: 'tablet' | 'capsule', what: string) => ({
  amount: n,
  unit,
  perDay: 3,
  text: `${n} ${unit} ${what} by mouth three times daily`,
});
const bid = (n: number, unit: 'tablet' | 'capsule', what: string) => ({
  amount: n,
  unit,
  perDay: 2,
  text: `${n} ${unit} ${what} by mouth twice daily`,
});
const daily = (n: number, unit: 'tablet' | 'capsule', what: string) => ({
  amount: n,
  unit,
  perDay: 1,
  text: `${n} ${unit} ${what} by mouth once daily`,
});
/** Creatinine 2.7 mg/dL and 70 kg in a 70-year-old man: Cockcroft–Gault CrCl = (140 − 70) × 70 / (72 × 2.7) ≈ 25 mL/min. */
const crcl25 = [weight('wt', 70, '2021-03-20T08:00:00Z'), creatinine('scr', 2.7, '2021-03-28T07:30:00Z')];
const enoxaparin = (mg: number, perDay: 1 | 2) => ({
  amount: mg,
  unit: 'mg' as const,
  perDay,
  subcutaneous: true,
  text: `${mg} mg subcutaneously ${perDay === 1 ? 'once daily' : 'every 12 hours'}`,
});
const potassium = (v: number) =>
  lab('k', '2823-3', 'Potassium [Moles/volume] in Serum or Plasma', v, 'mmol/L', '2021-03-31T07:00:00Z');

export const CASES: readonly FhirCase[] = [
  // drug-interactions: ONC high-priority (Phansalkar 2012), QT (CredibleMeds + Drew 2010)
  {
    name: 'phenelzine on the chart, sertraline ordered: MAOI + SSRI is contraindicated → critical',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [activeOrder('mr-phenelzine', P.phenelzine15, tid(1, 'tablet', '15 mg'))],
    drafts: [draftOrder('d-sertraline', P.sertraline50, daily(1, 'tablet', '50 mg'))],
    expect: { ruleId: 'ddi-maoi-ssri-snri', severity: 'critical', summary: /phenelzine|MAOI/i },
  },
  {
    name: 'citalopram on the chart, levofloxacin ordered, QTc 470 ms and normal potassium: QT pair → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [
      activeOrder('mr-citalopram', P.citalopram20, daily(1, 'tablet', '20 mg')),
      lab('qtc', '8636-3', 'QT interval corrected', 470, 'ms', '2021-03-30T10:00:00Z'),
      potassium(4.2),
    ],
    drafts: [draftOrder('d-levo', P.levofloxacin500, daily(1, 'tablet', '500 mg'))],
    expect: { ruleId: 'ddi-qt-qt', severity: 'warning', summary: /QT/ },
  },
  {
    name: 'the same QT pair with potassium 3.1 mmol/L: severity rises → critical (Drew 2010)',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [activeOrder('mr-citalopram', P.citalopram20, daily(1, 'tablet', '20 mg')), potassium(3.1)],
    drafts: [draftOrder('d-levo', P.levofloxacin500, daily(1, 'tablet', '500 mg'))],
    expect: { ruleId: 'ddi-qt-qt', severity: 'critical', summary: /QT/ },
  },
  // drug-allergy
  {
    name: 'confirmed penicillin allergy (anaphylaxis), amoxicillin ordered → critical',
    family: 'drug-allergy',
    hook: 'order-sign',
    patient: woman71,
    chart: [
      allergy(
        'al-pcn',
        { system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin (substance)' },
        { snomed: '39579001', display: 'Anaphylaxis', severity: 'severe' },
      ),
    ],
    drafts: [draftOrder('d-amox', P.amoxicillin500, tid(1, 'capsule', '500 mg'))],
    expect: {
      ruleId: 'allergy-same-drug',
      severity: 'critical',
      summary: /amoxicillin: recorded allergy to the penicillin class/,
    },
  },
  {
    name: 'penicillin allergy (rash), cefazolin ordered: dissimilar side chain, low cross-reactivity → info that the allergy was considered',
    family: 'drug-allergy',
    hook: 'order-sign',
    patient: woman71,
    chart: [
      allergy(
        'al-pcn',
        { system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin (substance)' },
        { snomed: '271807003', display: 'Eruption of skin', severity: 'mild' },
      ),
    ],
    drafts: [draftOrder('d-cefazolin', P.cefazolin1g)],
    expect: { ruleId: 'allergy-penicillin-cephalosporin', severity: 'info', summary: /cefazolin/i },
  },
  // duplicate-therapy
  {
    name: 'warfarin on the chart, apixaban ordered: two anticoagulants (not bridging) → critical',
    family: 'duplicate-therapy',
    hook: 'order-sign',
    patient: man70,
    chart: [activeOrder('mr-warfarin', P.warfarin5, daily(1, 'tablet', '5 mg'))],
    drafts: [draftOrder('d-apixaban', P.apixaban5, bid(1, 'tablet', '5 mg'))],
    expect: { ruleId: 'dup-anticoagulant', severity: 'critical', summary: /anticoagulant/i },
  },
  // renal-dosing
  {
    name: 'gabapentin 300 mg three times daily ordered at CrCl ≈ 25 mL/min: 900 mg/day above the label 700 mg/day → warning',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: crcl25,
    drafts: [draftOrder('d-gaba', P.gabapentin300, tid(1, 'capsule', '300 mg'))],
    expect: { ruleId: 'renal-gabapentin', severity: 'warning', summary: /gabapentin.*label maximum 700 mg\/day/ },
  },
  {
    name: 'gabapentin 300 mg twice daily at CrCl ≈ 25 mL/min: 600 mg/day is within the label band → no renal card',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: crcl25,
    drafts: [draftOrder('d-gaba', P.gabapentin300, bid(1, 'capsule', '300 mg'))],
    absent: ['renal-gabapentin'],
  },
  {
    name: 'pregabalin 75 mg three times daily at CrCl ≈ 25 mL/min: 225 mg/day above the label 150 mg/day → warning',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: crcl25,
    drafts: [draftOrder('d-prega', P.pregabalin75, tid(1, 'capsule', '75 mg'))],
    expect: { ruleId: 'renal-pregabalin', severity: 'warning', summary: /pregabalin.*label maximum 150 mg\/day/ },
  },
  {
    name: 'dabigatran 150 mg twice daily ordered at CrCl ≈ 25 mL/min: label dose in AF is 75 mg twice daily → warning',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: [AF, ...crcl25],
    drafts: [draftOrder('d-dabi', P.dabigatran150, bid(1, 'capsule', '150 mg'))],
    expect: { ruleId: 'renal-dabigatran', severity: 'warning', summary: /dabigatran.*75 mg twice daily/ },
  },
  {
    name: 'Pradaxa 75 mg (branded SBD code) twice daily at CrCl ≈ 25 mL/min: already the label dose → no renal card',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: [AF, ...crcl25],
    drafts: [draftOrder('d-dabi', P.pradaxa75, bid(1, 'capsule', '75 mg'))],
    absent: ['renal-dabigatran'],
  },
  {
    name: 'enoxaparin 40 mg once daily ordered at CrCl ≈ 25 mL/min: the label prophylaxis dose there is 30 mg → warning',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: crcl25,
    drafts: [draftOrder('d-enox', P.enoxaparin40, enoxaparin(40, 1))],
    expect: { ruleId: 'renal-enoxaparin', severity: 'warning', summary: /enoxaparin.*CrCl < 30/ },
  },
  {
    name: 'enoxaparin 30 mg once daily at CrCl ≈ 25 mL/min: the label renal prophylaxis dose → no renal card',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: crcl25,
    drafts: [draftOrder('d-enox', P.enoxaparin30, enoxaparin(30, 1))],
    absent: ['renal-enoxaparin'],
  },
  {
    name: 'enoxaparin 70 mg (1 mg/kg of 70 kg) once daily at CrCl ≈ 25 mL/min: the label renal treatment dose → no renal card',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: crcl25,
    drafts: [draftOrder('d-enox', P.enoxaparin80, enoxaparin(70, 1))],
    absent: ['renal-enoxaparin'],
  },
  {
    name: 'enoxaparin 70 mg every 12 hours at CrCl ≈ 25 mL/min: twice daily is not a label regimen below 30 → warning',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: man70,
    chart: crcl25,
    drafts: [draftOrder('d-enox', P.enoxaparin80, enoxaparin(70, 2))],
    expect: { ruleId: 'renal-enoxaparin', severity: 'warning', summary: /enoxaparin/ },
  },
  {
    name: 'metformin ordered with a lab-reported CKD-EPI 2021 eGFR of 25: contraindicated below 30 → warning',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: woman71,
    chart: [egfr('egfr', 25, '2021-03-28T07:30:00Z')],
    drafts: [draftOrder('d-metformin', P.metformin500, bid(1, 'tablet', '500 mg'))],
    expect: { ruleId: 'renal-metformin', severity: 'warning', summary: /metformin.*contraindicated/i },
  },
  // anticoagulation-gap
  {
    name: 'AF, hypertension and type 2 diabetes in a 70-year-old man with no anticoagulant: gap → warning at patient-view',
    family: 'anticoagulation-gap',
    hook: 'patient-view',
    patient: man70,
    chart: [
      AF,
      problem('htn', '38341003', 'Hypertensive disorder, systemic arterial'),
      problem('t2dm', '44054006', 'Type 2 diabetes mellitus'),
    ],
    expect: { ruleId: 'anticoag-gap-af', severity: 'warning', summary: /anticoagula/i },
  },
  // acute-kidney-injury
  {
    name: 'creatinine 1.0 → 3.1 mg/dL within 4 days: KDIGO AKI stage 3 → critical at patient-view',
    family: 'acute-kidney-injury',
    hook: 'patient-view',
    patient: woman71,
    chart: [creatinine('scr1', 1.0, '2021-03-28T06:00:00Z'), creatinine('scr2', 3.1, '2021-03-31T18:00:00Z')],
    expect: { ruleId: 'aki-kdigo', severity: 'critical', summary: /stage 3/i },
  },
  // hyperkalemia
  {
    name: 'potassium 6.2 mmol/L yesterday, lisinopril ordered → warning (moderate hyperkalaemia with a potassium-raising drug)',
    family: 'hyperkalemia',
    hook: 'order-sign',
    patient: woman71,
    chart: [potassium(6.2)],
    drafts: [draftOrder('d-lisinopril', P.lisinopril10, daily(1, 'tablet', '10 mg'))],
    expect: { ruleId: 'hyperkalemia-moderate', severity: 'warning', summary: /potassium|hyperkal/i },
  },
  // warfarin-monitoring
  {
    name: 'warfarin on the chart with INR 11 two days ago: critical (CHEST: INR > 10)',
    family: 'warfarin-monitoring',
    hook: 'patient-view',
    patient: man70,
    chart: [
      activeOrder('mr-warfarin', P.warfarin5, daily(1, 'tablet', '5 mg')),
      lab('inr', '6301-6', 'INR in Platelet poor plasma by Coagulation assay', 11, '{INR}', '2021-03-30T08:00:00Z'),
    ],
    expect: { ruleId: 'warfarin-inr-high', severity: 'critical', summary: /INR/ },
  },
  // drug-disease
  {
    name: 'heart failure on the problem list, ibuprofen ordered → warning (NSAID in heart failure)',
    family: 'drug-disease',
    hook: 'order-sign',
    patient: woman71,
    chart: [problem('hf', '84114007', 'Heart failure')],
    drafts: [draftOrder('d-ibu', P.ibuprofen400, tid(1, 'tablet', '400 mg'))],
    expect: { ruleId: 'dd-nsaid-heart-failure', severity: 'warning', summary: /heart failure/i },
  },
  {
    name: 'childhood asthma (a descendant of asthma in the value set), sotalol ordered: contraindicated in bronchial asthma (label) → critical',
    family: 'drug-disease',
    hook: 'order-sign',
    patient: woman71,
    chart: [problem('asthma', '233678006', 'Childhood asthma', '1962-01-01')],
    drafts: [draftOrder('d-sotalol', P.sotalol80, bid(1, 'tablet', '80 mg'))],
    expect: { ruleId: 'dd-nonselective-beta-blocker-asthma', severity: 'critical', summary: /asthma/i },
  },
  // early-warning (NEWS2, RCP 2017)
  {
    name: 'vitals 4 hours ago: RR 26, SpO2 90 %, SBP 88, HR 125, T 38.6 °C → NEWS2 ≥ 12 (red), critical at patient-view',
    family: 'early-warning',
    hook: 'patient-view',
    patient: woman71,
    chart: [
      vital('rr', '9279-1', 'Respiratory rate', 26, '/min', '2021-04-01T08:00:00Z'),
      vital(
        'spo2',
        '59408-5',
        'Oxygen saturation in Arterial blood by Pulse oximetry',
        90,
        '%',
        '2021-04-01T08:00:00Z',
      ),
      vital('sbp', '8480-6', 'Systolic blood pressure', 88, 'mm[Hg]', '2021-04-01T08:00:00Z'),
      vital('hr', '8867-4', 'Heart rate', 125, '/min', '2021-04-01T08:00:00Z'),
      vital('temp', '8310-5', 'Body temperature', 38.6, 'Cel', '2021-04-01T08:00:00Z'),
    ],
    expect: { ruleId: 'news2-emergency', severity: 'critical', summary: /NEWS2 at least 12/ },
  },
  // dose-limits
  {
    name: 'methotrexate 2.5 mg, 4 tablets once daily ordered: daily instead of weekly → critical',
    family: 'dose-limits',
    hook: 'order-sign',
    patient: woman71,
    drafts: [draftOrder('d-mtx', P.methotrexate2_5, daily(4, 'tablet', '2.5 mg'))],
    chart: [],
    expect: { ruleId: 'dose-methotrexate-weekly', severity: 'critical', summary: /methotrexate/i },
  },
  {
    name: 'methotrexate 2.5 mg, 4 tablets once weekly: the label schedule → no dose card',
    family: 'dose-limits',
    hook: 'order-sign',
    patient: woman71,
    chart: [],
    drafts: [
      draftOrder('d-mtx', P.methotrexate2_5, {
        amount: 4,
        unit: 'tablet',
        perDay: 1,
        everyDays: 7,
        text: '4 tablets (10 mg) by mouth once weekly on Mondays',
      }),
    ],
    absent: ['dose-methotrexate-weekly'],
  },
  {
    name: 'citalopram 20 mg, 2 tablets daily ordered for a 71-year-old: 40 mg/day above the 20 mg cap over 60 → warning',
    family: 'dose-limits',
    hook: 'order-sign',
    patient: woman71,
    chart: [],
    drafts: [draftOrder('d-cit', P.citalopram20, daily(2, 'tablet', '20 mg'))],
    expect: { ruleId: 'dose-citalopram-max', severity: 'warning', summary: /citalopram/i },
  },
  // opioid-mme (CDC 2022)
  {
    name: 'oxycodone/acetaminophen 5/325, 2 tablets every 6 hours ordered: 60 MME/day → info (reassess at ≥ 50)',
    family: 'opioid-mme',
    hook: 'order-sign',
    patient: woman71,
    chart: [],
    drafts: [
      draftOrder('d-percocet', P.oxycodoneApap, {
        amount: 2,
        unit: 'tablet',
        perDay: 4,
        text: '2 tablets by mouth every 6 hours',
      }),
    ],
    expect: { ruleId: 'opioid-mme-50', severity: 'info', summary: /60 MME\/day/ },
  },
  {
    name: 'methadone 10 mg three times daily ordered: 141 MME/day → warning (≥ 90)',
    family: 'opioid-mme',
    hook: 'order-sign',
    patient: woman71,
    chart: [],
    drafts: [draftOrder('d-methadone', P.methadone10, tid(1, 'tablet', '10 mg'))],
    expect: { ruleId: 'opioid-mme-90', severity: 'warning', summary: /141 MME\/day/ },
  },
  // anticoagulant-stewardship
  {
    name: 'apixaban ordered with platelets 40 × 10⁹/L yesterday → critical',
    family: 'anticoagulant-stewardship',
    hook: 'order-sign',
    patient: man70,
    chart: [
      AF,
      lab('plt', '777-3', 'Platelets [#/volume] in Blood by Automated count', 40, '10*3/uL', '2021-03-31T07:00:00Z'),
    ],
    drafts: [draftOrder('d-apixaban', P.apixaban5, bid(1, 'tablet', '5 mg'))],
    expect: { ruleId: 'anticoagulant-thrombocytopenia', severity: 'critical', summary: /platelets 40/i },
  },
  {
    name: 'apixaban 2.5 mg twice daily ordered in AF, age 70, 80 kg, creatinine 1.0: no dose-reduction criterion met → warning',
    family: 'anticoagulant-stewardship',
    hook: 'order-sign',
    patient: man70,
    chart: [AF, weight('wt', 80, '2021-03-20T08:00:00Z'), creatinine('scr', 1.0, '2021-03-28T07:30:00Z')],
    drafts: [draftOrder('d-apixaban', P.apixaban2_5, bid(1, 'tablet', '2.5 mg'))],
    expect: { ruleId: 'apixaban-underdose-af', severity: 'warning', summary: /Apixaban 2\.5 mg/ },
  },
  {
    name: 'apixaban 2.5 mg tablets, 2 tablets twice daily (5 mg per dose) in AF without reduction criteria: the label dose → no under-dosing card',
    family: 'anticoagulant-stewardship',
    hook: 'order-sign',
    patient: man70,
    chart: [AF, weight('wt', 80, '2021-03-20T08:00:00Z'), creatinine('scr', 1.0, '2021-03-28T07:30:00Z')],
    drafts: [draftOrder('d-apixaban', P.apixaban2_5, bid(2, 'tablet', '2.5 mg'))],
    absent: ['apixaban-underdose-af'],
  },
  {
    name: 'Eliquis 5 mg (branded SBD) twice daily ordered in AF for a woman aged 82 weighing 55 kg: two reduction criteria → warning, label dose 2.5 mg',
    family: 'renal-dosing',
    hook: 'order-sign',
    patient: patient('1938-06-01', 'female'),
    chart: [AF, weight('wt', 55, '2021-03-20T08:00:00Z'), creatinine('scr', 1.0, '2021-03-28T07:30:00Z')],
    drafts: [draftOrder('d-apixaban', P.eliquis5, bid(1, 'tablet', '5 mg'))],
    expect: { ruleId: 'renal-apixaban', severity: 'warning', summary: /2 of 3 dose-reduction criteria/ },
  },
  // kidney-decline (KDIGO 2024)
  {
    name: 'eGFR 62 two years ago, 40 and 39 this year: G2 → G3b with > 25 % fall → info at patient-view',
    family: 'kidney-decline',
    hook: 'patient-view',
    patient: woman71,
    chart: [
      egfr('e1', 62, '2019-03-15T08:00:00Z'),
      egfr('e2', 40, '2021-01-10T08:00:00Z'),
      egfr('e3', 39, '2021-03-20T08:00:00Z'),
    ],
    expect: { ruleId: 'kidney-decline-egfr', severity: 'info', summary: /eGFR/ },
  },
  // unidentified-medication (never silent on an order Cairn cannot identify)
  {
    name: 'a draft RxNorm code Cairn does not know, named "Compounded ointment 2%": info card, product not recognised',
    family: 'unidentified-medication',
    hook: 'order-sign',
    patient: woman71,
    chart: [],
    drafts: [draftOrder('d-unknown', { code: '999999901', name: 'Compounded ointment 2%' })],
    expect: {
      ruleId: 'unidentified-medication',
      severity: 'info',
      summary: /could not check Compounded ointment 2%: product not recognised/,
    },
  },
];

/** A draft whose product has no code in our tables: the EHR's RxNorm display is all there is (identified from the name). */
const byName = (id: string, name: string, sig: Parameters<typeof draftOrder>[2]) => ({
  ...draftOrder(id, { code: '', name }, sig),
  medicationCodeableConcept: { text: name },
});

/** More pairs within the families above: each label or guideline pair a pharmacist expects, and calibrated non-alarms. */
const MORE: readonly FhirCase[] = [
  // Class-only products (no checked ingredient CUI, so not in the names-only twins): products.ts names the sources.
  {
    name: 'phenelzine on the chart, dexmethylphenidate 10 mg ordered by its SCD code: MAOI + stimulant → critical',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [activeOrder('mr-phenelzine', P.phenelzine15, tid(1, 'tablet', '15 mg'))],
    drafts: [draftOrder('d-dexmethylphenidate', P.dexmethylphenidate10, bid(1, 'tablet', '10 mg'))],
    expect: { ruleId: 'ddi-maoi-stimulant', severity: 'critical', summary: /MAOI|phenelzine/i },
  },
  {
    name: 'simvastatin on the chart, Tybost (cobicistat) ordered by its SBD code: simvastatin + strong CYP3A4 inhibitor → critical',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: man70,
    chart: [activeOrder('mr-simvastatin', P.simvastatin40, daily(1, 'tablet', '40 mg'))],
    drafts: [draftOrder('d-tybost', P.tybost150, daily(1, 'tablet', '150 mg'))],
    expect: { ruleId: 'ddi-simvastatin-strong-cyp3a4', severity: 'critical', summary: /simvastatin/i },
  },
  {
    name: 'sertraline on the chart, tramadol ordered: serotonergic opioid with an SSRI → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [activeOrder('mr-sertraline', P.sertraline50, daily(1, 'tablet', '50 mg'))],
    drafts: [
      draftOrder('d-tramadol', P.tramadol50, {
        amount: 1,
        unit: 'tablet',
        perDay: 4,
        text: '1 tablet by mouth every 6 hours as needed',
      }),
    ],
    expect: { ruleId: 'ddi-serotonergic', severity: 'warning', summary: /tramadol/i },
  },
  {
    name: 'sertraline on the chart, sumatriptan ordered: rare serotonin syndrome (Orlova 2018) → info only',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [activeOrder('mr-sertraline', P.sertraline50, daily(1, 'tablet', '50 mg'))],
    drafts: [byName('d-suma', 'sumatriptan 50 MG Oral Tablet', daily(1, 'tablet', '50 mg'))],
    expect: { ruleId: 'ddi-serotonergic-triptan', severity: 'info', summary: /sumatriptan/i },
  },
  {
    name: 'sertraline and tramadol both on the chart for months (patient-view): a long-standing pair stays info',
    family: 'drug-interactions',
    hook: 'patient-view',
    patient: woman71,
    chart: [
      activeOrder('mr-sertraline', P.sertraline50, daily(1, 'tablet', '50 mg')),
      activeOrder('mr-tramadol', P.tramadol50, daily(1, 'tablet', '50 mg')),
    ],
    expect: { ruleId: 'ddi-serotonergic', severity: 'info', summary: /tramadol/i },
  },
  {
    name: 'oxycodone on the chart, lorazepam ordered: opioid + benzodiazepine (FDA 2016 boxed warning) → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [
      activeOrder('mr-oxy', P.oxycodone5, {
        amount: 1,
        unit: 'tablet',
        perDay: 4,
        text: '1 tablet by mouth every 6 hours as needed',
      }),
    ],
    drafts: [draftOrder('d-lorazepam', P.lorazepam1, bid(1, 'tablet', '1 mg'))],
    expect: { ruleId: 'ddi-opioid-benzodiazepine', severity: 'warning', summary: /lorazepam/i },
  },
  {
    name: 'oxycodone on the chart, gabapentin ordered: opioid + gabapentinoid (FDA 2019) → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    chart: [
      activeOrder('mr-oxy', P.oxycodone5, {
        amount: 1,
        unit: 'tablet',
        perDay: 4,
        text: '1 tablet by mouth every 6 hours as needed',
      }),
    ],
    drafts: [draftOrder('d-gaba', P.gabapentin300, tid(1, 'capsule', '300 mg'))],
    expect: { ruleId: 'ddi-opioid-gabapentinoid', severity: 'warning', summary: /gabapentin/i },
  },
  {
    name: 'apixaban on the chart, ketoconazole ordered: combined P-gp and strong CYP3A4 inhibitor → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: man70,
    chart: [AF, activeOrder('mr-apixaban', P.apixaban5, bid(1, 'tablet', '5 mg'))],
    drafts: [byName('d-keto', 'ketoconazole 200 MG Oral Tablet', daily(1, 'tablet', '200 mg'))],
    expect: { ruleId: 'ddi-doac-pgp-strong-cyp3a4-inhibitor', severity: 'warning', summary: /ketoconazole/i },
  },
  {
    name: 'apixaban on the chart, rifampin ordered: strong CYP3A4/P-gp inducer, loss of anticoagulation → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: man70,
    chart: [AF, activeOrder('mr-apixaban', P.apixaban5, bid(1, 'tablet', '5 mg'))],
    drafts: [draftOrder('d-rif', P.rifampin300, daily(2, 'capsule', '300 mg'))],
    expect: { ruleId: 'ddi-doac-inducer', severity: 'warning', summary: /rifampin/i },
  },
  {
    name: 'simvastatin 40 mg on the chart, clarithromycin ordered: contraindicated (Zocor label; ONC list) → critical',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: man70,
    chart: [activeOrder('mr-simva', P.simvastatin40, daily(1, 'tablet', '40 mg'))],
    drafts: [draftOrder('d-clari', P.clarithromycin500, bid(1, 'tablet', '500 mg'))],
    expect: { ruleId: 'ddi-simvastatin-strong-cyp3a4', severity: 'critical', summary: /clarithromycin/i },
  },
  {
    name: 'aspirin allergy (urticaria, coded with the RxNorm ingredient), ibuprofen ordered: COX-1 NSAIDs cross-react → warning',
    family: 'drug-allergy',
    hook: 'order-sign',
    patient: woman71,
    chart: [
      allergy(
        'al-asa',
        { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1191', display: 'aspirin' },
        { snomed: '126485001', display: 'Urticaria', severity: 'moderate' },
      ),
    ],
    drafts: [draftOrder('d-ibu', P.ibuprofen400, tid(1, 'tablet', '400 mg'))],
    expect: { ruleId: 'allergy-aspirin-nsaid', severity: 'warning', summary: /ibuprofen/i },
  },
  {
    name: '"Sulfa (SMX/TMP)" allergy (RxNorm 10831), furosemide ordered: non-antibiotic sulfonamide, no cross-reactivity → info that it was considered',
    family: 'drug-allergy',
    hook: 'order-sign',
    patient: woman71,
    chart: [
      allergy(
        'al-sulfa',
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '10831',
          display: 'sulfamethoxazole / trimethoprim',
        },
        { snomed: '271807003', display: 'Eruption of skin', severity: 'mild' },
      ),
    ],
    drafts: [draftOrder('d-furo', P.furosemide40, daily(1, 'tablet', '40 mg'))],
    expect: { ruleId: 'allergy-sulfonamide-nonantibiotic', severity: 'info', summary: /furosemide/i },
  },
];

/** The order with its RxNorm coding removed: only `text` (RxNorm's name, as many EHRs send for free-text or local drugs). */
function withoutCode(r: fhir4.Resource): fhir4.Resource {
  if (r.resourceType !== 'MedicationRequest') return r;
  const m = r as fhir4.MedicationRequest;
  const stripped: fhir4.MedicationRequest = {
    ...m,
    medicationCodeableConcept: { text: m.medicationCodeableConcept?.text ?? '' },
  };
  return stripped;
}

// An unidentifiable order has no name to identify it from: its names-only twin would be the same case.
const hasOrders = (c: FhirCase): boolean =>
  c.family !== 'unidentified-medication' &&
  [...c.chart, ...(c.drafts ?? [])].some((r) => r.resourceType === 'MedicationRequest');

/** The same case with every order sent by name only: the finding must be the same, and say it was identified from the name. */
export function namesOnly(c: FhirCase): FhirCase {
  return {
    ...c,
    name: `${c.name} [names only]`,
    namesOnly: true,
    chart: c.chart.map(withoutCode),
    drafts: (c.drafts ?? []).map((d) => withoutCode(d) as fhir4.MedicationRequest),
  };
}

/** Orders as a prescriber typed them (brand, abbreviations): identified from the words, never from a guessed code. */
const AS_WRITTEN: readonly FhirCase[] = [
  {
    name: '"phenelzine 15mg tab" on the chart, "SERTRALINE 50MG TAB" ordered (as typed, no code): MAOI + SSRI → critical',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    namesOnly: true,
    chart: [textOrder(activeOrder('mr-phenelzine', P.phenelzine15, tid(1, 'tablet', '15 mg')), 'phenelzine 15mg tab')],
    drafts: [textOrder(draftOrder('d-sertraline', P.sertraline50, daily(1, 'tablet', '50 mg')), 'SERTRALINE 50MG TAB')],
    expect: { ruleId: 'ddi-maoi-ssri-snri', severity: 'critical', summary: /phenelzine|MAOI/i },
  },
  {
    name: '"Coumadin 5mg" on the chart, "Eliquis 5 mg BID" ordered: two anticoagulants → critical',
    family: 'duplicate-therapy',
    hook: 'order-sign',
    patient: man70,
    namesOnly: true,
    chart: [textOrder(activeOrder('mr-warfarin', P.warfarin5, daily(1, 'tablet', '5 mg')), 'Coumadin 5mg')],
    drafts: [textOrder(draftOrder('d-apixaban', P.apixaban5, bid(1, 'tablet', '5 mg')), 'Eliquis 5 mg BID')],
    expect: { ruleId: 'dup-anticoagulant', severity: 'critical', summary: /anticoagulant/i },
  },
];

const BRANDS_AS_WRITTEN: readonly FhirCase[] = [
  {
    name: '"oxycodone 5 mg q6h prn" on the chart, "Neurontin 300mg TID" ordered (brand as text): opioid + gabapentinoid → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    namesOnly: true,
    chart: [
      textOrder(
        activeOrder('mr-oxy', P.oxycodone5, {
          amount: 1,
          unit: 'tablet',
          perDay: 4,
          text: '1 tablet by mouth every 6 hours as needed',
        }),
        'oxycodone 5 mg q6h prn',
      ),
    ],
    drafts: [textOrder(draftOrder('d-gaba', P.gabapentin300, tid(1, 'capsule', '300 mg')), 'Neurontin 300mg TID')],
    expect: { ruleId: 'ddi-opioid-gabapentinoid', severity: 'warning', summary: /gabapentin/i },
  },
  {
    name: '"Nardil 15 mg" on the chart, "Zoloft 50 mg tablet" ordered (brands as text, no code): MAOI + SSRI → critical',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    namesOnly: true,
    chart: [textOrder(activeOrder('mr-phenelzine', P.phenelzine15, tid(1, 'tablet', '15 mg')), 'Nardil 15 mg')],
    drafts: [textOrder(draftOrder('d-sertraline', P.sertraline50, daily(1, 'tablet', '50 mg')), 'Zoloft 50 mg tablet')],
    expect: { ruleId: 'ddi-maoi-ssri-snri', severity: 'critical', summary: /phenelzine|MAOI/i },
  },
  {
    name: '"Celexa 20mg" on the chart, "levofloxacin 500" ordered, QTc 470 ms and normal potassium: QT pair → warning',
    family: 'drug-interactions',
    hook: 'order-sign',
    patient: woman71,
    namesOnly: true,
    chart: [
      textOrder(activeOrder('mr-citalopram', P.citalopram20, daily(1, 'tablet', '20 mg')), 'Celexa 20mg'),
      lab('qtc', '8636-3', 'QT interval corrected', 470, 'ms', '2021-03-30T10:00:00Z'),
      potassium(4.2),
    ],
    drafts: [
      textOrder(draftOrder('d-levofloxacin', P.levofloxacin500, daily(1, 'tablet', '500 mg')), 'levofloxacin 500'),
    ],
    expect: { ruleId: 'ddi-qt-qt', severity: 'warning', summary: /QT/i },
  },
];

function textOrder(m: fhir4.MedicationRequest, text: string): fhir4.MedicationRequest {
  return { ...m, medicationCodeableConcept: { text } };
}

/** Every case: coded, the same by RxNorm name only, and orders as written. */
export const ALL_CASES: readonly FhirCase[] = [
  ...CASES,
  ...MORE,
  ...CASES.filter(hasOrders).map(namesOnly),
  ...AS_WRITTEN,
  ...BRANDS_AS_WRITTEN,
];
