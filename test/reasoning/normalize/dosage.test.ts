import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { dailyDose } from '@reasoning/rules/daily-dose';
import { makeInput, makeMedicationRequest } from '../support/fhir-builders';
import { withDose } from '../support/dosage-builders';

const factOf = (req: fhir4.MedicationRequest) => normalize(makeInput([req])).medications[0]!;
const order = (code: string, display: string) => makeMedicationRequest({ code, display });

describe('dosage: FHIR Dosage read without guessing', () => {
  it('tablets × strength from the RxNorm name × frequency per day', () => {
    const m = factOf(
      withDose(order('617311', 'atorvastatin 40 MG Oral Tablet'), { value: 2, unit: '{tbl}', frequency: 1 }),
    );
    expect(dailyDose(m, '83367')).toMatchObject({ known: true, dailyMg: 80, perDay: 1 });
  });

  it('a mass dose with timing.code BID', () => {
    const m = factOf(withDose(order('2556', 'citalopram'), { value: 20, unit: 'mg', code: 'BID' }));
    expect(dailyDose(m, '2556')).toMatchObject({ known: true, dailyMg: 40, perDay: 2 });
  });

  it('grams convert to mg; every 6 hours is four a day', () => {
    const m = factOf(
      withDose(order('161', 'acetaminophen'), { value: 1, unit: 'g', frequency: 1, period: 6, periodUnit: 'h' }),
    );
    expect(dailyDose(m, '161')).toMatchObject({ known: true, dailyMg: 4000 });
  });

  it('once weekly has a 7-day interval', () => {
    const m = factOf(
      withDose(order('105586', 'methotrexate 10 MG Oral Tablet'), {
        value: 1,
        unit: 'tablet',
        frequency: 1,
        period: 1,
        periodUnit: 'wk',
      }),
    );
    const d = dailyDose(m, '6851');
    expect(d).toMatchObject({ known: true, intervalDays: 7 });
  });

  it('as-needed orders are capped by maxDosePerPeriod', () => {
    const m = factOf(
      withDose(order('161', 'acetaminophen'), {
        value: 1000,
        unit: 'mg',
        frequency: 1,
        period: 4,
        periodUnit: 'h',
        asNeeded: true,
        maxPerDayMg: 3000,
      }),
    );
    expect(dailyDose(m, '161')).toMatchObject({ known: true, dailyMg: 3000 });
  });

  it('per-ingredient strength of a combination product', () => {
    const m = factOf(
      withDose(order('1049221', 'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet'), {
        value: 2,
        unit: 'tablet',
        code: 'Q6H',
      }),
    );
    expect(dailyDose(m, '7804')).toMatchObject({ known: true, dailyMg: 40 });
    expect(dailyDose(m, '161')).toMatchObject({ known: true, dailyMg: 2600 });
  });

  it.each([
    ['no dosage at all', (r: fhir4.MedicationRequest) => r, /no dosage instruction/],
    [
      'free text only',
      (r: fhir4.MedicationRequest) => ({ ...r, dosageInstruction: [{ text: 'take as directed' }] }),
      /free text/,
    ],
    [
      'a volume unit',
      (r: fhir4.MedicationRequest) => withDose(r, { value: 5, unit: 'mL', frequency: 3 }),
      /not a mass or a tablet count/,
    ],
    [
      'no timing',
      (r: fhir4.MedicationRequest) => ({
        ...r,
        dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 20, unit: 'mg' } }] }],
      }),
      /no timing/,
    ],
  ])('says why the dose is unknown: %s', (_n, shape, reason) => {
    const d = dailyDose(factOf(shape(order('2556', 'citalopram'))), '2556');
    expect(d.known).toBe(false);
    if (!d.known) expect(d.reason).toMatch(reason);
  });
});
