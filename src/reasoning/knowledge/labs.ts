/**
 * Analytes the engine reasons on: LOINC codes per analyte, the canonical unit, and unit conversions.
 *
 * Unit handling decision (issue 3): we do NOT ship NLM's @lhncbc/ucum-lhc. Its browser build is 292 KB minified /
 * 59 KB gzip (measured from node_modules/@lhncbc/ucum-lhc/browser-dist), more than the SMART app's whole 45 KB gzip
 * initial budget, and we need fewer than 30 conversions — all linear, all listed below with their source. A small
 * explicit table is auditable by clinicians; an unknown unit is skipped with its reason rather than guessed.
 *
 * Codes: vital signs from the FHIR R4 Vital Signs profile (hl7.org/fhir/R4/observation-vitalsigns.html); eGFR codes
 * cross-checked with DICOM CID 10046 and public OMOP phenotype tables (LOINC names quoted there); other lab codes
 * are the LOINC codes used by Synthea and US Core examples.
 */
import type { Citations } from '../types';

export interface UnitConversion {
  /** UCUM codes or common unit strings accepted for this factor (compared after trimming, case-sensitive first). */
  units: readonly string[];
  /** canonical = value * factor + offset. */
  factor: number;
  offset?: number;
}

export interface Analyte {
  key: string;
  name: string;
  loinc: readonly string[];
  /** Canonical UCUM unit; values are converted into it. */
  unit: string;
  conversions: readonly UnitConversion[];
  /** Values outside are physiologically impossible: skipped as unparseable rather than reasoned on. */
  plausible: readonly [number, number];
}

const same = (units: readonly string[]): UnitConversion => ({ units, factor: 1 });

export const LAB_CITATIONS: Citations = [
  {
    title: 'LOINC — Logical Observation Identifiers Names and Codes (Regenstrief Institute)',
    url: 'https://loinc.org',
    year: 2024,
  },
  { title: 'HL7 FHIR R4 Vital Signs profile', url: 'https://hl7.org/fhir/R4/observation-vitalsigns.html', year: 2019 },
  { title: 'The Unified Code for Units of Measure (UCUM)', url: 'https://ucum.org/ucum', year: 2017 },
];

export const ANALYTES: readonly Analyte[] = [
  {
    key: 'creatinine',
    name: 'Creatinine',
    loinc: ['2160-0', '38483-4', '14682-9', '59826-8'],
    unit: 'mg/dL',
    // Creatinine 113.12 g/mol: 1 mg/dL = 88.4 µmol/L (KDIGO 2012 CKD guideline, unit conversion table).
    conversions: [
      same(['mg/dL']),
      { units: ['umol/L', 'µmol/L', 'μmol/L'], factor: 1 / 88.4 },
      { units: ['mmol/L'], factor: 1000 / 88.4 },
    ],
    plausible: [0.05, 40],
  },
  {
    key: 'potassium',
    name: 'Potassium',
    loinc: ['2823-3', '6298-4'],
    unit: 'mmol/L',
    // Monovalent ion: 1 mEq/L = 1 mmol/L.
    conversions: [same(['mmol/L', 'mEq/L', 'meq/L', 'mmol/l'])],
    plausible: [1, 12],
  },
  {
    key: 'sodium',
    name: 'Sodium',
    loinc: ['2951-2', '2947-0'],
    unit: 'mmol/L',
    conversions: [same(['mmol/L', 'mEq/L', 'meq/L', 'mmol/l'])],
    plausible: [90, 200],
  },
  {
    key: 'egfr',
    name: 'eGFR',
    unit: 'mL/min/{1.73_m2}',
    // Every eGFR term a laboratory may send; how each is weighed is in EGFR_EQUATIONS below.
    loinc: [
      '98979-8',
      '98980-6',
      '50210-4',
      '33914-3',
      '77147-7',
      '48642-3',
      '48643-1',
      '50044-7',
      '70969-1',
      '62238-1',
      '88293-6',
      '88294-4',
      '94677-2',
      '69405-9',
    ],
    // These LOINC terms are defined per 1.73 m²; Synthea labels some 33914-3 values "mL/min", which we accept as the
    // same quantity because the code, not the unit label, defines the normalization.
    conversions: [same(['mL/min/{1.73_m2}', 'mL/min/1.73m2', 'mL/min/1.73_m2', 'mL/min/1.73 m2', 'mL/min'])],
    plausible: [0, 250],
  },
  {
    key: 'inr',
    name: 'INR',
    loinc: ['6301-6', '34714-6'],
    unit: '{INR}',
    conversions: [same(['{INR}', '{ratio}', '1', '', 'INR', 'ratio'])],
    plausible: [0.5, 20],
  },
  {
    key: 'respiratory-rate',
    name: 'Respiratory rate',
    loinc: ['9279-1'],
    unit: '/min',
    conversions: [same(['/min', '{breaths}/min', 'breaths/min'])],
    plausible: [1, 80],
  },
  {
    key: 'spo2',
    name: 'Oxygen saturation',
    loinc: ['59408-5', '2708-6'],
    unit: '%',
    conversions: [same(['%'])],
    plausible: [30, 100],
  },
  {
    key: 'systolic-bp',
    name: 'Systolic blood pressure',
    loinc: ['8480-6'],
    unit: 'mm[Hg]',
    conversions: [same(['mm[Hg]', 'mmHg'])],
    plausible: [40, 300],
  },
  {
    key: 'diastolic-bp',
    name: 'Diastolic blood pressure',
    loinc: ['8462-4'],
    unit: 'mm[Hg]',
    conversions: [same(['mm[Hg]', 'mmHg'])],
    plausible: [10, 200],
  },
  {
    key: 'heart-rate',
    name: 'Heart rate',
    loinc: ['8867-4'],
    unit: '/min',
    conversions: [same(['/min', '{beats}/min', 'beats/min'])],
    plausible: [10, 300],
  },
  {
    key: 'body-temperature',
    name: 'Body temperature',
    loinc: ['8310-5', '8331-1'],
    unit: 'Cel',
    conversions: [
      same(['Cel', 'degC', '°C']),
      { units: ['[degF]', 'degF', '°F'], factor: 5 / 9, offset: (-32 * 5) / 9 },
    ],
    plausible: [25, 45],
  },
  {
    key: 'body-weight',
    name: 'Body weight',
    loinc: ['29463-7', '3141-9'],
    unit: 'kg',
    conversions: [
      same(['kg']),
      { units: ['g'], factor: 0.001 },
      { units: ['[lb_av]', 'lb', 'lbs'], factor: 0.45359237 },
    ],
    plausible: [0.3, 400],
  },
  {
    key: 'body-height',
    name: 'Body height',
    loinc: ['8302-2'],
    unit: 'cm',
    conversions: [same(['cm']), { units: ['m'], factor: 100 }, { units: ['[in_i]', 'in'], factor: 2.54 }],
    plausible: [20, 260],
  },
  // LVEF (LOINC 10230-1, as Synthea and US Core echo results carry it): decides HF with reduced EF (≤ 40 %).
  {
    key: 'lvef',
    name: 'Left ventricular ejection fraction',
    loinc: ['10230-1'],
    unit: '%',
    conversions: [same(['%'])],
    plausible: [5, 90],
  },
  {
    key: 'hemoglobin',
    name: 'Hemoglobin',
    loinc: ['718-7'],
    unit: 'g/dL',
    conversions: [same(['g/dL']), { units: ['g/L'], factor: 0.1 }],
    plausible: [1, 25],
  },
  {
    key: 'platelets',
    name: 'Platelets',
    loinc: ['777-3', '26515-7'],
    unit: '10*3/uL',
    conversions: [same(['10*3/uL', '10*9/L', 'K/uL', '10^3/uL', 'x10E3/uL']), { units: ['/uL'], factor: 0.001 }],
    plausible: [1, 3000],
  },
  {
    // HL7 PDDI-CDS value set "magnesium-LOINC" (19123-9 mass/volume, 2601-3 moles/volume). Mg 24.305 g/mol:
    // 1 mmol/L = 2.43 mg/dL; divalent, so 1 mEq/L = 0.5 mmol/L = 1.215 mg/dL.
    key: 'magnesium',
    name: 'Magnesium',
    loinc: ['19123-9', '2601-3'],
    unit: 'mg/dL',
    conversions: [
      same(['mg/dL']),
      { units: ['mmol/L', 'mmol/l'], factor: 2.431 },
      { units: ['mEq/L', 'meq/L'], factor: 1.2155 },
    ],
    plausible: [0.2, 10],
  },
  {
    // LOINC 8636-3 "QT interval corrected" (short name "Q-T interval corrected"), as ECG-to-FHIR converters and a
    // published FHIR Questionnaire code it, next to 8634-8 "QT interval" (uncorrected, not used: it is not rate-corrected).
    key: 'qtc',
    name: 'QTc interval',
    loinc: ['8636-3'],
    unit: 'ms',
    conversions: [same(['ms', 'msec']), { units: ['s'], factor: 1000 }],
    plausible: [200, 800],
  },
];

/**
 * How a laboratory-reported eGFR was calculated, from its LOINC term (names as in LOINC and DICOM CID 10046).
 * - `race-free`: CKD-EPI 2021 creatinine (98979-8) or creatinine–cystatin C (98980-6), cystatin C-based (50210-4) —
 *   the equations the NKF/ASN Task Force recommends (Delgado et al. 2021);
 * - `race-black`: the value "among blacks" (MDRD 48643-1, CKD-EPI 2009 88293-6), i.e. the equation's value times
 *   its race coefficient (MDRD × 1.212, Levey 2006; CKD-EPI 2009 × 1.159, Levey 2009). It reads higher than the
 *   patient's kidney function without that coefficient, so it must never soften a dose or contraindication check;
 * - `legacy`: MDRD or CKD-EPI 2009 without the race multiplier, or an unnamed method (69405-9).
 */
export type EgfrEquation = 'race-free' | 'race-black' | 'legacy';

export const EGFR_EQUATIONS: Readonly<Record<string, { equation: EgfrEquation; raceCoefficient?: number }>> = {
  '98979-8': { equation: 'race-free' },
  '98980-6': { equation: 'race-free' },
  '50210-4': { equation: 'race-free' },
  '48643-1': { equation: 'race-black', raceCoefficient: 1.212 },
  '88293-6': { equation: 'race-black', raceCoefficient: 1.159 },
  '33914-3': { equation: 'legacy' },
  '77147-7': { equation: 'legacy' },
  '48642-3': { equation: 'legacy' },
  '50044-7': { equation: 'legacy' },
  '70969-1': { equation: 'legacy' },
  '62238-1': { equation: 'legacy' },
  '88294-4': { equation: 'legacy' },
  '94677-2': { equation: 'legacy' },
  '69405-9': { equation: 'legacy' },
};

export const EGFR_EQUATION_CITATIONS: Citations = [
  {
    title:
      'Delgado C, et al. A Unifying Approach for GFR Estimation: Recommendations of the NKF-ASN Task Force on Reassessing the Inclusion of Race in Diagnosing Kidney Disease. Am J Kidney Dis 2022;79(2):268-88',
    url: 'https://doi.org/10.1053/j.ajkd.2021.08.003',
    year: 2021,
  },
  {
    title:
      'Levey AS, et al. Using standardized serum creatinine values in the MDRD study equation for estimating GFR. Ann Intern Med 2006;145:247-54 (race coefficient 1.212)',
    url: 'https://doi.org/10.7326/0003-4819-145-4-200608150-00004',
    year: 2006,
  },
  {
    title:
      'Levey AS, et al. A new equation to estimate glomerular filtration rate (CKD-EPI). Ann Intern Med 2009;150:604-12 (race coefficient 1.159)',
    url: 'https://doi.org/10.7326/0003-4819-150-9-200905050-00006',
    year: 2009,
  },
];

/** Blood pressure panels whose components carry systolic (8480-6) and diastolic (8462-4) values. */
export const BP_PANEL_LOINC: readonly string[] = ['55284-4', '85354-9'];

const BY_LOINC = new Map<string, Analyte>(ANALYTES.flatMap((a) => a.loinc.map((c) => [c, a] as const)));

/** The analyte a LOINC code measures, if the engine uses it. */
export function analyteForLoinc(code: string): Analyte | undefined {
  return BY_LOINC.get(code);
}

/** Converts a value to the analyte's canonical unit; undefined when the unit is not one we know for it. */
export function toCanonical(analyte: Analyte, value: number, unit: string): number | undefined {
  const u = unit.trim();
  const conv =
    analyte.conversions.find((c) => c.units.includes(u)) ??
    analyte.conversions.find((c) => c.units.some((x) => x.toLowerCase() === u.toLowerCase()));
  return conv ? value * conv.factor + (conv.offset ?? 0) : undefined;
}
