import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { drugInteractionsRule } from '@reasoning/rules/drug-interactions';
import type { Finding } from '@reasoning/types';
import { makeDraft, makeInput, makeMedicationRequest, RX } from '../support/fhir-builders';

const run = (chart: fhir4.Resource[], drafts: fhir4.Resource[] = []): Finding[] =>
  drugInteractionsRule.evaluate(normalize(makeInput(chart, drafts))).findings;
const med = (code: string) => makeMedicationRequest({ code });
const draft = (code: string) => makeDraft({ code, id: 'draft1' });

/** Ingredient-level RxNorm codes (knowledge/drugs/ingredients.ts) and the Synthea nitroglycerin spray product. */
const IN = {
  sildenafil: '136411',
  tadalafil: '358263',
  vardenafil: '306674',
  nitroSpray: '705129',
  isdn: '6058',
  ismn: '28004',
  lithium: '6448',
  allopurinol: '519',
  azathioprine: '1256',
  mercaptopurine: '103',
  amiodarone: '703',
  fluconazole: '4450',
  metronidazole: '6922',
  colchicine: '2683',
  omeprazole: '7646',
  esomeprazole: '283742',
} as const;

describe('label interactions: fires with calibrated severity', () => {
  it.each([
    [
      'sildenafil draft for a patient with nitroglycerin spray',
      [med(IN.nitroSpray)],
      [draft(IN.sildenafil)],
      'ddi-pde5-nitrate',
      'critical',
    ],
    [
      'tadalafil draft with isosorbide mononitrate',
      [med(IN.ismn)],
      [draft(IN.tadalafil)],
      'ddi-pde5-nitrate',
      'critical',
    ],
    [
      'isosorbide dinitrate draft with vardenafil on the chart',
      [med(IN.vardenafil)],
      [draft(IN.isdn)],
      'ddi-pde5-nitrate',
      'critical',
    ],
    [
      'sildenafil 100 mg (Viagra) draft with sublingual nitroglycerin tablets',
      [med('198039')],
      [draft('213271')],
      'ddi-pde5-nitrate',
      'critical',
    ],
    [
      'tadalafil 20 mg (Cialis) draft with isosorbide dinitrate 10 mg tablets',
      [med('381056')],
      [draft('402097')],
      'ddi-pde5-nitrate',
      'critical',
    ],
    [
      'sildenafil + nitroglycerin both on the chart',
      [med(IN.sildenafil), med(IN.nitroSpray)],
      [],
      'ddi-pde5-nitrate',
      'warning',
    ],
    ['lithium + ibuprofen draft', [med(IN.lithium)], [draft(RX.ibuprofen400)], 'ddi-lithium-nsaid', 'warning'],
    ['lithium + naproxen on the chart', [med(IN.lithium), med(RX.naproxen500)], [], 'ddi-lithium-nsaid', 'warning'],
    ['lithium + lisinopril draft', [med(IN.lithium)], [draft(RX.lisinopril10)], 'ddi-lithium-raas-thiazide', 'warning'],
    ['lithium + losartan on the chart', [med(IN.lithium), med(RX.losartan50)], [], 'ddi-lithium-raas-thiazide', 'info'],
    [
      'lithium + hydrochlorothiazide draft',
      [med(IN.lithium)],
      [draft('310798')],
      'ddi-lithium-raas-thiazide',
      'warning',
    ],
    [
      'clopidogrel + omeprazole draft',
      [med(RX.clopidogrel75)],
      [draft(IN.omeprazole)],
      'ddi-clopidogrel-omeprazole',
      'warning',
    ],
    [
      'clopidogrel + esomeprazole on the chart',
      [med(RX.clopidogrel75), med(IN.esomeprazole)],
      [],
      'ddi-clopidogrel-omeprazole',
      'info',
    ],
    [
      'allopurinol draft with azathioprine',
      [med(IN.azathioprine)],
      [draft('197319')],
      'ddi-allopurinol-thiopurine',
      'warning',
    ],
    [
      'allopurinol + mercaptopurine on the chart',
      [med(IN.allopurinol), med(IN.mercaptopurine)],
      [],
      'ddi-allopurinol-thiopurine',
      'warning',
    ],
    ['warfarin + amiodarone draft', [med(RX.warfarin5)], [draft(IN.amiodarone)], 'ddi-warfarin-amiodarone', 'warning'],
    [
      'warfarin + amiodarone on the chart',
      [med(RX.warfarin5), med(IN.amiodarone)],
      [],
      'ddi-warfarin-amiodarone',
      'info',
    ],
    [
      'warfarin + fluconazole draft',
      [med(RX.warfarin5)],
      [draft(IN.fluconazole)],
      'ddi-warfarin-fluconazole-metronidazole',
      'warning',
    ],
    [
      'warfarin + metronidazole 500 mg tablet draft',
      [med(RX.warfarin5)],
      [draft('311681')],
      'ddi-warfarin-fluconazole-metronidazole',
      'warning',
    ],
    [
      'Coumadin 5 mg + amiodarone 200 mg tablet draft',
      [med('855334')],
      [draft('833528')],
      'ddi-warfarin-amiodarone',
      'warning',
    ],
    ['Plavix + omeprazole 40 mg draft', [med('213169')], [draft('200329')], 'ddi-clopidogrel-omeprazole', 'warning'],
    [
      'warfarin + metronidazole draft',
      [med(RX.warfarin5)],
      [draft(IN.metronidazole)],
      'ddi-warfarin-fluconazole-metronidazole',
      'warning',
    ],
    ['warfarin + TMP-SMX draft', [med(RX.warfarin5)], [draft(RX.smxTmpDs)], 'ddi-warfarin-tmp-smx', 'warning'],
    [
      'oxycodone/acetaminophen draft with diazepam on the chart',
      [med('563026')],
      [draft('1049221')],
      'ddi-opioid-benzodiazepine',
      'warning',
    ],
    [
      'tramadol + alprazolam (ingredient) both on the chart',
      [med(RX.tramadol50), med('596')],
      [],
      'ddi-opioid-benzodiazepine',
      'info',
    ],
    ['digoxin + amiodarone draft', [med(RX.digoxin)], [draft('833528')], 'ddi-digoxin-amiodarone', 'warning'],
    [
      'methylphenidate draft for a patient on phenelzine (ONC)',
      [med(RX.phenelzine15)],
      [draft('6901')],
      'ddi-maoi-stimulant',
      'critical',
    ],
    [
      'linezolid draft for a patient on sertraline (linezolid is an MAO inhibitor)',
      [med(RX.sertraline50)],
      [draft('311347')],
      'ddi-maoi-ssri-snri',
      'critical',
    ],
    [
      'colchicine + clarithromycin draft',
      [med(IN.colchicine)],
      [draft(RX.clarithromycin500)],
      'ddi-colchicine-strong-cyp3a4',
      'warning',
    ],
  ])('%s', (_name, chart, drafts, ruleId, severity) => {
    const f = run(chart, drafts).filter((x) => x.ruleId === ruleId);
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe(severity);
    expect(f[0]?.family).toBe('drug-interactions');
    expect(f[0]?.summary.length).toBeLessThan(140);
    expect(f[0]?.citations.every((c) => c.year > 2000)).toBe(true);
    expect(f[0]?.draftRefs).toEqual(drafts.length > 0 ? ['MedicationRequest/draft1'] : []);
  });
});

describe('label interactions: does not fire', () => {
  it.each([
    ['sildenafil alone', [], [draft(IN.sildenafil)], 'ddi-pde5-nitrate'],
    [
      'nitroglycerin with a stopped sildenafil order',
      [med(IN.nitroSpray), makeMedicationRequest({ code: IN.sildenafil, status: 'stopped' })],
      [],
      'ddi-pde5-nitrate',
    ],
    ['lithium with acetaminophen', [med(IN.lithium)], [draft('313782')], 'ddi-lithium-nsaid'],
    [
      'lithium with furosemide (a loop diuretic, not a thiazide)',
      [med(IN.lithium)],
      [draft(RX.furosemide40)],
      'ddi-lithium-raas-thiazide',
    ],
    [
      'clopidogrel with pantoprazole',
      [med(RX.clopidogrel75)],
      [draft(RX.pantoprazole40)],
      'ddi-clopidogrel-omeprazole',
    ],
    ['allopurinol alone', [med(IN.allopurinol)], [], 'ddi-allopurinol-thiopurine'],
    [
      'warfarin with azithromycin',
      [med(RX.warfarin5)],
      [draft(RX.azithromycin250)],
      'ddi-warfarin-fluconazole-metronidazole',
    ],
    ['diazepam with acetaminophen', [med('563026')], [draft('313782')], 'ddi-opioid-benzodiazepine'],
    [
      'colchicine with azithromycin (not a strong CYP3A4 inhibitor)',
      [med(IN.colchicine)],
      [draft(RX.azithromycin250)],
      'ddi-colchicine-strong-cyp3a4',
    ],
  ])('%s', (_name, chart, drafts, ruleId) => {
    expect(run(chart, drafts).map((f) => f.ruleId)).not.toContain(ruleId);
  });
});

describe('label interactions: suggestions', () => {
  it('offers pantoprazole instead of a drafted omeprazole for a clopidogrel patient', () => {
    const f = run([med(RX.clopidogrel75)], [draft(IN.omeprazole)]).find(
      (x) => x.ruleId === 'ddi-clopidogrel-omeprazole',
    );
    const create = f?.suggestions.find((s) => s.isRecommended)?.actions.find((a) => a.type === 'create');
    expect(
      create?.type === 'create' &&
        (create.resource as fhir4.MedicationRequest).medicationCodeableConcept?.coding?.[0]?.code,
    ).toBe('314200');
  });

  it('offers to remove a drafted PDE5 inhibitor, naming nitrates in the detail', () => {
    const f = run([med(IN.nitroSpray)], [draft(IN.sildenafil)]).find((x) => x.ruleId === 'ddi-pde5-nitrate');
    expect(f?.suggestions[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: ['MedicationRequest/draft1'] });
    expect(f?.detail).toContain('nitroglycerin');
  });
});
