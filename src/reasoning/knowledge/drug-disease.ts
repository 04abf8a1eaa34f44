/**
 * Drug–disease contraindications: a drug class against a coded current condition. Adding a pair is a data change.
 * Calibration as for interactions: critical only when a draft order would start a contraindicated drug; a pair
 * already on the chart is a warning or information (it may be deliberate and monitored).
 */
import type { Citation, Citations, Severity } from '../types';
import type { DrugMatcher } from './drug-interactions';
import { HEART_FAILURE, type ConditionSet } from './conditions';
import { ASTHMA_SNOMED, HEART_FAILURE_SNOMED } from './condition-value-sets';
import { drugLabel } from './drug-label';

export const HF_GUIDELINE_2022: Citation = {
  title:
    '2022 AHA/ACC/HFSA Guideline for the Management of Heart Failure. Circulation 2022;145:e895-e1032 (sections 7.3.8-7.3.9: drugs that worsen HF — NSAIDs, non-dihydropyridine calcium channel blockers in HFrEF)',
  url: 'https://doi.org/10.1161/CIR.0000000000001063',
  year: 2022,
};

/** HF with reduced ejection fraction, when coded as such (SNOMED CT / ICD-10-CM systolic and combined HF). */
export const HFREF: ConditionSet = {
  id: 'hfref',
  name: 'Heart failure with reduced ejection fraction',
  // The systolic / reduced-EF members of the VSAC Heart Failure value set (condition-value-sets.ts).
  snomed: Object.fromEntries(
    Object.entries(HEART_FAILURE_SNOMED).filter(([, name]) => /reduced ejection fraction|systolic/i.test(name)),
  ),
  icd10Prefixes: ['I50.2', 'I50.4'],
};

/** LVEF at or below this is HF with reduced EF (2022 AHA/ACC/HFSA classification: HFrEF = LVEF ≤ 40 %). */
export const HFREF_MAX_LVEF = 40;

/** Current pregnancy: SNOMED CT findings and ICD-10-CM pregnant state / supervision of pregnancy. */
export const PREGNANCY: ConditionSet = {
  id: 'pregnancy',
  name: 'Pregnancy',
  snomed: { '77386006': 'Pregnancy', '72892002': 'Normal pregnancy' },
  icd10Prefixes: ['Z33.1', 'Z34', 'O09'],
};

/** Asthma and its descendants (VSAC Asthma value set) and ICD-10-CM J45. COPD is deliberately not here:
 * cardioselective and even non-selective beta blockers are not contraindicated in COPD. */
export const ASTHMA: ConditionSet = { id: 'asthma', name: 'Asthma', snomed: ASTHMA_SNOMED, icd10Prefixes: ['J45'] };

/** A pregnancy condition older than 42 weeks without an end date is treated as out of date (project policy). */
export const PREGNANCY_MAX_AGE_DAYS = 294;

export interface DrugDiseaseEntry {
  id: string;
  title: string;
  drug: DrugMatcher;
  condition: ConditionSet;
  /** 'hfref': fires only on HF with reduced EF coded, or a latest LVEF ≤ 40 %; otherwise says EF is unknown. */
  requires?: 'hfref';
  /** Conditions that end (pregnancy): only onset/recorded within this many days counts as current. */
  maxAgeDays?: number;
  harm: string;
  severity: { draft: Severity; chart: Severity };
  rationale: string;
  /** What to do, one plain-text line: the finding's action. */
  management: string;
  citations: Citations;
  limitations: string[];
}

const CHART_LIMIT =
  'Active orders can outlive therapy (orders over a year old are flagged); confirm the patient still takes the drug.';
const PREGNANCY_LIMIT =
  'Pregnancy is read only from coded current conditions (onset or recorded in the last 42 weeks); a pregnancy test result or an uncoded pregnancy is not seen.';

const pregnancyEntry = (
  id: string,
  drug: DrugMatcher,
  rationale: string,
  management: string,
  citations: Citations,
): DrugDiseaseEntry => ({
  id,
  title: `${drug.label} in pregnancy`,
  drug,
  condition: PREGNANCY,
  maxAgeDays: PREGNANCY_MAX_AGE_DAYS,
  harm: 'contraindicated in pregnancy (fetal harm)',
  severity: { draft: 'critical', chart: 'warning' },
  rationale,
  management,
  citations,
  limitations: [PREGNANCY_LIMIT, CHART_LIMIT],
});

export const DRUG_DISEASE: readonly DrugDiseaseEntry[] = [
  {
    id: 'dd-nsaid-heart-failure',
    title: 'NSAID in heart failure',
    drug: { classes: ['nsaid'], label: 'NSAID', excludeRoutes: ['topical'] },
    condition: HEART_FAILURE,
    harm: 'worsens heart failure (sodium and fluid retention)',
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'NSAIDs cause sodium and water retention, raise blood pressure, blunt diuretics and impair renal function; they are associated with HF decompensation and hospitalization. The 2022 AHA/ACC/HFSA guideline lists them among drugs that worsen HF and advises avoiding or withdrawing them.',
    management:
      'Prefer acetaminophen for pain. If an NSAID is unavoidable: shortest course, lowest dose, watch weight, blood pressure, potassium and creatinine.',
    citations: [HF_GUIDELINE_2022, drugLabel('Ibuprofen', 2023, 'Warnings: heart failure and edema')],
    limitations: ['Over-the-counter NSAIDs are often missing from the record.', CHART_LIMIT],
  },
  {
    id: 'dd-non-dhp-ccb-hfref',
    title: 'Verapamil/diltiazem in HF with reduced EF',
    drug: { classes: ['non-dhp-calcium-channel-blocker'], label: 'verapamil/diltiazem' },
    condition: HEART_FAILURE,
    requires: 'hfref',
    harm: 'harmful in HF with reduced EF (negative inotropy)',
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Verapamil and diltiazem depress myocardial contractility; in HF with reduced EF they worsen HF and raise the risk of HF events (2022 AHA/ACC/HFSA: not recommended, class 3: Harm). The verapamil label lists severe LV dysfunction as a contraindication.',
    management:
      'Do not start. For rate control in AF with HFrEF use a beta blocker (or digoxin); for hypertension or angina, amlodipine or felodipine are neutral in HFrEF.',
    citations: [
      HF_GUIDELINE_2022,
      drugLabel('Verapamil (Calan)', 2021, 'section 4 Contraindications (severe left ventricular dysfunction)'),
    ],
    limitations: [
      'HF with preserved EF is not a contraindication; without a coded HFrEF or an LVEF the rule can only say EF is unknown.',
      'The latest LVEF is used whatever its age; EF can recover or decline.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'dd-nonselective-beta-blocker-asthma',
    title: 'Non-selective beta blocker in asthma',
    drug: { classes: ['nonselective-beta-blocker'], label: 'propranolol/carvedilol/sotalol/timolol' },
    condition: ASTHMA,
    harm: 'bronchospasm risk (contraindicated in asthma)',
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Beta-2 blockade causes bronchoconstriction and blunts rescue beta-agonists; severe and fatal bronchospasm is reported. Bronchial asthma is a labelled contraindication for propranolol, carvedilol, sotalol and timolol (eye drops included).',
    management:
      'Avoid. If a beta blocker is needed, a cardioselective one (bisoprolol, metoprolol) at low dose with monitoring is preferred; choose another drug class for tremor, migraine or hypertension.',
    citations: [
      drugLabel('Propranolol (Inderal LA)', 2023, 'section 4 Contraindications (bronchial asthma)'),
      drugLabel('Carvedilol (Coreg)', 2023, 'section 4 Contraindications (bronchial asthma)'),
    ],
    limitations: [
      'Asthma severity and control are not read; mild, remote childhood asthma coded as current also matches.',
      'Ophthalmic timolol matches only when coded at ingredient level.',
      CHART_LIMIT,
    ],
  },
  pregnancyEntry(
    'dd-raas-pregnancy',
    { classes: ['ace-inhibitor', 'arb'], label: 'ACE inhibitor/ARB' },
    'Drugs acting on the renin–angiotensin system cause fetal and neonatal injury and death, mainly in the second and third trimesters (oligohydramnios, renal failure, skull hypoplasia) — boxed warning.',
    'Stop as soon as pregnancy is detected (label); for hypertension in pregnancy use labetalol, nifedipine or methyldopa.',
    [
      drugLabel('Lisinopril (Zestril)', 2021, 'boxed warning and section 5.1 Fetal toxicity'),
      drugLabel('Losartan (Cozaar)', 2021, 'boxed warning and section 5.1 Fetal toxicity'),
    ],
  ),
  pregnancyEntry(
    'dd-warfarin-pregnancy',
    { classes: ['vka'], label: 'warfarin' },
    'Warfarin crosses the placenta: embryopathy (first trimester), fetal bleeding and CNS abnormalities. Contraindicated in pregnancy except in women with mechanical heart valves at high thromboembolic risk.',
    'Use low-molecular-weight heparin for most indications; seek specialist advice for mechanical valves.',
    [drugLabel('Warfarin (Coumadin)', 2022, 'section 4 Contraindications and 8.1 Pregnancy')],
  ),
  pregnancyEntry(
    'dd-methotrexate-pregnancy',
    { classes: ['antifolate'], label: 'methotrexate' },
    'Methotrexate causes embryo-fetal toxicity and fetal death; it is contraindicated in pregnancy for non-neoplastic diseases (psoriasis, rheumatoid arthritis).',
    'Stop methotrexate; discuss alternatives with rheumatology/dermatology. Oncologic use needs specialist review.',
    [drugLabel('Methotrexate', 2021, 'boxed warning, section 4 Contraindications and 8.1 Pregnancy')],
  ),
];
