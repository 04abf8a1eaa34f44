/**
 * Classic major interactions from US drug labels (contraindications, "avoid" and dose-adjustment statements), kept
 * apart from the ONC list so each table stays reviewable. Same calibration as drug-interactions.ts: critical only
 * for a draft order that would create a contraindicated pair; pairs already on the chart are warning or info.
 */
import type { InteractionEntry } from './drug-interactions';
import { drugLabel } from './drug-label';
import { STALE_ORDER_LIMIT as CHART_LIMIT } from './limitations';

const INR_LIMIT = 'No INR is read by this entry; see the warfarin monitoring finding for the latest INR.';
const ACETAMINOPHEN = {
  code: '313782',
  display: 'Acetaminophen 325 MG Oral Tablet',
  label: 'Replace the NSAID with acetaminophen 325 mg tablets (dose set by the prescriber)',
};

export const LABEL_INTERACTIONS: readonly InteractionEntry[] = [
  {
    id: 'ddi-pde5-nitrate',
    harm: 'severe hypotension (contraindicated)',
    title: 'PDE5 inhibitor + nitrate',
    a: { classes: ['pde5-inhibitor'], label: 'sildenafil/tadalafil/vardenafil' },
    b: { classes: ['nitrate'], label: 'nitroglycerin/isosorbide' },
    oncHighPriority: false,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'PDE5 inhibitors potentiate the vasodilating effect of nitrates (cGMP): profound, sometimes fatal hypotension. Contraindicated with nitrates in any form, taken regularly or as needed (sublingual or spray nitroglycerin included).',
    management:
      'Do not combine. If the patient needs as-needed nitroglycerin for angina, do not start a PDE5 inhibitor. Labels: no nitrate within 24 h of sildenafil or vardenafil, 48 h of tadalafil.',
    citations: [
      drugLabel('Sildenafil (Viagra)', 2017, 'section 4 Contraindications and 7.1 Nitrates'),
      drugLabel('Tadalafil (Cialis)', 2023, 'section 4.1 Nitrates'),
      drugLabel('Vardenafil (Levitra)', 2023, 'section 4.1 Nitrates'),
    ],
    limitations: [
      'As-needed nitroglycerin (spray, sublingual) may not be taken often, but the label contraindication still applies.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-lithium-nsaid',
    harm: 'lithium toxicity risk',
    title: 'Lithium + NSAID',
    a: { ingredients: ['6448'], label: 'lithium' },
    b: { classes: ['nsaid'], label: 'NSAID', excludeRoutes: ['topical'] },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'NSAIDs reduce renal lithium clearance; steady-state lithium levels rise (by about 20 % or more in label studies): tremor, confusion, ataxia, arrhythmia.',
    management:
      'Prefer acetaminophen. If an NSAID is needed, check a lithium level within about 5 days and watch for toxicity.',
    alternative: ACETAMINOPHEN,
    citations: [drugLabel('Lithium carbonate', 2022, 'section 7 Drug interactions (NSAIDs)')],
    limitations: [
      'No lithium level is read.',
      'Over-the-counter NSAIDs are often missing from the record.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-lithium-raas-thiazide',
    harm: 'lithium toxicity risk',
    title: 'Lithium + ACE inhibitor/ARB/thiazide',
    a: { ingredients: ['6448'], label: 'lithium' },
    b: { classes: ['ace-inhibitor', 'arb', 'thiazide'], label: 'ACE inhibitor/ARB/thiazide' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'ACE inhibitors, ARBs and thiazide diuretics reduce renal lithium clearance (sodium depletion): lithium levels rise and toxicity follows.',
    management:
      'When starting one of these, check a lithium level within about a week and consider a lower lithium dose; long-standing combinations need regular levels.',
    citations: [drugLabel('Lithium carbonate', 2022, 'section 7 Drug interactions (ACE inhibitors, ARBs, diuretics)')],
    limitations: [
      'No lithium level is read.',
      'Long-standing combinations monitored with levels are common: shown as information unless a new order creates them.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-clopidogrel-omeprazole',
    harm: 'reduced antiplatelet effect',
    title: 'Clopidogrel + omeprazole/esomeprazole',
    a: { ingredients: ['32968'], label: 'clopidogrel' },
    b: { ingredients: ['7646', '283742'], label: 'omeprazole/esomeprazole' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Omeprazole and esomeprazole inhibit CYP2C19 and reduce formation of clopidogrel’s active metabolite (about 45 % lower exposure, less platelet inhibition).',
    management:
      'Clopidogrel label: avoid concomitant omeprazole or esomeprazole. If a PPI is needed, consider pantoprazole, which has less effect on CYP2C19.',
    alternative: {
      code: '314200',
      display: 'pantoprazole 40 MG Delayed Release Oral Tablet',
      label: 'Replace with pantoprazole 40 mg delayed-release tablets (dose set by the prescriber)',
    },
    citations: [drugLabel('Clopidogrel (Plavix)', 2022, 'section 5.1 and 7.1 CYP2C19 inhibitors')],
    limitations: ['Clinical outcome data are mixed; the label advice rests on pharmacodynamic studies.', CHART_LIMIT],
  },
  {
    id: 'ddi-allopurinol-thiopurine',
    harm: 'thiopurine toxicity (bone marrow suppression)',
    title: 'Allopurinol + azathioprine/mercaptopurine',
    a: { ingredients: ['519'], label: 'allopurinol' },
    b: { classes: ['thiopurine'], label: 'azathioprine/mercaptopurine' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'Xanthine oxidase inactivates azathioprine and mercaptopurine; allopurinol blocks it and thiopurine exposure rises several-fold: severe, potentially fatal myelosuppression.',
    management:
      'Azathioprine and mercaptopurine labels: reduce the thiopurine dose to one-third or one-quarter of usual and monitor blood counts closely.',
    citations: [
      drugLabel('Azathioprine (Imuran)', 2018, 'section 7 Drug interactions (allopurinol)'),
      drugLabel('Mercaptopurine (Purixan)', 2020, 'section 2.4 and 7.1 Allopurinol'),
    ],
    limitations: ['Dose is not read: an already reduced thiopurine dose still shows this finding.', CHART_LIMIT],
  },
  {
    id: 'ddi-warfarin-amiodarone',
    harm: 'INR rise, bleeding risk',
    title: 'Warfarin + amiodarone',
    a: { classes: ['vka'], label: 'warfarin' },
    b: { ingredients: ['703'], label: 'amiodarone' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Amiodarone inhibits CYP2C9/CYP3A4/CYP1A2 and raises warfarin exposure; the INR rises over weeks and the effect persists for months after amiodarone stops.',
    management:
      'Amiodarone label: reduce warfarin dose by one-third to one-half when starting amiodarone and check INR weekly for the first weeks.',
    citations: [
      drugLabel('Amiodarone (Pacerone)', 2018, 'section 7 Drug interactions (warfarin)'),
      drugLabel('Warfarin (Coumadin)', 2022, 'section 7 Drug interactions'),
    ],
    limitations: [INR_LIMIT, CHART_LIMIT],
  },
  {
    id: 'ddi-warfarin-fluconazole-metronidazole',
    harm: 'INR rise, bleeding risk',
    title: 'Warfarin + fluconazole/metronidazole',
    a: { classes: ['vka'], label: 'warfarin' },
    b: { ingredients: ['4450', '6922'], label: 'fluconazole/metronidazole' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Fluconazole and metronidazole inhibit CYP2C9, the main route of S-warfarin clearance: the INR can double within days.',
    management:
      'Prefer an anti-infective without CYP2C9 inhibition; otherwise check INR within 3–5 days and consider a lower warfarin dose during the course.',
    citations: [
      drugLabel('Warfarin (Coumadin)', 2022, 'section 7.1 CYP450 interactions (CYP2C9 inhibitors)'),
      drugLabel('Fluconazole (Diflucan)', 2023, 'section 7 Drug interactions (coumarin-type anticoagulants)'),
    ],
    limitations: [
      'Single-dose fluconazole (vaginal candidiasis) carries less risk than a course.',
      INR_LIMIT,
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-warfarin-tmp-smx',
    harm: 'INR rise, bleeding risk',
    title: 'Warfarin + sulfamethoxazole/trimethoprim',
    a: { classes: ['vka'], label: 'warfarin' },
    b: { classes: ['sulfonamide-antibiotic'], label: 'sulfamethoxazole/trimethoprim' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Sulfamethoxazole inhibits CYP2C9 and displaces warfarin from albumin: the INR rises within days; bleeding admissions increase after co-prescription.',
    management:
      'Prefer another antibiotic per culture; if unavoidable, check INR within 3–5 days and consider a lower warfarin dose.',
    citations: [
      drugLabel('Sulfamethoxazole and trimethoprim (Bactrim)', 2021, 'section Drug interactions (warfarin)'),
      drugLabel('Warfarin (Coumadin)', 2022, 'section 7.1 CYP450 interactions'),
    ],
    limitations: [INR_LIMIT, CHART_LIMIT],
  },
  {
    id: 'ddi-colchicine-strong-cyp3a4',
    harm: 'colchicine toxicity (fatal cases reported)',
    title: 'Colchicine + strong CYP3A4/P-gp inhibitor',
    modifier: 'colchicine-renal',
    a: { ingredients: ['2683'], label: 'colchicine' },
    b: { classes: ['strong-cyp3a4-inhibitor'], label: 'clarithromycin/ketoconazole/itraconazole/ritonavir' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'Strong CYP3A4 and P-gp inhibitors (clarithromycin above all) raise colchicine levels: neuromuscular toxicity, pancytopenia, multi-organ failure; fatal cases are reported.',
    management:
      'Colchicine label: contraindicated with these inhibitors in renal or hepatic impairment; otherwise reduce the colchicine dose (e.g. 0.3 mg daily for gout prophylaxis) or choose another anti-infective.',
    citations: [
      drugLabel(
        'Colchicine (Colcrys)',
        2020,
        'section 2.4 Dose modification with interacting drugs, 4 Contraindications and 8.6 Renal impairment',
      ),
    ],
    limitations: [
      'Renal impairment raises the finding to critical (label contraindication); hepatic impairment, which contraindicates it too, is not read.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-opioid-benzodiazepine',
    harm: 'respiratory depression, sedation (boxed warning)',
    title: 'Opioid + benzodiazepine',
    a: { classes: ['opioid'], label: 'opioid' },
    b: { classes: ['benzodiazepine'], label: 'benzodiazepine' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Opioids and benzodiazepines together cause profound sedation, respiratory depression, coma and death (FDA boxed warning on both classes, 2016); overdose deaths are several-fold higher with the combination.',
    management:
      'Prescribe together only when alternatives are inadequate; use the lowest doses and shortest duration, counsel on sedation and breathing, consider naloxone. CDC 2022: avoid concurrent use where possible.',
    citations: [
      {
        title:
          'FDA Drug Safety Communication: FDA warns about serious risks and death when combining opioid pain or cough medicines with benzodiazepines; requires its strongest warning',
        url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or',
        year: 2016,
      },
      {
        title:
          'Dowell D, et al. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(3):1-95 (recommendation 11)',
        url: 'https://doi.org/10.15585/mmwr.rr7103a1',
        year: 2022,
      },
    ],
    limitations: [
      'Z-drugs (zolpidem and others) and benzodiazepines without a verified code are not matched (knowledge README).',
      CHART_LIMIT,
    ],
  },
  {
    // Rifampin and carbamazepine induce both CYP3A4 and P-gp; every DOAC label says to avoid rifampin, and the EHRA
    // guide extends "avoid" to carbamazepine for all four.
    id: 'ddi-doac-inducer',
    harm: 'loss of anticoagulant effect (stroke/VTE risk)',
    title: 'DOAC + strong CYP3A4/P-gp inducer',
    a: { classes: ['doac'], label: 'apixaban/rivaroxaban/dabigatran/edoxaban' },
    b: { classes: ['pgp-strong-cyp3a4-inducer'], label: 'rifampin/carbamazepine/phenytoin/St John’s wort' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'Combined P-gp and strong CYP3A4 induction lowers DOAC exposure by about half or more (rifampin: apixaban AUC −54 %, rivaroxaban −50 %): the patient is left without effective anticoagulation.',
    management:
      'Avoid the combination: choose another antibiotic/antiepileptic, or another anticoagulant (warfarin with close INR monitoring, or heparin) while the inducer is needed and for about 2 weeks after it stops.',
    citations: [
      drugLabel('Apixaban (Eliquis)', 2021, 'section 7.2 Combined P-gp and strong CYP3A4 inducers'),
      drugLabel('Rivaroxaban (Xarelto)', 2023, 'section 7.2 Drugs that induce CYP3A and P-gp'),
      {
        title:
          'Steffel J, et al. 2021 European Heart Rhythm Association Practical Guide on the use of non-vitamin K antagonist oral anticoagulants in patients with atrial fibrillation. Europace 2021;23(10):1612-76',
        url: 'https://doi.org/10.1093/europace/euab065',
        year: 2021,
      },
    ],
    limitations: [
      "Strong inducers matched: rifampin, carbamazepine, phenytoin, St John's wort (FDA table); phenobarbital and other moderate inducers are not.",
      CHART_LIMIT,
    ],
  },
  {
    // FDA 2011: simvastatin with amlodipine or ranolazine ≤ 20 mg/day; the amiodarone cap, briefly 10 mg, was restored
    // to 20 mg the same year. Lovastatin's label has no amlodipine cap, so only simvastatin is matched here.
    id: 'ddi-simvastatin-amlodipine-amiodarone',
    harm: 'statin dose above the label cap (simvastatin 20 mg)',
    title: 'Simvastatin + amlodipine/amiodarone',
    modifier: 'statin-dose-cap',
    statinCaps: { '36567': 20 },
    a: { ingredients: ['36567'], label: 'simvastatin' },
    b: { ingredients: ['17767', '703'], label: 'amlodipine/amiodarone' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Amlodipine and amiodarone raise simvastatin exposure; myopathy and rhabdomyolysis risk rises with the simvastatin dose.',
    management:
      'Simvastatin label: do not exceed 20 mg daily with amlodipine or amiodarone; or switch to a statin less dependent on CYP3A4.',
    citations: [
      drugLabel('Simvastatin (Zocor)', 2023, 'section 2 Dosage modifications due to drug interactions'),
      {
        title:
          'FDA Drug Safety Communication: New restrictions, contraindications, and dose limitations for Zocor (simvastatin) to reduce the risk of muscle injury (2011-06-08)',
        url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-new-restrictions-contraindications-and-dose-limitations-zocor-simvastatin',
        year: 2011,
      },
    ],
    limitations: [
      'Only the product strength is compared with the cap (most orders carry no dosage); two tablets a day are not seen.',
      'Ranolazine (same 20 mg cap) is not in the drug table yet.',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-simvastatin-cyclosporine',
    harm: 'myopathy/rhabdomyolysis risk (contraindicated)',
    title: 'Simvastatin + cyclosporine',
    a: { ingredients: ['36567'], label: 'simvastatin' },
    b: { ingredients: ['3008'], label: 'cyclosporine' },
    oncHighPriority: false,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Cyclosporine raises simvastatin acid exposure several-fold (OATP1B1 and CYP3A4 inhibition): myopathy and rhabdomyolysis.',
    management:
      'Contraindicated per the simvastatin label (as are gemfibrozil and danazol). Use another statin at a low dose with the label limits for cyclosporine (e.g. pravastatin, fluvastatin).',
    citations: [
      drugLabel(
        'Simvastatin (Zocor)',
        2023,
        'section 4 Contraindications (cyclosporine, gemfibrozil, danazol) and 7 Drug interactions',
      ),
      {
        title:
          'FDA Drug Safety Communication: New restrictions, contraindications, and dose limitations for Zocor (simvastatin) to reduce the risk of muscle injury (2011-06-08)',
        url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-new-restrictions-contraindications-and-dose-limitations-zocor-simvastatin',
        year: 2011,
      },
    ],
    limitations: [
      'Gemfibrozil and danazol, contraindicated with simvastatin by the same label section, are not in the drug table yet (RxNorm codes not verified).',
      CHART_LIMIT,
    ],
  },
  {
    id: 'ddi-digoxin-amiodarone',
    harm: 'digoxin toxicity risk',
    title: 'Digoxin + amiodarone',
    a: { classes: ['cardiac-glycoside'], label: 'digoxin' },
    b: { ingredients: ['703'], label: 'amiodarone' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Amiodarone inhibits P-gp and raises serum digoxin (often about doubling it), and both slow AV conduction: bradycardia, heart block, digoxin toxicity.',
    management:
      'Digoxin label: when starting amiodarone, reduce the digoxin dose by about 30–50 % (or hold it) and check a digoxin level and heart rate.',
    citations: [
      drugLabel('Digoxin (Lanoxin)', 2020, 'section 7.1 P-gp inhibitors (amiodarone)'),
      drugLabel('Amiodarone (Pacerone)', 2018, 'section 7 Drug interactions (digoxin)'),
    ],
    limitations: [
      'No digoxin level is read.',
      'Long-standing stable combinations are shown as information unless a new order creates them.',
      CHART_LIMIT,
    ],
  },
];
