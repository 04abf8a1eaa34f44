/**
 * Drug class ids: stable strings other rules and helpers use (keep these names). Membership lives on the ingredient
 * table (ingredients.ts); each class here says what it means and where its membership comes from.
 */
import type { Citations } from '../../types';

export const DRUG_CLASS_IDS = [
  'vka',
  'doac',
  'heparin',
  'antiplatelet',
  'nsaid',
  'ssri',
  'snri',
  'maoi',
  'tca',
  'triptan',
  'serotonergic-opioid',
  'opioid',
  'qt-prolonging',
  'strong-cyp3a4-inhibitor',
  'moderate-cyp3a4-inhibitor',
  'strong-cyp3a4-inducer',
  'cyp1a2-inhibitor',
  'statin',
  'statin-cyp3a4',
  'ace-inhibitor',
  'arb',
  'potassium-sparing-diuretic',
  'aldosterone-antagonist',
  'potassium-supplement',
  'loop-diuretic',
  'thiazide',
  'biguanide',
  'gabapentinoid',
  'nitrofuran',
  'ppi',
  'systemic-corticosteroid',
  'penicillin',
  'cephalosporin',
  'carbapenem',
  'monobactam',
  'beta-lactam',
  'sulfonamide-antibiotic',
  'cardiac-glycoside',
  'non-dhp-calcium-channel-blocker',
  'beta-blocker',
  'benzodiazepine',
  'antifolate',
  'folate-antagonist-antibiotic',
  'hiv-protease-inhibitor',
  'pde5-inhibitor',
  'nitrate',
  'thiopurine',
  'nonselective-beta-blocker',
  'sympathomimetic',
  'serotonergic-antidepressant',
  'ergot-alkaloid',
  'xanthine-oxidase-inhibitor',
  'pgp-strong-cyp3a4-inhibitor',
  'pgp-strong-cyp3a4-inducer',
  'salicylate',
  'cox2-selective',
  'sulfonamide-nonantibiotic',
] as const;

export type DrugClassId = (typeof DRUG_CLASS_IDS)[number];

export interface DrugClass {
  id: DrugClassId;
  name: string;
  /** ATC code of the matching group where one exists (WHO ATC/DDD index). */
  atc?: string;
}

export const ATC_CITATION = {
  title: 'WHO Collaborating Centre for Drug Statistics Methodology. ATC/DDD Index',
  url: 'https://atcddd.fhi.no/atc_ddd_index/',
  year: 2024,
};

export const CLASS_CITATIONS: Citations = [
  ATC_CITATION,
  {
    title: 'FDA. Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers',
    url: 'https://www.fda.gov/drugs/drug-interactions-labeling/healthcare-professionals-fdas-examples-drugs-interact-cyp-enzymes-and-transporter-systems',
    year: 2023,
  },
  { title: 'CredibleMeds QTdrugs list (Known Risk of TdP category)', url: 'https://crediblemeds.org', year: 2024 },
];

export const DRUG_CLASSES: Readonly<Record<DrugClassId, DrugClass>> = {
  vka: { id: 'vka', name: 'vitamin K antagonist', atc: 'B01AA' },
  doac: { id: 'doac', name: 'direct oral anticoagulant', atc: 'B01AE/B01AF' },
  heparin: { id: 'heparin', name: 'heparin or low-molecular-weight heparin', atc: 'B01AB' },
  antiplatelet: { id: 'antiplatelet', name: 'antiplatelet agent', atc: 'B01AC' },
  nsaid: { id: 'nsaid', name: 'NSAID', atc: 'M01A' },
  ssri: { id: 'ssri', name: 'SSRI', atc: 'N06AB' },
  snri: { id: 'snri', name: 'SNRI', atc: 'N06AX' },
  maoi: { id: 'maoi', name: 'monoamine oxidase inhibitor (incl. linezolid)', atc: 'N06AF/N06AG/N04BD' },
  tca: { id: 'tca', name: 'tricyclic antidepressant', atc: 'N06AA' },
  triptan: { id: 'triptan', name: 'triptan', atc: 'N02CC' },
  'serotonergic-opioid': { id: 'serotonergic-opioid', name: 'serotonergic opioid or dextromethorphan' },
  opioid: { id: 'opioid', name: 'opioid', atc: 'N02A' },
  'qt-prolonging': { id: 'qt-prolonging', name: 'QT-prolonging drug (known risk of torsades)' },
  'strong-cyp3a4-inhibitor': { id: 'strong-cyp3a4-inhibitor', name: 'strong CYP3A4 inhibitor' },
  'moderate-cyp3a4-inhibitor': { id: 'moderate-cyp3a4-inhibitor', name: 'moderate CYP3A4 inhibitor' },
  'strong-cyp3a4-inducer': { id: 'strong-cyp3a4-inducer', name: 'strong CYP3A4 inducer' },
  'cyp1a2-inhibitor': { id: 'cyp1a2-inhibitor', name: 'strong CYP1A2 inhibitor' },
  statin: { id: 'statin', name: 'HMG-CoA reductase inhibitor (statin)', atc: 'C10AA' },
  'statin-cyp3a4': { id: 'statin-cyp3a4', name: 'CYP3A4-dependent statin (simvastatin, lovastatin)' },
  'ace-inhibitor': { id: 'ace-inhibitor', name: 'ACE inhibitor', atc: 'C09A' },
  arb: { id: 'arb', name: 'angiotensin II receptor blocker', atc: 'C09C' },
  'potassium-sparing-diuretic': { id: 'potassium-sparing-diuretic', name: 'potassium-sparing diuretic', atc: 'C03D' },
  'aldosterone-antagonist': { id: 'aldosterone-antagonist', name: 'aldosterone antagonist', atc: 'C03DA' },
  'potassium-supplement': { id: 'potassium-supplement', name: 'potassium supplement', atc: 'A12BA' },
  'loop-diuretic': { id: 'loop-diuretic', name: 'loop diuretic', atc: 'C03CA' },
  thiazide: { id: 'thiazide', name: 'thiazide diuretic', atc: 'C03AA' },
  biguanide: { id: 'biguanide', name: 'biguanide', atc: 'A10BA' },
  gabapentinoid: { id: 'gabapentinoid', name: 'gabapentinoid' },
  nitrofuran: { id: 'nitrofuran', name: 'nitrofuran antibacterial', atc: 'J01XE' },
  ppi: { id: 'ppi', name: 'proton pump inhibitor', atc: 'A02BC' },
  'systemic-corticosteroid': { id: 'systemic-corticosteroid', name: 'systemic corticosteroid', atc: 'H02AB' },
  penicillin: { id: 'penicillin', name: 'penicillin', atc: 'J01C' },
  cephalosporin: { id: 'cephalosporin', name: 'cephalosporin', atc: 'J01DB-J01DE' },
  carbapenem: { id: 'carbapenem', name: 'carbapenem', atc: 'J01DH' },
  monobactam: { id: 'monobactam', name: 'monobactam', atc: 'J01DF' },
  'beta-lactam': { id: 'beta-lactam', name: 'beta-lactam antibacterial' },
  'sulfonamide-antibiotic': { id: 'sulfonamide-antibiotic', name: 'sulfonamide antibacterial', atc: 'J01E' },
  'cardiac-glycoside': { id: 'cardiac-glycoside', name: 'cardiac glycoside', atc: 'C01AA' },
  'non-dhp-calcium-channel-blocker': {
    id: 'non-dhp-calcium-channel-blocker',
    name: 'non-dihydropyridine calcium-channel blocker',
    atc: 'C08D',
  },
  'beta-blocker': { id: 'beta-blocker', name: 'beta blocker', atc: 'C07A' },
  benzodiazepine: { id: 'benzodiazepine', name: 'benzodiazepine', atc: 'N05BA' },
  antifolate: { id: 'antifolate', name: 'antifolate antimetabolite (methotrexate)', atc: 'L01BA/L04AX' },
  'folate-antagonist-antibiotic': {
    id: 'folate-antagonist-antibiotic',
    name: 'folate-antagonist antibacterial (trimethoprim)',
    atc: 'J01EA',
  },
  'hiv-protease-inhibitor': { id: 'hiv-protease-inhibitor', name: 'HIV protease inhibitor', atc: 'J05AE' },
  'pde5-inhibitor': { id: 'pde5-inhibitor', name: 'phosphodiesterase-5 inhibitor', atc: 'G04BE03/G04BE08/G04BE09' },
  nitrate: { id: 'nitrate', name: 'organic nitrate', atc: 'C01DA' },
  'nonselective-beta-blocker': {
    id: 'nonselective-beta-blocker',
    name: 'non-selective beta blocker (beta-2 blockade)',
    atc: 'C07AA/C07AG',
  },
  sympathomimetic: {
    id: 'sympathomimetic',
    name: 'amphetamine-type stimulant or indirect sympathomimetic (incl. atomoxetine)',
    atc: 'N06BA/R01BA',
  },
  'serotonergic-antidepressant': {
    id: 'serotonergic-antidepressant',
    name: 'other serotonergic antidepressant (trazodone, nefazodone, vilazodone, vortioxetine, mirtazapine, St John’s wort)',
    atc: 'N06AX',
  },
  'ergot-alkaloid': { id: 'ergot-alkaloid', name: 'ergot alkaloid', atc: 'N02CA' },
  'xanthine-oxidase-inhibitor': {
    id: 'xanthine-oxidase-inhibitor',
    name: 'non-purine xanthine oxidase inhibitor (febuxostat)',
    atc: 'M04AA03',
  },
  'pgp-strong-cyp3a4-inhibitor': {
    id: 'pgp-strong-cyp3a4-inhibitor',
    name: 'combined P-gp and strong CYP3A4 inhibitor (DOAC labels)',
  },
  'pgp-strong-cyp3a4-inducer': {
    id: 'pgp-strong-cyp3a4-inducer',
    name: 'combined P-gp and strong CYP3A4 inducer (DOAC labels)',
  },
  salicylate: { id: 'salicylate', name: 'salicylate (aspirin), for NSAID cross-reactivity', atc: 'N02BA' },
  'cox2-selective': { id: 'cox2-selective', name: 'COX-2 selective NSAID (coxib)', atc: 'M01AH' },
  'sulfonamide-nonantibiotic': {
    id: 'sulfonamide-nonantibiotic',
    name: 'non-antibiotic sulfonamide (loop/thiazide diuretic, celecoxib)',
  },
  thiopurine: { id: 'thiopurine', name: 'thiopurine (azathioprine, mercaptopurine)', atc: 'L04AX01/L01BB02' },
};
