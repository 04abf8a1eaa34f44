/**
 * RxNorm products → ingredient CUIs. Codes are the ones in our Synthea fixtures (test/fixtures/synthea/README.md)
 * and the demo teaching cases. Display strings here are RxNorm's names, for people only: identity is the code.
 *
 * `src`: `vsac` = listed with this name in VSAC eCQM value sets (canvas-medical/canvas-plugins copy); `pddi` = HL7
 * PDDI-CDS IG value sets; `rxnav` = RxNav answers quoted in public code (e.g. 316672 simvastatin 10 MG, TTY SCDC);
 * `synthea` = Synthea's own coding (a real RxNorm code whose RxNorm name we could not re-check here; the
 * ingredient mapping follows the Synthea module that emits it); `crosscheck` = code/name pair from a public SMART
 * sample medication map (older RxNorm names) that agrees with our VSAC-checked codes, or an HL7 IG value set
 * (fhir-registry-protocols-ig "Antiarrhythmics" for amiodarone).
 */
import type { DrugClassId } from './classes';

export interface Product {
  name: string;
  ingredients: readonly string[];
  route: 'oral' | 'topical' | 'injection' | 'inhalation' | 'transdermal' | 'mucosal' | 'implant' | 'intrauterine';
  src: 'vsac' | 'pddi' | 'rxnav' | 'synthea' | 'crosscheck';
  /** Strength in mg of a single-ingredient product, from its RxNorm name; only set where a rule needs it. */
  strengthMg?: number;
  /** Classes known for the product when its ingredient CUI is not in our table (kept rare; see terfenadine). */
  classes?: readonly DrugClassId[];
}

/**
 * A product whose ingredient has no checked RxNorm ingredient CUI (so it cannot be in ingredients.ts): the product
 * code and name were checked in the source named, and the product carries its class itself.
 */
const classOnly = (name: string, classes: readonly DrugClassId[], src: Product['src']): Product => ({
  name,
  ingredients: [],
  route: 'oral',
  src,
  classes,
});
/** Dexmethylphenidate SCDs: VSAC eCQM value set "Dexmethylphenidate" 2.16.840.1.113883.3.464.1003.1172 (canvas copy). */
const dexmethylphenidate = (name: string): Product => classOnly(name, ['sympathomimetic'], 'vsac');

const p = (name: string, ingredients: readonly string[], route: Product['route'], src: Product['src']): Product => ({
  name,
  ingredients,
  route,
  src,
});

export const PRODUCTS: Readonly<Record<string, Product>> = {
  // Synthea fixtures (codes from the files themselves)
  '855332': p('warfarin sodium 5 MG Oral Tablet', ['11289'], 'oral', 'vsac'),
  '197604': p('digoxin 0.125 MG Oral Tablet', ['3407'], 'oral', 'vsac'),
  '897718': p('verapamil hydrochloride 40 MG', ['11170'], 'oral', 'synthea'),
  '309362': p('clopidogrel 75 MG Oral Tablet', ['32968'], 'oral', 'vsac'),
  '849574': p('naproxen sodium 220 MG Oral Tablet', ['7258'], 'oral', 'synthea'),
  '198014': p('naproxen 500 MG Oral Tablet', ['7258'], 'oral', 'synthea'),
  '860975': p('24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet', ['6809'], 'oral', 'vsac'),
  '316049': p('hydrochlorothiazide 25 MG', ['5487'], 'oral', 'synthea'),
  '315971': p('furosemide 40 MG', ['4603'], 'oral', 'vsac'),
  '1719286': p('10 ML furosemide 10 MG/ML Injection', ['4603'], 'injection', 'vsac'),
  '866414': p('24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]', ['6918'], 'oral', 'synthea'),
  '316672': { ...p('simvastatin 10 MG', ['36567'], 'oral', 'rxnav'), strengthMg: 10 },
  '312961': { ...p('simvastatin 20 MG Oral Tablet', ['36567'], 'oral', 'vsac'), strengthMg: 20 },
  '197361': p('amlodipine 5 MG Oral Tablet', ['17767'], 'oral', 'vsac'),
  '105586': p('methotrexate 10 MG Oral Tablet', ['6851'], 'oral', 'vsac'),
  '563026': p('Diazepam [Valium]', ['3322'], 'oral', 'synthea'),
  '308971': p('Carbamazepine [Tegretol]', ['2002'], 'oral', 'synthea'),
  '861467': p('meperidine hydrochloride 50 MG Oral Tablet', ['6754'], 'oral', 'vsac'),
  '562251': p('amoxicillin 250 MG / clavulanate 125 MG Oral Tablet', ['723', '48203'], 'oral', 'vsac'),
  '309097': p('cefuroxime 250 MG Oral Tablet', ['2194'], 'oral', 'vsac'),
  '311989': p('nitrofurantoin 5 MG/ML Oral Suspension', ['7454'], 'oral', 'vsac'),
  '310965': p('ibuprofen 200 MG Oral Tablet', ['5640'], 'oral', 'pddi'),
  '312617': p('prednisone 5 MG Oral Tablet', ['8640'], 'oral', 'pddi'),
  '834102': p('penicillin V potassium 500 MG Oral Tablet', ['7984'], 'oral', 'vsac'),
  '313782': p('acetaminophen 325 MG Oral Tablet', ['161'], 'oral', 'pddi'),
  '198440': p('acetaminophen 500 MG Oral Tablet', ['161'], 'oral', 'pddi'),
  '1049221': p('acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet', ['161', '7804'], 'oral', 'vsac'),
  '1043400': p(
    'acetaminophen 21.7 MG/ML / dextromethorphan hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution',
    ['161', '3289'],
    'oral',
    'vsac',
  ),
  '106258': p('hydrocortisone 10 MG/ML Topical Cream', ['5492'], 'topical', 'vsac'),
  '1599803': p(
    '24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 28 MG Extended Release Oral Capsule',
    ['135447', '6719'],
    'oral',
    'synthea',
  ),
  '310436': p('galantamine 4 MG Oral Tablet', ['4637'], 'oral', 'synthea'),
  '1803932': p('leucovorin 100 MG Injection', ['6313'], 'injection', 'synthea'),
  '1736776': p('10 ML oxaliplatin 5 MG/ML Injection', ['32592'], 'injection', 'synthea'),
  '835900': p('cycloSPORINE 50 MG Oral Capsule', ['3008'], 'oral', 'synthea'),
  '197319': p('allopurinol 100 MG Oral Tablet', ['519'], 'oral', 'synthea'),
  '1094107': p('phenazopyridine hydrochloride 100 MG Oral Tablet', ['8120'], 'oral', 'synthea'),
  '1804799': p('alteplase 100 MG Injection', ['8410'], 'injection', 'synthea'),
  '705129': p('nitroglycerin 0.4 MG/ACTUAT Mucosal Spray', ['4917'], 'mucosal', 'synthea'),
  '745679': p('200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', ['435'], 'inhalation', 'synthea'),
  '141918': {
    name: 'terfenadine 60 MG Oral Tablet',
    ingredients: [],
    route: 'oral',
    src: 'synthea',
    classes: ['qt-prolonging'],
  },
  // Teaching cases and common orders (demo)
  '197805': p('ibuprofen 400 MG Oral Tablet', ['5640'], 'oral', 'pddi'),
  '197806': p('ibuprofen 600 MG Oral Tablet', ['5640'], 'oral', 'pddi'),
  '197807': p('ibuprofen 800 MG Oral Tablet', ['5640'], 'oral', 'pddi'),
  '308191': p('amoxicillin 500 MG Oral Capsule', ['723'], 'oral', 'vsac'),
  '308182': p('amoxicillin 250 MG Oral Capsule', ['723'], 'oral', 'vsac'),
  '1364445': p('apixaban 5 MG Oral Tablet', ['1364430'], 'oral', 'vsac'),
  '1364435': p('apixaban 2.5 MG Oral Tablet', ['1364430'], 'oral', 'vsac'),
  '1232086': p('rivaroxaban 20 MG Oral Tablet', ['1114195'], 'oral', 'vsac'),
  '1037045': p('dabigatran etexilate 150 MG Oral Capsule', ['1037042'], 'oral', 'vsac'),
  '1599555': p('edoxaban 60 MG Oral Tablet', ['1599538'], 'oral', 'vsac'),
  '1361615': p('heparin sodium, porcine 5000 UNT/ML Injectable Solution', ['5224'], 'injection', 'vsac'),
  '861007': p('metformin hydrochloride 500 MG Oral Tablet', ['6809'], 'oral', 'vsac'),
  '1648759': p('nitrofurantoin, macrocrystals 100 MG Oral Capsule', ['7454'], 'oral', 'vsac'),
  '310431': p('gabapentin 300 MG Oral Capsule', ['25480'], 'oral', 'vsac'),
  '313096': p('spironolactone 25 MG Oral Tablet', ['9997'], 'oral', 'pddi'),
  '351256': p('eplerenone 25 MG Oral Tablet', ['298869'], 'oral', 'vsac'),
  '977880': p('amiloride hydrochloride 5 MG Oral Tablet', ['644'], 'oral', 'vsac'),
  '314076': p('lisinopril 10 MG Oral Tablet', ['29046'], 'oral', 'vsac'),
  '858817': p('enalapril maleate 10 MG Oral Tablet', ['3827'], 'oral', 'vsac'),
  '198189': p('ramipril 5 MG Oral Capsule', ['35296'], 'oral', 'vsac'),
  '979492': p('losartan potassium 50 MG Oral Tablet', ['52175'], 'oral', 'vsac'),
  '349201': p('valsartan 160 MG Oral Tablet', ['69749'], 'oral', 'vsac'),
  '198335': p('sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet', ['10180', '10829'], 'oral', 'vsac'),
  '198332': p('trimethoprim 100 MG Oral Tablet', ['10829'], 'oral', 'vsac'),
  '313988': p('furosemide 40 MG Oral Tablet', ['4603'], 'oral', 'pddi'),
  '310798': p('hydrochlorothiazide 25 MG Oral Tablet', ['5487'], 'oral', 'vsac'),
  '243670': p('aspirin 81 MG Oral Tablet', ['1191'], 'oral', 'vsac'),
  '308416': p('aspirin 81 MG Delayed Release Oral Tablet', ['1191'], 'oral', 'vsac'),
  '152695': p('meloxicam 15 MG Oral Tablet', ['41493'], 'oral', 'pddi'),
  '205323': p('celecoxib 200 MG Oral Capsule', ['140587'], 'oral', 'vsac'),
  '834022': p('ketorolac tromethamine 10 MG Oral Tablet', ['35827'], 'oral', 'pddi'),
  '314200': p('pantoprazole 40 MG Delayed Release Oral Tablet', ['40790'], 'oral', 'vsac'),
  '259966': p('methylprednisolone 4 MG Oral Tablet', ['6902'], 'oral', 'vsac'),
  '312615': p('prednisone 20 MG Oral Tablet', ['8640'], 'oral', 'pddi'),
  '105585': p('methotrexate 2.5 MG Oral Tablet', ['6851'], 'oral', 'vsac'),
  '312941': p('sertraline 50 MG Oral Tablet', ['36437'], 'oral', 'vsac'),
  '310385': p('fluoxetine 20 MG Oral Capsule', ['4493'], 'oral', 'vsac'),
  '200371': p('citalopram 20 MG Oral Tablet', ['2556'], 'oral', 'vsac'),
  '349332': p('escitalopram 10 MG Oral Tablet', ['321988'], 'oral', 'vsac'),
  '313586': p('venlafaxine 75 MG Oral Tablet', ['39786'], 'oral', 'vsac'),
  '596934': p('duloxetine 60 MG Delayed Release Oral Capsule', ['72625'], 'oral', 'vsac'),
  '312347': p('phenelzine 15 MG Oral Tablet', ['8123'], 'oral', 'vsac'),
  '859193': p('selegiline hydrochloride 5 MG Oral Tablet', ['9639'], 'oral', 'vsac'),
  '313447': p('tranylcypromine 10 MG Oral Tablet', ['10734'], 'oral', 'vsac'),
  '311347': p('linezolid 600 MG Oral Tablet', ['190376'], 'oral', 'vsac'),
  '856834': p('amitriptyline hydrochloride 25 MG Oral Tablet', ['704'], 'oral', 'vsac'),
  '835603': p('tramadol hydrochloride 50 MG Oral Tablet', ['10689'], 'oral', 'vsac'),
  '864706': p('methadone hydrochloride 10 MG Oral Tablet', ['6813'], 'oral', 'vsac'),
  '310672': p('haloperidol 5 MG Oral Tablet', ['5093'], 'oral', 'vsac'),
  '308460': p('azithromycin 250 MG Oral Tablet', ['18631'], 'oral', 'vsac'),
  '197517': p('clarithromycin 500 MG Oral Tablet', ['21212'], 'oral', 'vsac'),
  '197650': p('erythromycin 500 MG Oral Tablet', ['4053'], 'oral', 'vsac'),
  '309309': p('ciprofloxacin 500 MG Oral Tablet', ['2551'], 'oral', 'vsac'),
  '199885': p('levofloxacin 500 MG Oral Tablet', ['82122'], 'oral', 'vsac'),
  '311787': p('moxifloxacin 400 MG Oral Tablet', ['139462'], 'oral', 'vsac'),
  '1923426': p('sotalol hydrochloride 80 MG Oral Tablet', ['9947'], 'oral', 'vsac'),
  '903884': p('fluvoxamine maleate 100 MG Oral Tablet', ['42355'], 'oral', 'vsac'),
  '198202': p('rifampin 300 MG Oral Capsule', ['9384'], 'oral', 'vsac'),
  '314231': { ...p('simvastatin 10 MG Oral Tablet', ['36567'], 'oral', 'vsac'), strengthMg: 10 },
  '198211': { ...p('simvastatin 40 MG Oral Tablet', ['36567'], 'oral', 'vsac'), strengthMg: 40 },
  '197904': { ...p('lovastatin 20 MG Oral Tablet', ['6472'], 'oral', 'vsac'), strengthMg: 20 },
  '617311': p('atorvastatin 40 MG Oral Tablet', ['83367'], 'oral', 'vsac'),
  '897722': p('verapamil hydrochloride 40 MG Oral Tablet', ['11170'], 'oral', 'vsac'),
  '831054': p('diltiazem hydrochloride 120 MG Oral Tablet', ['3443'], 'oral', 'vsac'),
  '483450': p('pregabalin 75 MG Oral Capsule', ['187832'], 'oral', 'vsac'),
  '309114': p('cephalexin 500 MG Oral Capsule', ['2231'], 'oral', 'vsac'),
  '1665021': p('ceftriaxone 1000 MG Injection', ['2193'], 'injection', 'vsac'),
  '1665050': p('cefazolin 1000 MG Injection', ['2180'], 'injection', 'vsac'),
  '1664981': p('aztreonam 1000 MG Injection', ['1272'], 'injection', 'vsac'),
  '308212': p('ampicillin 500 MG Oral Capsule', ['733'], 'oral', 'vsac'),
  '1659149': p('piperacillin 4000 MG / tazobactam 500 MG Injection', ['8339'], 'injection', 'vsac'),
  // Label interaction teaching cases (knowledge/drug-interactions-labels.ts)
  '198039': p('nitroglycerin 0.4 MG Sublingual Tablet', ['4917'], 'mucosal', 'crosscheck'),
  '381056': p('isosorbide dinitrate 10 MG Oral Tablet', ['6058'], 'oral', 'crosscheck'),
  '213271': p('sildenafil 100 MG Oral Tablet [Viagra]', ['136411'], 'oral', 'crosscheck'),
  '402097': p('tadalafil 20 MG Oral Tablet [Cialis]', ['358263'], 'oral', 'crosscheck'),
  '311681': p('metronidazole 500 MG Oral Tablet', ['6922'], 'oral', 'crosscheck'),
  '314106': p('metronidazole 250 MG Oral Tablet', ['6922'], 'oral', 'crosscheck'),
  '200329': p('omeprazole 40 MG Delayed Release Oral Capsule', ['7646'], 'oral', 'crosscheck'),
  '833528': p('amiodarone hydrochloride 200 MG Oral Tablet', ['703'], 'oral', 'crosscheck'),
  '855334': p('warfarin sodium 5 MG Oral Tablet [Coumadin]', ['11289'], 'oral', 'crosscheck'),
  '213169': p('clopidogrel 75 MG Oral Tablet [Plavix]', ['32968'], 'oral', 'crosscheck'),
  // Ingredient CUI not checked (knowledge/README.md): products carry the class. Dexmethylphenidate (ONC: MAOI +
  // amphetamine derivatives; Focalin label 4 contraindicates MAOIs).
  '899518': dexmethylphenidate('dexmethylphenidate hydrochloride 5 MG Oral Tablet'),
  '899548': dexmethylphenidate('dexmethylphenidate hydrochloride 10 MG Oral Tablet'),
  '899557': dexmethylphenidate('dexmethylphenidate hydrochloride 2.5 MG Oral Tablet'),
  '899511': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 5 MG Extended Release Oral Capsule'),
  '899439': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 10 MG Extended Release Oral Capsule'),
  '899461': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 15 MG Extended Release Oral Capsule'),
  '899485': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 20 MG Extended Release Oral Capsule'),
  '1101926': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 25 MG Extended Release Oral Capsule'),
  '899495': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 30 MG Extended Release Oral Capsule'),
  '1101932': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 35 MG Extended Release Oral Capsule'),
  '1006608': dexmethylphenidate('24 HR dexmethylphenidate hydrochloride 40 MG Extended Release Oral Capsule'),
  '2562187': dexmethylphenidate('dexmethylphenidate 5.2 MG / serdexmethylphenidate 26.1 MG Oral Capsule'),
  '2562191': dexmethylphenidate('dexmethylphenidate 7.8 MG / serdexmethylphenidate 39.2 MG Oral Capsule'),
  '2562194': dexmethylphenidate('dexmethylphenidate 10.4 MG / serdexmethylphenidate 52.3 MG Oral Capsule'),
  // Cobicistat (Tybost), a strong CYP3A inhibitor in the FDA table of inhibitors: HL7 eCR value set "HIV Infection
  // (ARV Boosters [CYP3A4 Inhibitor])" 2.16.840.1.113762.1.4.1146.1601. Fixed-dose combinations are not listed.
  '1551993': classOnly('cobicistat 150 MG Oral Tablet', ['strong-cyp3a4-inhibitor'], 'crosscheck'),
  '1551999': classOnly('cobicistat 150 MG Oral Tablet [Tybost]', ['strong-cyp3a4-inhibitor'], 'crosscheck'),
};
