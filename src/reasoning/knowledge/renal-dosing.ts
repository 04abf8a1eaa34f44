/**
 * Drugs whose label or guideline changes with kidney function. Thresholds are the label's own numbers and measure
 * (eGFR or Cockcroft–Gault CrCl). A tier matches when `applies(value)`; tiers are listed most severe first and the
 * first match wins. Doses named in `action` are the label's; we never compute a dose.
 */
import type { Citation, Citations, Severity } from '../types';

export type KidneyMeasure = 'egfr' | 'crcl';

export interface RenalTier {
  /** Human form of the test, e.g. "eGFR < 30" (must say exactly what `applies` checks). */
  label: string;
  applies: (value: number) => boolean;
  /** A few words for the card summary, e.g. "contraindicated". */
  brief: string;
  /** What the source says to do, in one sentence: the finding's action (the card's first line). */
  action: string;
  severity: { chart: Severity; draft: Severity };
  /** True when the tier is about the dose (an order already at the reduced dose does not fire). */
  doseReduction?: boolean;
  /** The label's dose at this tier: an order whose dose is read from its dosageInstruction and is within it is not flagged. */
  labelDose?: LabelDoseLimit;
  /** The label's product and dose for this tier, offered as a draft replacing a draft order. */
  replacement?: LabelDose;
}

/**
 * What a label allows per day at a tier: at most `maxDailyMg`, or for a weight-based regimen a dose in the band
 * [`weightBased.lowestFraction` × mg/kg × actual weight, mg/kg × actual weight], given at most `maxPerDay` times a day.
 */
export interface LabelDoseLimit {
  maxDailyMg: number;
  weightBased?: { mgPerKg: number; lowestFraction: number };
  maxPerDay?: number;
}

/** An RxNorm SCD (checked in two public VSAC-derived copies) with the dose text the label gives. */
export interface LabelDose {
  code: string;
  display: string;
  dosage: string;
}

export interface RenalDosingEntry {
  id: string;
  name: string;
  /** RxNorm ingredient CUIs, or class ids (knowledge/drugs). */
  ingredients?: readonly string[];
  classes?: readonly string[];
  measure: KidneyMeasure;
  /** Routes that are exempt (e.g. topical NSAIDs). */
  exemptRoutes?: readonly string[];
  /** RxNorm products already at the label's reduced dose. */
  reducedDoseProducts?: readonly string[];
  /** A product of at most this strength (mg per unit, from its RxNorm name) is the reduced-dose product, however coded. */
  reducedStrengthMg?: number;
  tiers: readonly RenalTier[];
  /**
   * Products the tiers do not describe (another formulation with its own label table), recognised in the order's
   * names: when kidney function falls in a tier they are reported as not assessed ("insufficient"), never passed.
   */
  otherFormulation?: { patterns: readonly RegExp[]; reason: string };
  rationale: string;
  citations: Citations;
  limitations: readonly string[];
}

const BEERS_2023: Citation = {
  title:
    'American Geriatrics Society 2023 updated AGS Beers Criteria for potentially inappropriate medication use in older adults (Table 6: kidney function). J Am Geriatr Soc 2023;71:2052-81',
  url: 'https://doi.org/10.1111/jgs.18372',
  year: 2023,
};
// KDIGO 2012 chapter 4.4 (medication management): avoid NSAIDs at GFR < 30; prolonged therapy not recommended at
// GFR < 60. We could not verify the same wording in the 2024 update here, so the 2012 statement is cited.
const KDIGO_2012: Citation = {
  title:
    'KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease, chapter 4.4 (medication management: NSAIDs). Kidney Int Suppl 2013;3(1):1-150',
  url: 'https://kdigo.org/guidelines/ckd-evaluation-and-management/',
  year: 2013,
};
const FDA_METFORMIN_2016: Citation = {
  title:
    'FDA Drug Safety Communication: FDA revises warnings regarding use of the diabetes medicine metformin in certain patients with reduced kidney function (2016-04-08)',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-revises-warnings-regarding-use-diabetes-medicine-metformin-certain',
  year: 2016,
};

/** The rule-level citations (each entry carries its own). */
export const RENAL_DOSING_CITATIONS: Citations = [FDA_METFORMIN_2016, KDIGO_2012, BEERS_2023];

const DOAC_LIMIT =
  "Dose thresholds are for nonvalvular atrial fibrillation; other indications (VTE treatment, prophylaxis) have different label doses. The order's dose is often not in the record, so the finding asks to confirm it.";
const CRCL_NOTE =
  'The label thresholds are Cockcroft–Gault CrCl with actual body weight; when no recent weight exists eGFR is shown instead, which can overestimate clearance in older or low-weight patients.';

const lt =
  (n: number) =>
  (v: number): boolean =>
    v < n;
const between =
  (lo: number, hi: number) =>
  (v: number): boolean =>
    v >= lo && v <= hi;

/**
 * Extended-release gabapentinoids in RxNorm names ("24 HR … Extended Release Oral Tablet"), brands and as typed
 * ("ER", "XR", "CR", "SR" as whole words in capitals). Gabapentin enacarbil (Horizant) is a prodrug dosed in enacarbil mg.
 */
const EXTENDED_RELEASE = [
  /\b(?:extended[ -]release|24 HR|gralise|horizant|enacarbil)\b/i,
  // Abbreviations in capitals only: "Cr 2.1" in a note is a creatinine, not a controlled-release product.
  /\b(?:ER|XR|CR|SR)\b/,
];
const GABAPENTINOID_DOSE_NOTE =
  'An order whose daily dose is read from its dosage instruction and is within the band is not flagged; when the dose cannot be read the finding asks to check it.';
/** A gabapentin/pregabalin band of the label's renal table: flagged only when the daily dose is above its maximum or unreadable. */
function gabapentinoidTier(
  label: string,
  applies: (v: number) => boolean,
  maxDailyMg: number,
  band: string,
): RenalTier {
  return {
    label,
    applies,
    brief: `label maximum ${maxDailyMg} mg/day`,
    labelDose: { maxDailyMg },
    action: `The label's total daily dose at ${label} mL/min is ${band}: reduce the dose to that band.`,
    severity: { chart: 'info', draft: 'warning' },
    doseReduction: true,
  };
}

export const RENAL_DOSING: readonly RenalDosingEntry[] = [
  {
    id: 'renal-metformin',
    name: 'metformin',
    ingredients: ['6809'],
    measure: 'egfr',
    tiers: [
      {
        label: 'eGFR < 30',
        applies: lt(30),
        brief: 'contraindicated',
        action: 'Metformin is contraindicated below eGFR 30 mL/min/1.73 m²: stop it.',
        severity: { chart: 'warning', draft: 'warning' },
      },
      {
        label: 'eGFR 30–44',
        applies: lt(45),
        brief: 'do not start; review',
        action:
          'Starting metformin at eGFR 30–45 is not recommended; in patients already taking it, assess benefit and risk of continuing.',
        severity: { chart: 'info', draft: 'warning' },
      },
    ],
    rationale: 'Metformin accumulates as kidney function falls, raising the risk of lactic acidosis.',
    citations: [FDA_METFORMIN_2016],
    limitations: [
      'Iodinated contrast, hepatic impairment and acute illness (other label reasons to stop metformin) are not checked here.',
    ],
  },
  {
    id: 'renal-nsaid',
    name: 'NSAID',
    classes: ['nsaid'],
    measure: 'egfr',
    exemptRoutes: ['topical'],
    tiers: [
      {
        label: 'eGFR < 30',
        applies: lt(30),
        brief: 'avoid',
        action: 'Avoid systemic NSAIDs at this level of kidney function.',
        severity: { chart: 'warning', draft: 'warning' },
      },
    ],
    rationale:
      'NSAIDs reduce renal perfusion and can precipitate acute kidney injury, hyperkalaemia and fluid retention in advanced CKD.',
    citations: [KDIGO_2012, BEERS_2023],
    limitations: ['Short courses and specialist-directed use are not distinguished; topical NSAIDs are exempt.'],
  },
  {
    id: 'renal-rivaroxaban',
    name: 'rivaroxaban',
    ingredients: ['1114195'],
    measure: 'crcl',
    reducedDoseProducts: ['1232082'],
    reducedStrengthMg: 15,
    // NVAF: every CrCl ≤ 50 — including < 15 and ESKD on dialysis — is 15 mg once daily (label 2.3 and 8.6); the
    // "avoid at low CrCl" statements belong to the other indications (VTE treatment, prophylaxis, CAD/PAD).
    tiers: [
      {
        label: 'CrCl ≤ 50',
        applies: (v) => v <= 50,
        brief: 'label dose 15 mg daily',
        action:
          'The US label dose for nonvalvular AF at CrCl ≤ 50 mL/min, including CrCl < 15 and end-stage kidney disease on dialysis, is 15 mg once daily with the evening meal: confirm the dose. For the other indications the label avoids rivaroxaban at low CrCl instead (below 30 mL/min, or below 15 for VTE treatment in current labeling): check the indication.',
        severity: { chart: 'info', draft: 'warning' },
        doseReduction: true,
        labelDose: { maxDailyMg: 15, maxPerDay: 1 },
        replacement: {
          code: '1232082',
          display: 'rivaroxaban 15 MG Oral Tablet',
          dosage: '15 mg orally once daily with the evening meal',
        },
      },
    ],
    rationale: 'Rivaroxaban is partly renally cleared; exposure and bleeding risk rise as CrCl falls.',
    citations: [
      {
        title:
          'XARELTO (rivaroxaban) US Prescribing Information, section 2.3 (Dosage in renal impairment: nonvalvular AF CrCl ≤ 50 mL/min 15 mg once daily) and 8.6 (Renal Impairment: ESRD on dialysis)',
        url: 'https://www.xareltohcp.com/dosing-and-administration/nonvalvular-atrial-fibrillation.html',
        year: 2023,
      },
    ],
    limitations: [DOAC_LIMIT, CRCL_NOTE],
  },
  {
    id: 'renal-dabigatran',
    name: 'dabigatran',
    ingredients: ['1037042'],
    measure: 'crcl',
    reducedDoseProducts: ['1037179'],
    reducedStrengthMg: 75,
    tiers: [
      {
        label: 'CrCl < 15',
        applies: lt(15),
        brief: 'avoid',
        action:
          'The US label gives no dosing recommendation below CrCl 15 mL/min or on dialysis (nonvalvular AF): avoid.',
        severity: { chart: 'warning', draft: 'warning' },
      },
      {
        label: 'CrCl 15–30',
        applies: between(15, 30),
        brief: 'label dose 75 mg twice daily',
        action: 'The US label dose for nonvalvular AF at CrCl 15–30 mL/min is 75 mg twice daily: confirm the dose.',
        severity: { chart: 'info', draft: 'warning' },
        doseReduction: true,
        labelDose: { maxDailyMg: 150, maxPerDay: 2 },
        replacement: {
          code: '1037179',
          display: 'dabigatran etexilate 75 MG Oral Capsule',
          dosage: '75 mg orally twice daily',
        },
      },
    ],
    rationale: 'Dabigatran is about 80 % renally cleared; exposure rises steeply as CrCl falls.',
    citations: [
      {
        title: 'PRADAXA (dabigatran etexilate) US Prescribing Information, section 2.2 (Dosage in renal impairment)',
        url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=pradaxa',
        year: 2023,
      },
    ],
    limitations: [
      DOAC_LIMIT,
      CRCL_NOTE,
      'P-glycoprotein inhibitor co-medication (further dose rules in the label) is not checked.',
    ],
  },
  {
    id: 'renal-edoxaban',
    name: 'edoxaban',
    ingredients: ['1599538'],
    measure: 'crcl',
    reducedDoseProducts: ['1599551'],
    reducedStrengthMg: 30,
    tiers: [
      {
        label: 'CrCl < 15',
        applies: lt(15),
        brief: 'avoid',
        action: 'The US label does not recommend edoxaban below CrCl 15 mL/min.',
        severity: { chart: 'warning', draft: 'warning' },
      },
      {
        label: 'CrCl > 95',
        applies: (v) => v > 95,
        brief: 'do not use (less effective)',
        action:
          'Boxed warning: do not use edoxaban for nonvalvular AF with CrCl > 95 mL/min (more ischaemic strokes than warfarin): consider another anticoagulant.',
        severity: { chart: 'info', draft: 'warning' },
      },
      {
        label: 'CrCl 15–50',
        applies: between(15, 50),
        brief: 'label dose 30 mg daily',
        action: 'The US label dose for nonvalvular AF at CrCl 15–50 mL/min is 30 mg once daily: confirm the dose.',
        severity: { chart: 'info', draft: 'warning' },
        doseReduction: true,
        labelDose: { maxDailyMg: 30, maxPerDay: 1 },
        replacement: { code: '1599551', display: 'edoxaban 30 MG Oral Tablet', dosage: '30 mg orally once daily' },
      },
    ],
    rationale: 'Edoxaban is about 50 % renally cleared: too much at low CrCl, too little effect at high CrCl.',
    citations: [
      {
        title: 'SAVAYSA (edoxaban) US Prescribing Information, boxed warning and section 2.1',
        url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=savaysa',
        year: 2023,
      },
    ],
    limitations: [DOAC_LIMIT, CRCL_NOTE],
  },
  {
    id: 'renal-enoxaparin',
    name: 'enoxaparin',
    ingredients: ['67108'],
    measure: 'crcl',
    tiers: [
      {
        label: 'CrCl < 30',
        applies: lt(30),
        brief: 'label dose once daily',
        action:
          'The US label at CrCl < 30 mL/min: prophylaxis 30 mg SC once daily; treatment 1 mg/kg SC once daily (not twice daily or 40 mg): confirm the dose, consider anti-Xa monitoring or unfractionated heparin.',
        // Both label regimens at CrCl < 30 are once daily: 30 mg (prophylaxis) or 1 mg/kg (treatment). A dose between
        // them (40 mg daily: the usual prophylaxis dose, not reduced) is the error to catch. Rounding a treatment dose
        // down to a syringe size is accepted to 90 % of 1 mg/kg (Cairn's policy for noise, not a label number).
        severity: { chart: 'info', draft: 'warning' },
        doseReduction: true,
        labelDose: { maxDailyMg: 30, weightBased: { mgPerKg: 1, lowestFraction: 0.9 }, maxPerDay: 1 },
      },
    ],
    rationale:
      'Enoxaparin is renally cleared; anti-Xa exposure rises about 65 % at CrCl < 30 mL/min and major bleeding increases with usual doses.',
    citations: [
      {
        title:
          'LOVENOX (enoxaparin) US Prescribing Information, section 2 (dosage in severe renal impairment) and 8.6 Renal impairment',
        url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=lovenox',
        year: 2022,
      },
    ],
    limitations: [
      CRCL_NOTE,
      'An order read as once daily at 30 mg or less, or at 90–100 % of 1 mg/kg of the latest weight, is not flagged; an order without a readable dose, frequency or weight still is.',
    ],
  },
  {
    id: 'renal-nitrofurantoin',
    name: 'nitrofurantoin',
    ingredients: ['7454'],
    measure: 'crcl',
    tiers: [
      {
        label: 'CrCl < 30',
        applies: lt(30),
        brief: 'avoid',
        action: 'Avoid nitrofurantoin below CrCl 30 mL/min: choose another antibiotic.',
        severity: { chart: 'warning', draft: 'warning' },
      },
    ],
    rationale:
      'With low clearance nitrofurantoin reaches toxic levels (neuropathy, hepatic and pulmonary toxicity) and too little reaches the urine to work.',
    citations: [BEERS_2023],
    limitations: [
      CRCL_NOTE,
      'Beers Criteria address adults 65 and older; the threshold is applied to all adults here.',
    ],
  },
  {
    id: 'renal-gabapentin',
    name: 'gabapentin',
    ingredients: ['25480'],
    measure: 'crcl',
    // Neurontin label, Dosage and Administration "Dosage Adjustment in Patients with Renal Impairment", Table 1 (total daily dose by CrCl): ≥ 60: 900–3600; 30–59: 400–1400; 15–29: 200–700;
    // 15: 100–300 mg/day, and below 15 lower still in proportion to CrCl. At a shared boundary the stricter band applies.
    tiers: [
      gabapentinoidTier(
        'CrCl < 15',
        lt(15),
        300,
        'at most 100–300 mg/day (reduce further in proportion to CrCl below 15; supplemental dose after haemodialysis)',
      ),
      gabapentinoidTier('CrCl 15–29', lt(30), 700, '200–700 mg/day'),
      gabapentinoidTier('CrCl 30–59', lt(60), 1400, '400–1400 mg/day'),
    ],
    otherFormulation: {
      patterns: EXTENDED_RELEASE,
      reason:
        'extended-release gabapentin (Gralise) and gabapentin enacarbil (Horizant) have their own renal tables, which Cairn does not hold: check the product label',
    },
    rationale:
      'Gabapentin is cleared unchanged by the kidney; accumulation causes sedation, dizziness, falls and encephalopathy.',
    citations: [
      {
        title:
          'NEURONTIN (gabapentin) US Prescribing Information, section 2 (Dosage Adjustment in Patients with Renal Impairment, Table 1: gabapentin dosage based on renal function)',
        url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=neurontin',
        year: 2020,
      },
      BEERS_2023,
    ],
    limitations: [
      CRCL_NOTE,
      GABAPENTINOID_DOSE_NOTE,
      'Extended-release gabapentin (Gralise) and gabapentin enacarbil (Horizant) have their own renal tables: such orders are reported as not assessed.',
    ],
  },
  {
    id: 'renal-pregabalin',
    name: 'pregabalin',
    ingredients: ['187832'],
    measure: 'crcl',
    // Lyrica label (FDA SPL, openFDA copy) section 2.7, total daily dose by CLcr: ≥ 60: 150–600; 30–60: 75–300;
    // 15–30: 25–150; < 15: 25–75 mg/day once daily. At a shared boundary the stricter band applies.
    tiers: [
      gabapentinoidTier('CrCl < 15', lt(15), 75, '25–75 mg/day once daily (supplemental dose after haemodialysis)'),
      gabapentinoidTier('CrCl 15–30', (v) => v <= 30, 150, '25–150 mg/day'),
      gabapentinoidTier('CrCl 31–59', lt(60), 300, '75–300 mg/day'),
    ],
    otherFormulation: {
      patterns: EXTENDED_RELEASE,
      reason:
        'extended-release pregabalin (Lyrica CR) has its own renal table, which Cairn does not hold: check the product label',
    },
    rationale:
      'Pregabalin is about 90 % excreted unchanged in urine; exposure rises in proportion to the fall in CrCl (dizziness, somnolence, falls).',
    citations: [
      {
        title:
          'LYRICA (pregabalin) capsules and oral solution, US Prescribing Information (FDA SPL), section 2.7 (Dosing for adult patients with renal impairment: total daily dose by CLcr)',
        url: 'https://api.fda.gov/drug/label.json?search=openfda.brand_name:%22LYRICA%22',
        year: 2025,
      },
      BEERS_2023,
    ],
    limitations: [
      CRCL_NOTE,
      GABAPENTINOID_DOSE_NOTE,
      'Extended-release pregabalin (Lyrica CR) has its own renal table: such orders are reported as not assessed.',
    ],
  },
];
