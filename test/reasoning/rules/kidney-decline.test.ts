/** Kidney function over months (KDIGO 2024 progression), distinct from AKI, from eGFR and creatinine Observations. */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { Finding } from '@reasoning/types';
import { makeInput, makeObservation } from '../support/fhir-builders';
import { creatinine } from '../support/scenario-helpers';

const egfr = (v: number, date: string, comparator?: '>') => {
  const o = makeObservation({ loinc: '33914-3', value: v, unit: 'mL/min/{1.73_m2}', date });
  if (comparator && o.valueQuantity) o.valueQuantity.comparator = comparator;
  return o;
};
const decline = (resources: fhir4.Resource[]): Finding[] =>
  runEngine(makeInput(resources)).findings.filter((f) => f.family === 'kidney-decline');

describe('kidney decline over months', () => {
  it('G3a → G3b with a 30 % fall, confirmed by the two latest values, cites the whole trend', () => {
    const [f] = decline([
      egfr(56, '2019-06-01'),
      egfr(50, '2020-06-01'),
      egfr(40, '2021-01-10'),
      egfr(39, '2021-03-15'),
    ]);
    expect(f?.severity).toBe('info');
    expect(f?.detail).toMatch(/G3a → G3b with a 30 % fall/);
    expect(f?.evidence).toHaveLength(4);
    expect(f?.inputs.map((i) => i.name)).toEqual(['baseline eGFR', 'latest eGFR']);
  });

  it('a rapid decline of more than 5 per year within one category fires; below 30 it asks for referral, still as info', () => {
    expect(decline([egfr(88, '2019-03-01'), egfr(75, '2020-09-01'), egfr(74, '2021-03-01')])[0]?.detail).toMatch(
      /per year/,
    );
    expect(decline([egfr(45, '2019-03-01'), egfr(28, '2020-11-01'), egfr(26, '2021-03-01')])[0]).toMatchObject({
      severity: 'info',
      action: expect.stringMatching(/refer/),
    });
  });

  it('a single low value is not sustained; a slow stable course is silent', () => {
    expect(decline([egfr(60, '2019-03-01'), egfr(58, '2020-09-01'), egfr(40, '2021-03-01')])).toEqual([]);
    expect(
      decline([egfr(62, '2018-05-01'), egfr(60, '2019-05-01'), egfr(58, '2020-05-01'), egfr(57, '2021-03-01')]),
    ).toEqual([]);
  });

  it('changes within days (AKI) are not read as progression', () => {
    expect(decline([egfr(70, '2021-03-25'), egfr(40, '2021-03-28'), egfr(38, '2021-03-30')])).toEqual([]);
  });

  it('bounded values ("> 60") are not used as a baseline', () => {
    expect(decline([egfr(60, '2019-06-01', '>'), egfr(42, '2021-01-10'), egfr(41, '2021-03-15')])).toEqual([]);
  });

  it('creatinine doubling over months is reported when eGFR is absent', () => {
    const [f] = decline([
      creatinine(0.9, '2020-01-10T08:00:00Z'),
      creatinine(1.9, '2021-01-05T08:00:00Z'),
      creatinine(2.0, '2021-03-20T08:00:00Z'),
    ]);
    expect(f?.ruleId).toBe('kidney-decline-creatinine');
    expect(f?.detail).toMatch(/doubled/);
  });
});
