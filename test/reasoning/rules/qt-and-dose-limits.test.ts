/**
 * QT-prolonging pairs with the patient's QTc, potassium and magnesium, and hard dose limits read from
 * dosageInstruction (citalopram FDA 2011 cap, acetaminophen 4 g/day across products, weekly methotrexate,
 * colchicine), through the whole engine from FHIR resources.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { Finding } from '@reasoning/types';
import {
  makeDraft,
  makeInput,
  makeMedicationRequest,
  makeObservation,
  makePatient,
  RX,
} from '../support/fhir-builders';
import { withDose } from '../support/dosage-builders';

const run = (chart: fhir4.Resource[], drafts: fhir4.Resource[], patient = makePatient()): Finding[] =>
  runEngine(makeInput(chart, drafts, patient)).findings;
const qtc = (ms: number, date = '2021-03-20T09:00:00Z') =>
  makeObservation({ loinc: '8636-3', value: ms, unit: 'ms', date });
const k = (v: number) => makeObservation({ loinc: '2823-3', value: v, unit: 'mmol/L', date: '2021-03-30T08:00:00Z' });
const mg = (v: number, unit = 'mg/dL') =>
  makeObservation({ loinc: '19123-9', value: v, unit, date: '2021-03-30T08:00:00Z' });
const azithro = () => makeMedicationRequest({ code: RX.azithromycin250, display: 'azithromycin 250 MG Oral Tablet' });
const levoDraft = () =>
  makeDraft({ code: RX.levofloxacin500, display: 'levofloxacin 500 MG Oral Tablet', id: 'draft1' });
const qtPair = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'ddi-qt-qt');

describe('QT prolongation: a new order creating a pair of known-risk drugs', () => {
  it('is a warning that shows the latest QTc, potassium and magnesium as inputs', () => {
    const [f] = qtPair(run([azithro(), qtc(450), k(4.2), mg(2.0)], [levoDraft()]));
    expect(f?.severity).toBe('warning');
    expect(f?.inputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'latest QTc', value: 450, unit: 'ms' }),
        expect.objectContaining({ name: 'latest Potassium', value: 4.2 }),
        expect.objectContaining({ name: 'latest Magnesium', value: 2 }),
      ]),
    );
  });

  it.each([
    ['QTc 510 ms', [qtc(510)]],
    ['potassium 3.1 mmol/L', [k(3.1)]],
    ['magnesium 0.6 mmol/L (1.46 mg/dL)', [mg(0.6, 'mmol/L')]],
  ])('becomes critical with %s', (_n, labs) => {
    expect(qtPair(run([azithro(), ...labs], [levoDraft()])).map((f) => f.severity)).toEqual(['critical']);
  });

  it('an old QTc is shown but does not raise severity, and a missing ECG is asked for', () => {
    const [f] = qtPair(run([azithro(), qtc(520, '2019-01-01T00:00:00Z')], [levoDraft()]));
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toMatch(/older than 365 days/);
    expect(qtPair(run([azithro()], [levoDraft()]))[0]?.detail).toMatch(/No QTc on record/);
  });

  it('a chart-only pair stays info unless the QTc is high', () => {
    const chartOnly = [azithro(), makeMedicationRequest({ code: RX.levofloxacin500 })];
    expect(qtPair(run(chartOnly, [])).map((f) => f.severity)).toEqual(['info']);
    expect(qtPair(run([...chartOnly, qtc(505)], [])).map((f) => f.severity)).toEqual(['warning']);
  });
});

const CITALOPRAM = { code: '2556', display: 'citalopram' };
const doseFindings = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id);

describe('dose limits from dosageInstruction', () => {
  it('citalopram 40 mg/day in a 71-year-old exceeds the FDA 20 mg cap over 60', () => {
    const d = withDose(makeDraft({ ...CITALOPRAM, id: 'draft1' }), { value: 40, unit: 'mg', frequency: 1 });
    const [f] = doseFindings(run([], [d]), 'dose-citalopram-max');
    expect(f?.severity).toBe('warning');
    expect(f?.inputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'citalopram daily dose', value: '40 mg × 1/day = 40 mg/day' }),
      ]),
    );
    expect(f?.citations.map((c) => c.year)).toContain(2011);
  });

  it('citalopram 40 mg/day at 45 is within the cap; 60 mg/day is not', () => {
    const young = makePatient({ birthDate: '1976-01-01' });
    const at = (v: number) =>
      run([], [withDose(makeDraft({ ...CITALOPRAM, id: 'draft1' }), { value: v, unit: 'mg', frequency: 1 })], young);
    expect(doseFindings(at(40), 'dose-citalopram-max')).toEqual([]);
    expect(doseFindings(at(60), 'dose-citalopram-max')).toHaveLength(1);
  });

  it('acetaminophen is summed across products: 3 g plain + 4 tablets of 325 mg/oxycodone = 4.3 g/day', () => {
    const plain = withDose(makeMedicationRequest({ code: '198440', display: 'acetaminophen 500 MG Oral Tablet' }), {
      value: 2,
      unit: 'tablet',
      code: 'TID',
    });
    const combo = withDose(
      makeDraft({
        code: '1049221',
        display: 'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet',
        id: 'draft1',
      }),
      { value: 1, unit: 'tablet', code: 'QID' },
    );
    const [f] = doseFindings(run([plain], [combo]), 'dose-acetaminophen-max');
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toMatch(/Total 4300 mg\/day/);
    expect(f?.draftRefs).toEqual(['MedicationRequest/draft1']);
  });

  it('acetaminophen 1 g four times a day (4 g) is at, not above, the limit', () => {
    const d = withDose(makeDraft({ code: '198440', id: 'draft1' }), { value: 2, unit: 'tablet', code: 'QID' });
    expect(doseFindings(run([], [d]), 'dose-acetaminophen-max')).toEqual([]);
  });

  it('oral methotrexate once daily is critical; once weekly is silent', () => {
    const mtx = (period: number, unit: 'd' | 'wk') =>
      withDose(makeDraft({ code: RX.methotrexate10, display: 'methotrexate 10 MG Oral Tablet', id: 'draft1' }), {
        value: 1,
        unit: 'tablet',
        frequency: 1,
        period,
        periodUnit: unit,
      });
    expect(doseFindings(run([], [mtx(1, 'd')]), 'dose-methotrexate-weekly').map((f) => f.severity)).toEqual([
      'critical',
    ]);
    expect(doseFindings(run([], [mtx(1, 'wk')]), 'dose-methotrexate-weekly')).toEqual([]);
  });

  it('a new methotrexate order without a schedule is an info asking to confirm, never an all-clear', () => {
    const [f] = doseFindings(
      run([], [makeDraft({ code: RX.methotrexate10, id: 'draft1' })]),
      'dose-methotrexate-weekly',
    );
    expect(f?.severity).toBe('info');
    expect(f?.summary).toMatch(/could not be checked/);
    expect(f?.inputs).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 'not readable: no dosage instruction on the order' })]),
    );
  });

  it('colchicine 0.6 mg three times a day is within the label maximum; 1.2 mg three times a day is not', () => {
    const colch = (mgDose: number) =>
      withDose(makeDraft({ code: '2683', display: 'colchicine', id: 'draft1' }), {
        value: mgDose,
        unit: 'mg',
        code: 'TID',
      });
    expect(doseFindings(run([], [colch(0.6)]), 'dose-colchicine-max')).toEqual([]);
    expect(doseFindings(run([], [colch(1.2)]), 'dose-colchicine-max').map((f) => f.severity)).toEqual(['warning']);
  });
});
