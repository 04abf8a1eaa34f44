/**
 * Drug–drug interaction knowledge. Adding a pair is a data change (CONTRIBUTING.md, "Adding a knowledge table").
 *
 * Severity calibration (alert fatigue: ~90 % of DDI alerts are overridden, Phansalkar 2013):
 * - `draft`: a draft order would create the pair now. Critical only for contraindicated pairs where harm is likely
 *   and near; major pairs are warnings.
 * - `chart`: the pair already exists in the chart (often long-standing and possibly deliberate): warning or info.
 */
import type { Citation, Citations, Severity } from '../types';
import type { DrugClassId } from './drugs/classes';
import { LABEL_INTERACTIONS } from './drug-interactions-labels';
import { drugLabel } from './drug-label';
import { QT_CITATIONS } from './qt-prolongation';
import { OPIOID_PAIR_ENTRIES } from './opioid-safety';
import { DOAC_INHIBITOR_ENTRIES } from './anticoagulant-stewardship';
import { STALE_ORDER_LIMIT as CHART_LIMIT } from './limitations';
import { ONC_CLASS_LIMIT as ONC_LIMIT, ONC_MORE_INTERACTIONS, PHANSALKAR_2012 } from './drug-interactions-onc';

export interface DrugMatcher {
  classes?: readonly DrugClassId[];
  ingredients?: readonly string[];
  /** Products given by these routes do not match (e.g. topical NSAIDs, PDDI-CDS warfarin–NSAID). */
  excludeRoutes?: readonly string[];
  label: string;
}

export interface InteractionEntry {
  id: string;
  title: string;
  a: DrugMatcher;
  b: DrugMatcher;
  /** On the ONC high-priority list ("contraindicated for concurrent use", Phansalkar 2012). */
  oncHighPriority: boolean;
  /** Short harm phrase for the card summary, e.g. "upper GI bleeding risk". */
  harm: string;
  severity: { draft: Severity; chart: Severity };
  /** Markdown: mechanism and expected harm. */
  rationale: string;
  /** What the clinician can do, one plain-text line: the finding's action (the card's first line). */
  management: string;
  /** Safer alternative for the `b` side when it is the draft (RxNorm code + name), proposed as a draft order. */
  alternative?: { code: string; display: string; label: string };
  /** Extra, entry-specific risk logic (see rules/drug-interactions.ts). */
  modifier?: 'warfarin-nsaid' | 'statin-dose-cap' | 'qt-risk' | 'colchicine-renal';
  /** For 'statin-dose-cap': label daily dose cap (mg) per statin ingredient CUI with the `b` drugs. */
  statinCaps?: Readonly<Record<string, number>>;
  citations: Citations;
  limitations: string[];
}

export { PHANSALKAR_2012 };
export const PDDI_CDS: Citation = {
  title: 'HL7 Potential Drug-Drug Interaction (PDDI) CDS Implementation Guide STU1 — warfarin + NSAIDs logic',
  url: 'http://hl7.org/fhir/uv/pddi/STU1',
  year: 2022,
};
const MASCLEE_2014: Citation = {
  title:
    'Masclee GM, et al. Risk of upper gastrointestinal bleeding from different drug combinations. Gastroenterology 2014;147:784-92',
  url: 'https://doi.org/10.1053/j.gastro.2014.06.007',
  year: 2014,
};
const FDA_OPIOID_SEROTONIN_2016: Citation = {
  title: 'FDA Drug Safety Communication: opioids and serotonin syndrome',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires',
  year: 2016,
};
const label = (drug: string, year: number): Citation => drugLabel(drug, year, 'drug interactions section');

const MAOI: DrugMatcher = { classes: ['maoi'], label: 'MAOI (incl. linezolid, methylene blue)' };

const maoiEntry = (id: string, b: DrugMatcher, harm: string): InteractionEntry => ({
  id,
  harm: 'serotonin syndrome / hypertensive crisis (contraindicated)',
  title: `MAOI + ${b.label}`,
  a: MAOI,
  b,
  oncHighPriority: true,
  severity: { draft: 'critical', chart: 'warning' },
  rationale: `${harm} Listed as contraindicated for concurrent use on the ONC high-priority list.`,
  management: 'Do not combine. Most labels require a 14-day washout after stopping an MAOI (5 weeks after fluoxetine).',
  // Linezolid is a reversible MAO inhibitor and is classed with the MAOIs (Zyvox label, serotonin syndrome warning).
  citations: [PHANSALKAR_2012, label('Phenelzine (Nardil)', 2023), label('Linezolid (Zyvox)', 2023)],
  limitations: [ONC_LIMIT, CHART_LIMIT],
});

const ONC_AND_MAJORS: readonly InteractionEntry[] = [
  maoiEntry(
    'ddi-maoi-ssri-snri',
    { classes: ['ssri', 'snri'], label: 'SSRI/SNRI' },
    'Serotonin syndrome (hyperthermia, rigidity, autonomic instability), potentially fatal.',
  ),
  maoiEntry(
    'ddi-maoi-tca',
    { classes: ['tca'], label: 'tricyclic antidepressant' },
    'Serotonin syndrome and hypertensive crisis.',
  ),
  maoiEntry(
    'ddi-maoi-triptan',
    { classes: ['triptan'], label: 'triptan' },
    'MAO-A inhibition raises triptan exposure; serotonin toxicity.',
  ),
  maoiEntry(
    'ddi-maoi-stimulant',
    { classes: ['sympathomimetic'], label: 'amphetamine/methylphenidate/phentermine/pseudoephedrine/atomoxetine' },
    'Amphetamine-type stimulants and indirect sympathomimetics release noradrenaline that MAO inhibition cannot clear: hypertensive crisis (amphetamine, methylphenidate, atomoxetine and pseudoephedrine labels: contraindicated during and within 14 days of an MAOI).',
  ),
  maoiEntry(
    'ddi-maoi-opioid',
    { classes: ['serotonergic-opioid'], label: 'meperidine/methadone/tramadol/tapentadol/fentanyl/dextromethorphan' },
    'Serotonin syndrome; meperidine with MAOIs has caused fatal reactions.',
  ),
  {
    // Both labels' contraindication lists name HIV protease inhibitors and erythromycin among the "strong CYP3A4
    // inhibitors" (erythromycin is moderate in the FDA table, but the statin labels contraindicate it).
    id: 'ddi-simvastatin-strong-cyp3a4',
    harm: 'myopathy/rhabdomyolysis risk (contraindicated)',
    title: 'Simvastatin/lovastatin + strong CYP3A4 inhibitor',
    a: { classes: ['statin-cyp3a4'], label: 'simvastatin/lovastatin' },
    b: {
      classes: ['strong-cyp3a4-inhibitor', 'hiv-protease-inhibitor'],
      ingredients: ['4053'],
      label: 'strong CYP3A4 inhibitor (azole, clarithromycin, nefazodone, HIV protease inhibitor, erythromycin)',
    },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Strong CYP3A4 inhibition raises simvastatin/lovastatin exposure many-fold: myopathy and rhabdomyolysis.',
    management:
      'Contraindicated per the simvastatin and lovastatin labels. Hold the statin during the course, or use a statin not metabolized by CYP3A4 (pravastatin, rosuvastatin).',
    citations: [
      PHANSALKAR_2012,
      drugLabel('Simvastatin (Zocor)', 2023, 'section 4 Contraindications and 7 Drug interactions'),
      drugLabel('Lovastatin (Mevacor)', 2014, 'Contraindications'),
    ],
    limitations: [
      ONC_LIMIT,
      'Telithromycin and cobicistat, named by the labels, are not in the drug table yet (RxNorm codes not verified); darunavir and posaconazole are matched with codes marked unverified.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-tizanidine-cyp1a2',
    harm: 'severe hypotension and sedation (contraindicated)',
    title: 'Tizanidine + strong CYP1A2 inhibitor',
    a: { ingredients: ['57258'], label: 'tizanidine' },
    b: { classes: ['cyp1a2-inhibitor'], label: 'fluvoxamine/ciprofloxacin' },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Fluvoxamine and ciprofloxacin raise tizanidine exposure 10- to 33-fold: severe hypotension and sedation.',
    management: 'Contraindicated per the tizanidine label. Choose another muscle relaxant or another antibiotic.',
    citations: [PHANSALKAR_2012, label('Tizanidine (Zanaflex)', 2022)],
    limitations: [ONC_LIMIT],
  },
  {
    id: 'ddi-atazanavir-ppi',
    harm: 'loss of atazanavir absorption, virologic failure',
    title: 'Atazanavir + proton pump inhibitor',
    a: { ingredients: ['343047'], label: 'atazanavir' },
    b: { classes: ['ppi'], label: 'proton pump inhibitor' },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Atazanavir needs gastric acid to dissolve; PPIs cut its exposure substantially: treatment failure and resistance.',
    management:
      'Avoid in treatment-experienced patients (atazanavir label); otherwise use an H2 blocker with the label timing, or another regimen.',
    citations: [PHANSALKAR_2012, label('Atazanavir (Reyataz)', 2023)],
    limitations: [ONC_LIMIT],
  },
  {
    id: 'ddi-irinotecan-strong-cyp3a4',
    harm: 'irinotecan toxicity (neutropenia, diarrhea)',
    title: 'Irinotecan + strong CYP3A4 inhibitor',
    a: { ingredients: ['51499'], label: 'irinotecan' },
    b: { classes: ['strong-cyp3a4-inhibitor'], label: 'strong CYP3A4 inhibitor' },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale: 'Strong CYP3A4 inhibition raises SN-38 exposure: severe neutropenia and diarrhea.',
    management: 'Irinotecan label: stop strong CYP3A4 inhibitors at least 1 week before starting irinotecan.',
    citations: [PHANSALKAR_2012, label('Irinotecan (Camptosar)', 2022)],
    limitations: [ONC_LIMIT],
  },
  {
    id: 'ddi-protease-inhibitor-cyp3a4-inducer',
    harm: 'loss of antiviral effect',
    title: 'HIV protease inhibitor + strong CYP3A4 inducer',
    a: { classes: ['hiv-protease-inhibitor'], label: 'HIV protease inhibitor' },
    b: { classes: ['strong-cyp3a4-inducer'], label: 'rifampin/carbamazepine/phenytoin/St John’s wort' },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale: 'Strong induction lowers protease-inhibitor levels: loss of virologic response and resistance.',
    management: 'Avoid; consult HIV pharmacotherapy guidance for an alternative (e.g. rifabutin with dose adjustment).',
    citations: [PHANSALKAR_2012, label('Ritonavir (Norvir)', 2023)],
    limitations: [ONC_LIMIT],
  },
  {
    id: 'ddi-qt-qt',
    harm: 'additive QT prolongation, torsades risk',
    title: 'Two QT-prolonging drugs',
    modifier: 'qt-risk',
    a: { classes: ['qt-prolonging'], label: 'QT-prolonging drug' },
    b: { classes: ['qt-prolonging'], label: 'QT-prolonging drug' },
    oncHighPriority: true,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Additive QT prolongation raises the risk of torsades de pointes, more so with hypokalemia, bradycardia, female sex, age and heart disease.',
    management:
      'Prefer an alternative without QT effect; otherwise get a baseline ECG (QTc), keep potassium ≥ 4 mmol/L and magnesium normal, and repeat the ECG after starting.',
    citations: [PHANSALKAR_2012, ...QT_CITATIONS],
    limitations: [
      'On the ONC list as contraindicated, but many pairs are co-prescribed safely with monitoring: shown as a warning, not a hard stop.',
      'Only drugs with a known risk of torsades are classed; conditional-risk drugs are not.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-warfarin-nsaid',
    harm: 'upper GI bleeding risk',
    title: 'Warfarin + NSAID',
    modifier: 'warfarin-nsaid',
    a: { classes: ['vka'], label: 'warfarin' },
    b: { classes: ['nsaid'], label: 'NSAID' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'NSAIDs injure the gastric mucosa and inhibit platelets; with warfarin the risk of upper GI bleeding rises several-fold (NSAID alone RR 4.3; with corticosteroids 12.8, with aldosterone antagonists 11, Masclee 2014).',
    management:
      'Prefer acetaminophen for pain. If an NSAID is essential: shortest course, lowest dose, add a PPI, check INR within a week.',
    alternative: {
      code: '313782',
      display: 'Acetaminophen 325 MG Oral Tablet',
      label: 'Replace the NSAID with acetaminophen 325 mg tablets (dose set by the prescriber)',
    },
    citations: [PDDI_CDS, MASCLEE_2014, label('Warfarin (Coumadin)', 2022)],
    limitations: [
      'Topical NSAIDs are excluded from the systemic NSAID match, as in PDDI-CDS, and carry lower risk.',
      'PDDI-CDS counts warfarin orders of the last 100 days; we keep older active orders and flag them instead.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-anticoagulant-nsaid',
    harm: 'bleeding risk',
    title: 'DOAC/heparin + NSAID',
    a: { classes: ['doac', 'heparin'], label: 'DOAC or heparin' },
    b: { classes: ['nsaid'], label: 'NSAID', excludeRoutes: ['topical'] },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'NSAIDs add platelet inhibition and mucosal injury to anticoagulation: higher risk of major and GI bleeding.',
    management: 'Prefer acetaminophen; if an NSAID is needed, shortest course and consider a PPI.',
    alternative: {
      code: '313782',
      display: 'Acetaminophen 325 MG Oral Tablet',
      label: 'Replace the NSAID with acetaminophen 325 mg tablets (dose set by the prescriber)',
    },
    citations: [label('Apixaban (Eliquis)', 2021), label('Rivaroxaban (Xarelto)', 2023)],
    limitations: [CHART_LIMIT],
  },
  {
    id: 'ddi-warfarin-antiplatelet',
    harm: 'bleeding risk; confirm dual therapy is intended',
    title: 'Warfarin + antiplatelet',
    a: { classes: ['vka'], label: 'warfarin' },
    b: { classes: ['antiplatelet'], label: 'aspirin/clopidogrel' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Combined anticoagulant and antiplatelet therapy roughly doubles major bleeding; it is sometimes intended (recent stent, ACS).',
    management: 'Confirm the indication and planned duration of dual therapy; add a PPI if it continues.',
    citations: [label('Warfarin (Coumadin)', 2022), label('Clopidogrel (Plavix)', 2022)],
    limitations: [
      'Often deliberate after coronary events: the rule cannot see the indication or planned stop date.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-antiplatelet-nsaid',
    harm: 'GI bleeding risk',
    title: 'Antiplatelet + NSAID',
    a: { classes: ['antiplatelet'], label: 'aspirin/clopidogrel' },
    b: { classes: ['nsaid'], label: 'NSAID', excludeRoutes: ['topical'] },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'NSAIDs add mucosal injury and platelet inhibition to antiplatelet therapy: more GI bleeding; ibuprofen can also blunt low-dose aspirin.',
    management: 'Prefer acetaminophen; if an NSAID is needed, shortest course with a PPI.',
    alternative: {
      code: '313782',
      display: 'Acetaminophen 325 MG Oral Tablet',
      label: 'Replace the NSAID with acetaminophen 325 mg tablets (dose set by the prescriber)',
    },
    citations: [label('Clopidogrel (Plavix)', 2022)],
    limitations: [CHART_LIMIT],
  },
  {
    id: 'ddi-methotrexate-nsaid',
    harm: 'higher methotrexate levels',
    title: 'Methotrexate + NSAID',
    a: { classes: ['antifolate'], label: 'methotrexate' },
    b: { classes: ['nsaid'], label: 'NSAID', excludeRoutes: ['topical'] },
    oncHighPriority: false,
    severity: { draft: 'info', chart: 'info' },
    rationale:
      'NSAIDs reduce renal clearance of methotrexate; serious toxicity is reported mainly with high (oncologic) doses.',
    management:
      'Common and usually acceptable at low weekly doses for arthritis: monitor blood counts and renal function as usual.',
    citations: [label('Methotrexate', 2021)],
    limitations: [
      'Dose is not read: high-dose methotrexate with an NSAID is more serious than this finding says.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-raas-potassium-sparing',
    harm: 'hyperkalemia risk',
    title: 'ACE inhibitor/ARB + potassium-sparing diuretic',
    a: { classes: ['ace-inhibitor', 'arb'], label: 'ACE inhibitor/ARB' },
    b: {
      classes: ['potassium-sparing-diuretic', 'potassium-supplement'],
      label: 'potassium-sparing diuretic or potassium',
    },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Both raise serum potassium; hyperkalemia is most likely with reduced kidney function, diabetes, older age or dehydration.',
    management:
      'Check potassium and creatinine within 1 week of starting or changing dose, then periodically; avoid potassium supplements unless hypokalemic.',
    citations: [label('Spironolactone (Aldactone)', 2023), label('Lisinopril (Zestril)', 2021)],
    limitations: ['Deliberate in heart failure with reduced ejection fraction (with monitoring).', CHART_LIMIT],
  },
  {
    id: 'ddi-methotrexate-trimethoprim',
    harm: 'methotrexate toxicity (pancytopenia)',
    title: 'Methotrexate + trimethoprim',
    a: { classes: ['antifolate'], label: 'methotrexate' },
    b: { classes: ['folate-antagonist-antibiotic'], label: 'trimethoprim' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'Additive antifolate effect and reduced renal clearance of methotrexate: pancytopenia, including fatal cases at low weekly doses.',
    management:
      'Use another antibiotic (e.g. per culture); if unavoidable, check a full blood count and renal function.',
    citations: [label('Methotrexate', 2021), label('Sulfamethoxazole and trimethoprim (Bactrim)', 2021)],
    limitations: [CHART_LIMIT],
  },
  {
    id: 'ddi-digoxin-verapamil',
    harm: 'higher digoxin levels, bradycardia',
    title: 'Digoxin + verapamil',
    a: { classes: ['cardiac-glycoside'], label: 'digoxin' },
    b: { ingredients: ['11170'], label: 'verapamil' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Verapamil raises serum digoxin by 50–75 % (P-gp inhibition) and adds AV-nodal slowing: bradycardia, heart block, digoxin toxicity.',
    management:
      'Reduce digoxin dose when starting verapamil, check a digoxin level and heart rate; long-standing stable combinations need periodic levels.',
    citations: [label('Digoxin (Lanoxin)', 2020), label('Verapamil (Calan)', 2021)],
    limitations: [
      'Common and often stable for years in atrial fibrillation: shown as information unless a new order creates it.',
      'No digoxin level is read (none in our data).',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-simvastatin-verapamil-diltiazem',
    harm: 'statin dose above the label cap (simvastatin 10 mg, lovastatin 20 mg)',
    title: 'Simvastatin/lovastatin + verapamil/diltiazem',
    modifier: 'statin-dose-cap',
    statinCaps: { '36567': 10, '6472': 20 },
    a: { classes: ['statin-cyp3a4'], label: 'simvastatin/lovastatin' },
    b: { classes: ['non-dhp-calcium-channel-blocker'], label: 'verapamil/diltiazem' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale: 'Moderate CYP3A4 inhibition raises statin exposure: myopathy risk rises with statin dose.',
    management:
      'Simvastatin label: do not exceed 10 mg daily with verapamil or diltiazem (lovastatin: 20 mg); or switch to a non-CYP3A4 statin.',
    citations: [label('Simvastatin (Zocor)', 2023), label('Lovastatin (Mevacor)', 2014)],
    limitations: [
      'Only the product strength is compared with the cap (most orders carry no dosage); two tablets a day are not seen.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-serotonergic',
    harm: 'serotonin syndrome risk',
    title: 'SSRI/SNRI + serotonergic opioid',
    a: { classes: ['ssri', 'snri'], label: 'SSRI/SNRI' },
    b: {
      classes: ['serotonergic-opioid'],
      label: 'tramadol/methadone/fentanyl/meperidine/tapentadol/dextromethorphan',
    },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Additive serotonergic effect: serotonin syndrome (FDA 2016 class warning for opioids); tramadol also lowers the seizure threshold.',
    management:
      'Use the lowest doses, counsel on symptoms (agitation, tremor, hyperthermia); consider a non-serotonergic analgesic.',
    citations: [label('Tramadol (Ultram)', 2023), FDA_OPIOID_SEROTONIN_2016],
    limitations: [CHART_LIMIT],
  },
  {
    // Calibration: 21–29 % of triptan users also take an SSRI/SNRI and serotonin syndrome was 0–4 per 10,000
    // person-years of co-prescription (Orlova 2018), so a new triptan order is an info note, not a warning.
    id: 'ddi-serotonergic-triptan',
    harm: 'serotonin syndrome (rare)',
    title: 'SSRI/SNRI + triptan',
    a: { classes: ['ssri', 'snri'], label: 'SSRI/SNRI' },
    b: { classes: ['triptan'], label: 'triptan' },
    oncHighPriority: false,
    severity: { draft: 'info', chart: 'info' },
    rationale:
      'The triptan labels carry the FDA 2006 serotonin syndrome advisory for use with SSRIs/SNRIs; in a cohort of 47,968 triptan users, serotonin syndrome with co-prescription was rare (0–4 per 10,000 person-years) and none was life-threatening.',
    management:
      'The combination may be used; tell the patient the symptoms of serotonin syndrome (agitation, tremor, sweating, fever) and to seek care if they occur.',
    citations: [
      {
        title:
          'FDA alert (2006-07-19): potentially life-threatening serotonin syndrome with combined use of SSRIs or SNRIs and triptan medications',
        year: 2006,
      },
      {
        title:
          'Evans RW, et al. The FDA alert on serotonin syndrome with use of triptans combined with SSRIs or SNRIs: American Headache Society position paper. Headache 2010;50(6):1089-99 (none of the 29 FDA cases met the Hunter criteria)',
        year: 2010,
      },
      {
        title:
          'Orlova Y, Rizzoli P, Loder E. Association of coprescription of triptan antimigraine drugs and SSRI or SNRI antidepressants with serotonin syndrome. JAMA Neurol 2018;75(5):566-72',
        url: 'https://doi.org/10.1001/jamaneurol.2017.5144',
        year: 2018,
      },
    ],
    limitations: [CHART_LIMIT],
  },
];

/** Every interaction entry: the ONC list and established majors above, the rest of the ONC list (drug-interactions-onc.ts), then label majors. */
export const INTERACTIONS: readonly InteractionEntry[] = [
  ...ONC_AND_MAJORS,
  ...ONC_MORE_INTERACTIONS,
  ...LABEL_INTERACTIONS,
  ...OPIOID_PAIR_ENTRIES,
  ...DOAC_INHIBITOR_ENTRIES,
];

/** SNOMED CT codes of upper-GI bleeding / ulcer history: all 24 of PDDI-CDS value set "valueset-Hx-UGIB-snomed". */
export const UGIB_HISTORY_SNOMED: readonly string[] = [
  '12847006',
  '86895006',
  '89748001',
  '48974009',
  '63954007',
  '81387001',
  '2367005',
  '12274003',
  '47064007',
  '235853006',
  '84568007',
  '81142005',
  '62341002',
  '74341002',
  '76078009',
  '62838000',
  '55746001',
  '81518000',
  '46523000',
  '109558001',
  '61401005',
  '196731005',
  '74474003',
  '95531001',
];
