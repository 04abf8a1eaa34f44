import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { drugInteractionsRule } from '@reasoning/rules/drug-interactions';
import type { Finding } from '@reasoning/types';
import { makeCondition, makeDraft, makeInput, makeMedicationRequest, makePatient, RX } from '../support/fhir-builders';

const run = (chart: fhir4.Resource[], drafts: fhir4.Resource[] = [], patient = makePatient()): Finding[] =>
  drugInteractionsRule.evaluate(normalize(makeInput(chart, drafts, patient))).findings;
const med = (code: string, id?: string) => makeMedicationRequest({ code, ...(id ? { id } : {}) });
const draft = (code: string, id = 'draft1') => makeDraft({ code, id });
const young = makePatient({ birthDate: '1980-01-01' });

describe('drug-interactions: fires', () => {
  it.each([
    ['warfarin + NSAID, both in chart', [med(RX.warfarin5), med(RX.naproxen220)], [], 'ddi-warfarin-nsaid', 'warning'],
    [
      'simvastatin + clarithromycin draft (contraindicated)',
      [med(RX.simvastatin20)],
      [draft(RX.clarithromycin500)],
      'ddi-simvastatin-strong-cyp3a4',
      'critical',
    ],
    [
      'simvastatin + clarithromycin in chart',
      [med(RX.simvastatin20), med(RX.clarithromycin500)],
      [],
      'ddi-simvastatin-strong-cyp3a4',
      'warning',
    ],
    ['MAOI + SSRI draft', [med(RX.phenelzine15)], [draft(RX.sertraline50)], 'ddi-maoi-ssri-snri', 'critical'],
    ['MAOI + tramadol draft', [med(RX.phenelzine15)], [draft(RX.tramadol50)], 'ddi-maoi-opioid', 'critical'],
    [
      'lisinopril + spironolactone draft',
      [med(RX.lisinopril10)],
      [draft(RX.spironolactone25)],
      'ddi-raas-potassium-sparing',
      'warning',
    ],
    [
      'lisinopril + potassium chloride (ingredient-coded) draft',
      [med(RX.lisinopril10)],
      [draft('8591')],
      'ddi-raas-potassium-sparing',
      'warning',
    ],
    [
      'methotrexate + TMP-SMX draft',
      [med(RX.methotrexate10)],
      [draft(RX.smxTmpDs)],
      'ddi-methotrexate-trimethoprim',
      'warning',
    ],
    ['digoxin + verapamil, long-standing', [med(RX.digoxin), med(RX.verapamil40)], [], 'ddi-digoxin-verapamil', 'info'],
    [
      'atazanavir (ingredient-coded) + pantoprazole draft',
      [med('343047')],
      [draft(RX.pantoprazole40)],
      'ddi-atazanavir-ppi',
      'critical',
    ],
    [
      'atazanavir + carbamazepine in chart',
      [med('343047'), med('308971')],
      [],
      'ddi-protease-inhibitor-cyp3a4-inducer',
      'warning',
    ],
    ['two QT drugs, one drafted', [med(RX.azithromycin250)], [draft(RX.levofloxacin500)], 'ddi-qt-qt', 'warning'],
    [
      'warfarin + clopidogrel in chart',
      [med(RX.warfarin5), med(RX.clopidogrel75)],
      [],
      'ddi-warfarin-antiplatelet',
      'info',
    ],
    ['apixaban + ibuprofen draft', [med(RX.apixaban5)], [draft(RX.ibuprofen400)], 'ddi-anticoagulant-nsaid', 'warning'],
    ['sertraline + tramadol draft', [med(RX.sertraline50)], [draft(RX.tramadol50)], 'ddi-serotonergic', 'warning'],
  ])('%s', (_name, chart, drafts, ruleId, severity) => {
    const f = run(chart, drafts).filter((x) => x.ruleId === ruleId);
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe(severity);
    expect(f[0]?.summary.length).toBeLessThan(140);
    expect(f[0]?.citations.length).toBeGreaterThan(0);
    expect(f[0]?.family).toBe('drug-interactions');
  });
});

describe('drug-interactions: does not fire', () => {
  it.each([
    ['warfarin alone', [med(RX.warfarin5)], []],
    ['NSAID alone', [med(RX.naproxen220), med(RX.naproxen500)], []],
    ['stopped NSAID', [med(RX.warfarin5), makeMedicationRequest({ code: RX.naproxen220, status: 'stopped' })], []],
    [
      'entered-in-error NSAID',
      [med(RX.warfarin5), makeMedicationRequest({ code: RX.naproxen220, status: 'entered-in-error' })],
      [],
    ],
    ['unknown product', [med(RX.warfarin5), med('123456789')], []],
    ['simvastatin + verapamil is not a strong inhibitor pair', [med(RX.simvastatin10), med(RX.verapamil40)], []],
  ])('%s', (_name, chart, drafts) => {
    const ids = run(chart, drafts).map((f) => f.ruleId);
    expect(ids).not.toContain('ddi-warfarin-nsaid');
    expect(ids).not.toContain('ddi-simvastatin-strong-cyp3a4');
  });

  it('does not pair a drug with itself (two QT orders of one ingredient)', () => {
    expect(
      run([med(RX.azithromycin250, 'a1'), med(RX.azithromycin250, 'a2')]).filter((f) => f.ruleId === 'ddi-qt-qt'),
    ).toEqual([]);
  });
});

describe('drug-interactions: warfarin + NSAID individualized risk (PDDI-CDS)', () => {
  it.each([
    ['draft NSAID, age 71, no PPI → critical', makePatient({ birthDate: '1950-01-01' }), [], 'critical'],
    ['draft NSAID, age 41, no risk factors → warning', young, [], 'warning'],
    [
      'draft NSAID, age 71 but on a PPI → warning',
      makePatient({ birthDate: '1950-01-01' }),
      [med(RX.pantoprazole40)],
      'warning',
    ],
    [
      'draft NSAID, age 41 with prior GI bleed → critical',
      young,
      [makeCondition({ snomed: '74474003', display: 'Gastrointestinal hemorrhage' })],
      'critical',
    ],
    ['draft NSAID, age 41 with prednisone → critical', young, [med(RX.prednisone5)], 'critical'],
  ])('%s', (_name, patient, extra, severity) => {
    const f = run([med(RX.warfarin5), ...extra], [draft(RX.ibuprofen800)], patient).find(
      (x) => x.ruleId === 'ddi-warfarin-nsaid',
    );
    expect(f?.severity).toBe(severity);
    expect(f?.draftRefs).toEqual(['MedicationRequest/draft1']);
  });

  it('suggests removing the draft and ordering acetaminophen instead (no invented dose)', () => {
    const f = run([med(RX.warfarin5)], [draft(RX.ibuprofen800)]).find((x) => x.ruleId === 'ddi-warfarin-nsaid');
    const alt = f?.suggestions.find((s) => s.isRecommended);
    expect(alt?.actions[0]).toMatchObject({ type: 'delete', resourceId: ['MedicationRequest/draft1'] });
    const create = alt?.actions[1];
    expect(create?.type).toBe('create');
    if (create?.type === 'create') {
      expect((create.resource as fhir4.MedicationRequest).medicationCodeableConcept?.coding?.[0]?.code).toBe('313782');
      expect((create.resource as fhir4.MedicationRequest).dosageInstruction).toBeUndefined();
    }
  });

  it('shows order dates and flags stale orders in the detail', () => {
    const f = run([makeMedicationRequest({ code: RX.warfarin5, authoredOn: '2012-02-01' }), med(RX.naproxen220)]).find(
      (x) => x.ruleId === 'ddi-warfarin-nsaid',
    );
    expect(f?.detail).toContain('since 2012-02-01');
    expect(f?.detail).toContain('over a year old');
    expect(f?.inputs.some((i) => i.date === '2012-02-01')).toBe(true);
  });

  it('gives a stable id and one finding for several orders of the same pair', () => {
    const a = run([med(RX.warfarin5, 'w1'), med(RX.warfarin5, 'w2'), med(RX.naproxen220, 'n1')]);
    const b = run([med(RX.warfarin5, 'w1'), med(RX.warfarin5, 'w2'), med(RX.naproxen220, 'n1')]);
    const ids = a.filter((f) => f.ruleId === 'ddi-warfarin-nsaid').map((f) => f.id);
    expect(ids).toEqual(['ddi-warfarin-nsaid:11289|7258']);
    expect(b.map((f) => f.id)).toEqual(a.map((f) => f.id));
  });
});

describe('drug-interactions: simvastatin/lovastatin dose cap with verapamil/diltiazem', () => {
  it.each([
    ['simvastatin 10 mg (within the 10 mg cap): no finding', RX.simvastatin10, undefined],
    ['simvastatin 20 mg (above the cap): warning', RX.simvastatin20, 'warning'],
    ['simvastatin coded at ingredient level (strength unknown): info', '36567', 'info'],
  ])('%s', (_n, statin, severity) => {
    const f = run([med(statin), med(RX.verapamil40)]).find((x) => x.ruleId === 'ddi-simvastatin-verapamil-diltiazem');
    expect(f?.severity).toBe(severity);
    if (f) expect(f.detail).toContain('label cap');
  });
});
