/**
 * Hyperkalaemia thresholds (UK Kidney Association, Clinical Practice Guidelines: Treatment of Acute Hyperkalaemia in
 * Adults, 2020, updated 2023: mild 5.5–5.9, moderate 6.0–6.4, severe ≥ 6.5 mmol/L), the drugs that raise potassium
 * (same guideline's list), and the MRA initiation limit (2022 AHA/ACC/HFSA heart failure guideline: K+ < 5.0).
 */
import type { Citation, Citations, Severity } from '../types';
import type { DrugClassId } from './drugs';

const UKKA: Citation = {
  title:
    'UK Kidney Association. Clinical Practice Guidelines: Treatment of Acute Hyperkalaemia in Adults (2020, updated October 2023)',
  url: 'https://ukkidney.org',
  year: 2023,
};
const KCL_LABEL: Citation = {
  title:
    'Potassium chloride extended-release tablets US prescribing information (DailyMed), section 4 Contraindications (hyperkalaemia: a further rise can cause cardiac arrest)',
  url: 'https://dailymed.nlm.nih.gov',
  year: 2023,
};
const HF_2022: Citation = {
  title:
    '2022 AHA/ACC/HFSA Guideline for the Management of Heart Failure (MRA: recommended when eGFR > 30 and potassium < 5.0 mEq/L). Circulation 2022;145:e895-e1032',
  url: 'https://doi.org/10.1161/CIR.0000000000001063',
  year: 2022,
};

export interface PotassiumLevel {
  id: string;
  name: string;
  /** Lowest potassium (mmol/L) of the level. */
  from: number;
  severity: { alone: Severity; withRaisingDrug: Severity };
  /** What to do, one plain-text line: the finding's action. */
  action: string;
}

/** Most severe first. */
export const POTASSIUM_LEVELS: readonly PotassiumLevel[] = [
  {
    id: 'hyperkalemia-severe',
    name: 'severe hyperkalaemia',
    from: 6.5,
    severity: { alone: 'critical', withRaisingDrug: 'critical' },
    action:
      'Severe hyperkalaemia needs emergency assessment: ECG, repeat sample, and treatment per the UKKA algorithm.',
  },
  {
    id: 'hyperkalemia-moderate',
    name: 'moderate hyperkalaemia',
    from: 6.0,
    severity: { alone: 'warning', withRaisingDrug: 'warning' },
    action: 'Moderate hyperkalaemia: ECG and urgent review; review potassium-raising drugs.',
  },
  {
    id: 'hyperkalemia-mild',
    name: 'mild hyperkalaemia',
    from: 5.5,
    severity: { alone: 'info', withRaisingDrug: 'warning' },
    action:
      'Mild hyperkalaemia: repeat the test (exclude haemolysis), look for the cause, review potassium-raising drugs.',
  },
];

export const HYPERKALEMIA = {
  /** A severe value older than this is shown as a warning, not critical: it has very likely been acted on. */
  criticalWithinDays: 3,
  /**
   * A new potassium supplement order at or above this level is critical: the labels contraindicate potassium in
   * hyperkalaemia. Below it (mild, 5.5–5.9) it stays a warning, since a haemolysed sample is common.
   */
  supplementCriticalFrom: 6.0,
  raisingClasses: [
    'ace-inhibitor',
    'arb',
    'potassium-sparing-diuretic',
    'aldosterone-antagonist',
    'potassium-supplement',
    'heparin',
    'nsaid',
    'folate-antagonist-antibiotic',
  ] as const satisfies readonly DrugClassId[],
  citations: [UKKA, KCL_LABEL] satisfies Citations,
  limitations: [
    'Haemolysed or delayed samples raise potassium falsely; the record rarely says which sample was haemolysed.',
    'ECG changes, the rate of rise and acid–base status, which decide urgency, are not read.',
    'Drugs outside our class table (e.g. calcineurin inhibitors, non-selective beta blockers) are not listed.',
  ],
};

/** A draft MRA when potassium is already ≥ 5.0 mmol/L or eGFR ≤ 30 (2022 AHA/ACC/HFSA: start only if eGFR > 30 and K < 5.0). */
export const MRA_DRAFT = {
  id: 'hyperkalemia-mra-draft',
  fromPotassium: 5.0,
  /** eGFR must be above this (mL/min/1.73 m²) to start an MRA. */
  maxEgfrExclusive: 30,
  classes: ['aldosterone-antagonist'] as const satisfies readonly DrugClassId[],
  citations: [HF_2022, UKKA] satisfies Citations,
  limitations: [
    'The guideline thresholds are for heart failure; for other indications (resistant hypertension, ascites) labels and specialists may accept other values.',
    'The eplerenone label adds its own limits (contraindicated at potassium > 5.5 or CrCl ≤ 30 mL/min); they are covered by the thresholds here.',
  ],
};
