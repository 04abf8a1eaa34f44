/**
 * The complete ONC high-priority classes (Phansalkar 2012): every class member named in the paper and labels that
 * has a verified code, through the whole engine, from FHIR orders as an EHR sends them (ingredient-coded orders
 * with their RxNorm names, product codes where our tables hold them).
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { Finding } from '@reasoning/types';
import { makeDraft, makeInput, makeMedicationRequest, RX } from '../support/fhir-builders';

const IN = {
  linezolid: ['190376', 'linezolid'],
  methyleneBlue: ['6878', 'methylene blue'],
  selegiline: ['9639', 'selegiline'],
  rasagiline: ['134748', 'rasagiline'],
  isocarboxazid: ['6011', 'isocarboxazid'],
  tranylcypromine: ['10734', 'tranylcypromine'],
  phenelzine: ['8123', 'phenelzine'],
  procarbazine: ['8702', 'procarbazine'],
  duloxetine: ['72625', 'duloxetine'],
  desvenlafaxine: ['734064', 'desvenlafaxine'],
  levomilnacipran: ['1433212', 'levomilnacipran'],
  trazodone: ['10737', 'trazodone'],
  vilazodone: ['1086769', 'vilazodone'],
  vortioxetine: ['1455099', 'vortioxetine'],
  stJohnsWort: ['258326', "St. John's wort extract"],
  imipramine: ['5691', 'imipramine'],
  rizatriptan: ['88014', 'rizatriptan'],
  tapentadol: ['787390', 'tapentadol'],
  dextromethorphan: ['3289', 'dextromethorphan'],
  lisdexamfetamine: ['700810', 'lisdexamfetamine'],
  amphetamine: ['725', 'amphetamine'],
  pseudoephedrine: ['8896', 'pseudoephedrine'],
  atomoxetine: ['38400', 'atomoxetine'],
  phentermine: ['8152', 'phentermine'],
  bupropion: ['42347', 'bupropion'],
  febuxostat: ['73689', 'febuxostat'],
  azathioprine: ['1256', 'azathioprine'],
  mercaptopurine: ['103', 'mercaptopurine'],
  ramelteon: ['596205', 'ramelteon'],
  fluvoxamine: ['42355', 'fluvoxamine'],
  ciprofloxacin: ['2551', 'ciprofloxacin'],
  tizanidine: ['57258', 'tizanidine'],
  dihydroergotamine: ['3418', 'dihydroergotamine'],
  ergotamine: ['4025', 'ergotamine'],
  ritonavir: ['85762', 'ritonavir'],
  darunavir: ['460132', 'darunavir'],
  irinotecan: ['51499', 'irinotecan'],
  voriconazole: ['121243', 'voriconazole'],
  posaconazole: ['282446', 'posaconazole'],
  rifampin: ['9384', 'rifampin'],
  phenytoin: ['8183', 'phenytoin'],
  nefazodone: ['31565', 'nefazodone'],
  acetaminophen: ['161', 'acetaminophen'],
} as const;
type Drug = readonly [string, string];

const chart = ([code, display]: Drug) => makeMedicationRequest({ code, display });
const draft = ([code, display]: Drug) => makeDraft({ code, display, id: 'draft1' });
const findings = (onChart: Drug[], drafted: Drug[]): Finding[] =>
  runEngine(makeInput(onChart.map(chart), drafted.map(draft))).findings.filter((f) => f.family === 'drug-interactions');

describe('ONC high-priority pairs: a draft that would create the pair is critical', () => {
  it.each([
    ['linezolid (MAOI) ordered for a patient on duloxetine', IN.duloxetine, IN.linezolid, 'ddi-maoi-ssri-snri'],
    [
      'methylene blue ordered for a patient on desvenlafaxine',
      IN.desvenlafaxine,
      IN.methyleneBlue,
      'ddi-maoi-ssri-snri',
    ],
    ['levomilnacipran ordered on selegiline', IN.selegiline, IN.levomilnacipran, 'ddi-maoi-ssri-snri'],
    ['trazodone ordered on phenelzine', IN.phenelzine, IN.trazodone, 'ddi-maoi-serotonergic-antidepressant'],
    ['vilazodone ordered on rasagiline', IN.rasagiline, IN.vilazodone, 'ddi-maoi-serotonergic-antidepressant'],
    [
      'vortioxetine ordered on isocarboxazid',
      IN.isocarboxazid,
      IN.vortioxetine,
      'ddi-maoi-serotonergic-antidepressant',
    ],
    ["St John's wort on tranylcypromine", IN.tranylcypromine, IN.stJohnsWort, 'ddi-maoi-serotonergic-antidepressant'],
    ['imipramine ordered on phenelzine', IN.phenelzine, IN.imipramine, 'ddi-maoi-tca'],
    ['rizatriptan ordered on phenelzine', IN.phenelzine, IN.rizatriptan, 'ddi-maoi-triptan'],
    ['tapentadol ordered on selegiline', IN.selegiline, IN.tapentadol, 'ddi-maoi-opioid'],
    ['dextromethorphan ordered on linezolid', IN.linezolid, IN.dextromethorphan, 'ddi-maoi-opioid'],
    ['lisdexamfetamine ordered on tranylcypromine', IN.tranylcypromine, IN.lisdexamfetamine, 'ddi-maoi-stimulant'],
    ['amphetamine ordered on phenelzine', IN.phenelzine, IN.amphetamine, 'ddi-maoi-stimulant'],
    ['pseudoephedrine ordered on rasagiline', IN.rasagiline, IN.pseudoephedrine, 'ddi-maoi-stimulant'],
    ['atomoxetine ordered on selegiline', IN.selegiline, IN.atomoxetine, 'ddi-maoi-stimulant'],
    ['phentermine ordered on isocarboxazid', IN.isocarboxazid, IN.phentermine, 'ddi-maoi-stimulant'],
    ['bupropion ordered on phenelzine', IN.phenelzine, IN.bupropion, 'ddi-maoi-bupropion'],
    ['procarbazine ordered on tranylcypromine', IN.tranylcypromine, IN.procarbazine, 'ddi-maoi-procarbazine'],
    ['linezolid ordered on phenelzine', IN.phenelzine, IN.linezolid, 'ddi-maoi-maoi'],
    ['febuxostat ordered on azathioprine', IN.azathioprine, IN.febuxostat, 'ddi-febuxostat-thiopurine'],
    ['mercaptopurine ordered on febuxostat', IN.febuxostat, IN.mercaptopurine, 'ddi-febuxostat-thiopurine'],
    ['fluvoxamine ordered on ramelteon', IN.ramelteon, IN.fluvoxamine, 'ddi-ramelteon-cyp1a2'],
    ['ciprofloxacin ordered on ramelteon', IN.ramelteon, IN.ciprofloxacin, 'ddi-ramelteon-cyp1a2'],
    ['ciprofloxacin ordered on tizanidine', IN.tizanidine, IN.ciprofloxacin, 'ddi-tizanidine-cyp1a2'],
    ['dihydroergotamine ordered on ritonavir', IN.ritonavir, IN.dihydroergotamine, 'ddi-ergot-cyp3a4-inhibitor'],
    ['ergotamine ordered on darunavir (protease inhibitor)', IN.darunavir, IN.ergotamine, 'ddi-ergot-cyp3a4-inhibitor'],
    ['voriconazole ordered on irinotecan', IN.irinotecan, IN.voriconazole, 'ddi-irinotecan-strong-cyp3a4'],
    ['posaconazole ordered on irinotecan', IN.irinotecan, IN.posaconazole, 'ddi-irinotecan-strong-cyp3a4'],
    ['rifampin ordered on darunavir', IN.darunavir, IN.rifampin, 'ddi-protease-inhibitor-cyp3a4-inducer'],
    ['phenytoin ordered on ritonavir', IN.ritonavir, IN.phenytoin, 'ddi-protease-inhibitor-cyp3a4-inducer'],
    [
      'darunavir ordered on simvastatin 20 mg',
      [RX.simvastatin20, 'simvastatin 20 MG Oral Tablet'] as const,
      IN.darunavir,
      'ddi-statin-protease-inhibitor',
    ],
    [
      'nefazodone ordered on simvastatin',
      [RX.simvastatin20, 'simvastatin 20 MG Oral Tablet'] as const,
      IN.nefazodone,
      'ddi-simvastatin-strong-cyp3a4',
    ],
  ] as const)('%s', (_name, onChart, drafted, ruleId) => {
    const f = findings([onChart], [drafted]).filter((x) => x.ruleId === ruleId);
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('critical');
    expect(f[0]?.draftRefs).toEqual(['MedicationRequest/draft1']);
    expect(f[0]?.citations.map((c) => c.title).join(' ')).toMatch(/Phansalkar/);
    expect(f[0]?.suggestions[0]?.actions[0]).toMatchObject({
      type: 'delete',
      resourceId: ['MedicationRequest/draft1'],
    });
  });
});

describe('ONC high-priority pairs: chart-only and non-pairs', () => {
  it('a long-standing MAOI + SNRI pair already on the chart is a warning, not an interruption', () => {
    const f = findings([IN.phenelzine, IN.duloxetine], []).filter((x) => x.ruleId === 'ddi-maoi-ssri-snri');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.draftRefs).toEqual([]);
  });

  it('acetaminophen on an MAOI raises nothing', () => {
    expect(findings([IN.phenelzine], [IN.acetaminophen])).toEqual([]);
  });

  it('atorvastatin 40 mg with a clarithromycin order is a warning above the 20 mg label cap, not a contraindication', () => {
    const f = findings(
      [['617311', 'atorvastatin 40 MG Oral Tablet']],
      [[RX.clarithromycin500, 'clarithromycin 500 MG Oral Tablet']],
    );
    const hit = f.filter((x) => x.ruleId === 'ddi-atorvastatin-strong-cyp3a4');
    expect(hit.map((x) => x.severity)).toEqual(['warning']);
    expect(hit[0]?.detail).toMatch(/40 mg per tablet, label cap 20 mg/);
  });
});
