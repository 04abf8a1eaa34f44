/**
 * Opioid safety from FHIR orders: MME/day from dosageInstruction with the CDC 2022 factors (shown as inputs), a card
 * on a new order at >= 50 (info) and >= 90 MME/day (warning), and opioid + benzodiazepine / gabapentinoid pairs.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { Finding } from '@reasoning/types';
import { makeDraft, makeInput, makeMedicationRequest } from '../support/fhir-builders';
import { withDose } from '../support/dosage-builders';

const run = (chart: fhir4.Resource[], drafts: fhir4.Resource[]): Finding[] =>
  runEngine(makeInput(chart, drafts)).findings;
const mme = (fs: Finding[]) => fs.filter((f) => f.family === 'opioid-mme');
const OXY_APAP = { code: '1049221', display: 'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet' };
const oxyApap = (tabs: number, code: string, draft = true) =>
  withDose(draft ? makeDraft({ ...OXY_APAP, id: 'draft1' }) : makeMedicationRequest(OXY_APAP), {
    value: tabs,
    unit: 'tablet',
    code,
    asNeeded: true,
  });
const fentanylPatch = (mcgH: string) =>
  withDose(makeMedicationRequest({ code: '4337', display: `72 HR fentanyl ${mcgH} MG/HR Transdermal System` }), {
    value: 1,
    unit: 'patch',
    frequency: 1,
    period: 72,
    periodUnit: 'h',
  });

describe('opioid MME/day on a new order', () => {
  it('oxycodone 5 mg, 2 tablets every 6 h = 40 mg/day x 1.5 = 60 MME/day: info, with the basis as inputs', () => {
    const [f] = mme(run([], [oxyApap(2, 'Q6H')]));
    expect(f?.severity).toBe('info');
    expect(f?.inputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'total MME/day', value: 60, unit: 'MME/day' }),
        expect.objectContaining({ name: 'MME/day of order', value: 'oxycodone 40 mg/day × 1.5 = 60' }),
      ]),
    );
  });

  it('a new oxycodone order on top of a 25 mcg/h fentanyl patch (60 MME) reaches 120 MME/day: warning', () => {
    const [f] = mme(run([fentanylPatch('0.025')], [oxyApap(2, 'Q6H')]));
    expect(f?.severity).toBe('warning');
    expect(f?.summary).toMatch(/120 MME\/day/);
    expect(f?.draftRefs).toEqual(['MedicationRequest/draft1']);
  });

  it('methadone uses the CDC 2022 factor 4.7: 10 mg twice daily = 94 MME/day', () => {
    const d = withDose(makeDraft({ code: '6813', display: 'methadone', id: 'draft1' }), {
      value: 10,
      unit: 'mg',
      code: 'BID',
    });
    expect(mme(run([], [d]))[0]).toMatchObject({ severity: 'warning', ruleId: 'opioid-mme-90' });
  });

  it('tramadol 50 mg four times a day (40 MME/day) stays silent', () => {
    const d = withDose(makeDraft({ code: '10689', display: 'tramadol', id: 'draft1' }), {
      value: 50,
      unit: 'mg',
      code: 'QID',
    });
    expect(mme(run([], [d]))).toEqual([]);
  });

  it('a high chart-only dose without a new order raises nothing (patient-view stays quiet)', () => {
    expect(mme(run([fentanylPatch('0.1')], []))).toEqual([]);
  });

  it('an order whose MME cannot be computed is named in the inputs and makes the total a lower bound', () => {
    const noDose = makeMedicationRequest({ code: '7052', display: 'morphine' });
    const [f] = mme(run([noDose, fentanylPatch('0.05')], [oxyApap(1, 'Q6H')]));
    expect(f?.summary).toMatch(/at least 150 MME\/day/);
    expect(f?.inputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'not computed: morphine: no dosage instruction on the order' }),
      ]),
    );
  });
});

describe('opioid + CNS depressant pairs', () => {
  it.each([
    ['lorazepam', '6470', 'ddi-opioid-benzodiazepine'],
    ['midazolam', '6960', 'ddi-opioid-benzodiazepine'],
    ['gabapentin', '25480', 'ddi-opioid-gabapentinoid'],
    ['pregabalin', '187832', 'ddi-opioid-gabapentinoid'],
  ])('a new %s order on an opioid is a warning', (_n, code, ruleId) => {
    const fs = run(
      [makeMedicationRequest({ code: '3423', display: 'hydromorphone' })],
      [makeDraft({ code, id: 'draft1' })],
    );
    expect(fs.filter((f) => f.ruleId === ruleId).map((f) => f.severity)).toEqual(['warning']);
  });

  it('a long-standing opioid + gabapentin pair on the chart is info', () => {
    const fs = run([makeMedicationRequest({ code: '7804' }), makeMedicationRequest({ code: '25480' })], []);
    expect(fs.filter((f) => f.ruleId === 'ddi-opioid-gabapentinoid').map((f) => f.severity)).toEqual(['info']);
  });
});
