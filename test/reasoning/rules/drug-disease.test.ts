import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { drugDiseaseRule } from '@reasoning/rules/drug-disease';
import type { Finding } from '@reasoning/types';
import {
  makeCondition,
  makeDraft,
  makeInput,
  makeMedicationRequest,
  makeObservation,
  RX,
} from '../support/fhir-builders';

const evaluate = (chart: fhir4.Resource[], drafts: fhir4.Resource[] = []) =>
  drugDiseaseRule.evaluate(normalize(makeInput(chart, drafts)));
const run = (chart: fhir4.Resource[], drafts: fhir4.Resource[] = []): Finding[] => evaluate(chart, drafts).findings;
const med = (code: string) => makeMedicationRequest({ code });
const draft = (code: string) => makeDraft({ code, id: 'draft1' });
const chf = () => makeCondition({ id: 'hf', snomed: '88805009', display: 'Chronic congestive heart failure' });
const hfref = () =>
  makeCondition({ id: 'hfref', snomed: '703272007', display: 'Heart failure with reduced ejection fraction' });
const lvef = (value: number) =>
  makeObservation({ id: 'ef', loinc: '10230-1', value, unit: '%', date: '2020-06-01T00:00:00Z' });
const pregnancy = (onset: string): fhir4.Condition => ({
  ...makeCondition({ id: 'preg', snomed: '77386006', display: 'Pregnancy' }),
  onsetDateTime: onset,
});
const asthma = () => makeCondition({ id: 'asthma', snomed: '195967001', display: 'Asthma' });
const asthmaIcd = (): fhir4.Condition => ({
  resourceType: 'Condition',
  id: 'j45',
  subject: { reference: 'Patient/p1' },
  code: {
    coding: [
      { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'J45.909', display: 'Unspecified asthma, uncomplicated' },
    ],
  },
});
const icdPregnancy = (): fhir4.Condition => ({
  resourceType: 'Condition',
  id: 'z33',
  subject: { reference: 'Patient/p1' },
  onsetDateTime: '2021-02-01',
  code: {
    coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z33.1', display: 'Pregnant state, incidental' }],
  },
});

describe('drug-disease: fires', () => {
  it.each([
    ['ibuprofen draft in heart failure', [chf()], [draft(RX.ibuprofen400)], 'dd-nsaid-heart-failure', 'warning'],
    [
      'ibuprofen draft with HF coded only as HFrEF (SNOMED 703272007)',
      [hfref()],
      [draft(RX.ibuprofen800)],
      'dd-nsaid-heart-failure',
      'warning',
    ],
    ['naproxen on the chart in heart failure', [chf(), med(RX.naproxen500)], [], 'dd-nsaid-heart-failure', 'info'],
    ['verapamil draft with coded HFrEF', [hfref()], [draft(RX.verapamil40)], 'dd-non-dhp-ccb-hfref', 'critical'],
    [
      'diltiazem draft with HF and LVEF 40 % (boundary)',
      [chf(), lvef(40)],
      [draft('831054')],
      'dd-non-dhp-ccb-hfref',
      'critical',
    ],
    [
      'verapamil draft with LVEF 30 % and no HF code',
      [lvef(30)],
      [draft(RX.verapamil40)],
      'dd-non-dhp-ccb-hfref',
      'critical',
    ],
    ['verapamil on the chart with coded HFrEF', [hfref(), med(RX.verapamil40)], [], 'dd-non-dhp-ccb-hfref', 'warning'],
    [
      'verapamil draft, HF with unknown EF → info saying EF is unknown',
      [chf()],
      [draft(RX.verapamil40)],
      'dd-non-dhp-ccb-hfref',
      'info',
    ],
    ['propranolol draft in asthma', [asthma()], [draft('8787')], 'dd-nonselective-beta-blocker-asthma', 'critical'],
    [
      'carvedilol on the chart in asthma (ICD-10-CM J45.909)',
      [asthmaIcd(), med('20352')],
      [],
      'dd-nonselective-beta-blocker-asthma',
      'warning',
    ],
    [
      'lisinopril draft in pregnancy',
      [pregnancy('2021-01-15')],
      [draft(RX.lisinopril10)],
      'dd-raas-pregnancy',
      'critical',
    ],
    [
      'losartan on the chart in pregnancy (ICD-10-CM Z33.1)',
      [icdPregnancy(), med(RX.losartan50)],
      [],
      'dd-raas-pregnancy',
      'warning',
    ],
    [
      'warfarin draft in pregnancy',
      [pregnancy('2021-01-15')],
      [draft(RX.warfarin5)],
      'dd-warfarin-pregnancy',
      'critical',
    ],
    [
      'methotrexate draft in pregnancy',
      [pregnancy('2021-01-15')],
      [draft(RX.methotrexate10)],
      'dd-methotrexate-pregnancy',
      'critical',
    ],
  ])('%s', (_name, chart, drafts, ruleId, severity) => {
    const f = run(chart, drafts).filter((x) => x.ruleId === ruleId);
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe(severity);
    expect(f[0]?.family).toBe('drug-disease');
    expect(f[0]?.summary.length).toBeLessThan(140);
    expect(f[0]?.evidence.length).toBeGreaterThan(1);
    expect(f[0]?.draftRefs).toEqual(drafts.length > 0 ? ['MedicationRequest/draft1'] : []);
    if (drafts.length > 0)
      expect(f[0]?.suggestions[0]?.actions[0]).toMatchObject({
        type: 'delete',
        resourceId: ['MedicationRequest/draft1'],
      });
  });
});

describe('drug-disease: does not fire', () => {
  it.each([
    ['NSAID without heart failure', [], [draft(RX.ibuprofen400)]],
    ['topical NSAID-free heart failure patient on acetaminophen', [chf()], [draft('313782')]],
    ['verapamil with HF and LVEF 41 % (above the HFrEF cut-off)', [chf(), lvef(41)], [draft(RX.verapamil40)]],
    ['verapamil without HF or LVEF', [], [draft(RX.verapamil40)]],
    ['metoprolol (cardioselective) in asthma', [asthma()], [draft('866414')], 'dd-nonselective-beta-blocker-asthma'],
    ['propranolol without asthma', [], [draft('8787')], 'dd-nonselective-beta-blocker-asthma'],
    ['amlodipine in HFrEF', [hfref()], [draft('197361')]],
    [
      'lisinopril with a pregnancy 2 years ago and no end date (stale)',
      [pregnancy('2019-03-01')],
      [draft(RX.lisinopril10)],
    ],
    [
      'lisinopril with a resolved pregnancy',
      [{ ...pregnancy('2021-01-15'), abatementDateTime: '2021-03-01' }],
      [draft(RX.lisinopril10)],
    ],
  ])('%s', (_name, chart, drafts, ruleId?: string) => {
    const f = run(chart, drafts);
    expect(ruleId ? f.filter((x) => x.ruleId === ruleId) : f).toEqual([]);
  });

  it('says EF is unknown (insufficient, no card) for long-standing verapamil in HF without an LVEF', () => {
    const out = evaluate([chf(), med(RX.verapamil40)]);
    expect(out.findings).toEqual([]);
    expect(out.insufficient?.[0]).toContain('no LVEF');
  });

  it('names the LVEF and its date as the basis', () => {
    const f = run([lvef(30)], [draft(RX.verapamil40)])[0];
    expect(f?.summary).toContain('LVEF 30 % on 2020-06-01');
    expect(f?.inputs).toContainEqual({
      name: 'LVEF (latest)',
      value: 30,
      unit: '%',
      date: '2020-06-01T00:00:00Z',
      source: 'Observation/ef',
    });
  });
});
