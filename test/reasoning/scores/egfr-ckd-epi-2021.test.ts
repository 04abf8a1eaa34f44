import { describe, expect, it } from 'vitest';
import { ckdEpi2021, computeEgfr, gfrCategory } from '@reasoning/scores';
import { makeFacts, makeObservationFact } from '../support/fact-builders';

describe('ckdEpi2021 (CKD-EPI 2021 creatinine equation)', () => {
  // Reference values from the NKF eGFR calculator (CKD-EPI 2021), as quoted in public test suites; µmol/L inputs
  // converted with 88.4 µmol/L per mg/dL.
  it.each([
    { scr: 1.2, age: 55, sex: 'male' as const, expected: 71 },
    { scr: 1.1, age: 50, sex: 'male' as const, expected: 82 },
    { scr: 200 / 88.4, age: 70, sex: 'male' as const, expected: 30 },
    { scr: 200 / 88.4, age: 70, sex: 'female' as const, expected: 23 },
    { scr: 100 / 88.4, age: 70, sex: 'male' as const, expected: 70 },
    { scr: 100 / 88.4, age: 70, sex: 'female' as const, expected: 52 },
  ])('matches the published value for Scr $scr, age $age, $sex → $expected', ({ scr, age, sex, expected }) => {
    expect(Math.round(ckdEpi2021(scr, age, sex))).toBe(expected);
  });

  it('uses the low-creatinine exponent below κ (female 0.5 mg/dL, 30 y)', () => {
    const expected = 142 * (0.5 / 0.7) ** -0.241 * 0.9938 ** 30 * 1.012;
    expect(ckdEpi2021(0.5, 30, 'female')).toBeCloseTo(expected, 8);
  });

  it('is continuous at Scr = κ', () => {
    expect(ckdEpi2021(0.9, 60, 'male')).toBeCloseTo(142 * 0.9938 ** 60, 8);
  });

  it.each([
    [95, 'G1'],
    [90, 'G1'],
    [89.9, 'G2'],
    [60, 'G2'],
    [45, 'G3a'],
    [30, 'G3b'],
    [15, 'G4'],
    [14, 'G5'],
  ])('categorises %s as %s', (v, cat) => {
    expect(gfrCategory(v)).toMatch(new RegExp(`^${cat} `));
  });
});

describe('computeEgfr', () => {
  const scr = (value: number, date = '2021-03-01', over = {}) => makeObservationFact('creatinine', value, date, over);

  it('calculates from the latest creatinine with age at that date, showing every input', () => {
    const facts = makeFacts({
      patient: { birthDate: '1966-01-01', sex: 'male' },
      observations: [scr(2.0, '2020-01-01'), scr(1.2, '2021-03-01')],
    });
    const r = computeEgfr(facts);
    expect(r.basis).toBe('calculated');
    expect(r.score.value).toBe(71);
    expect(r.score.components.map((c) => c.value)).toEqual(['1.2 mg/dL', '55 years', 'male']);
    expect(r.score.components[0]?.date).toBe('2021-03-01');
  });

  it('shows the original unit when the creatinine was converted', () => {
    const facts = makeFacts({
      observations: [scr(1.131, '2021-03-01', { originalValue: 100, originalUnit: 'umol/L' })],
    });
    expect(computeEgfr(facts).score.components[0]?.value).toBe('1.13 mg/dL (reported 100 umol/L)');
  });

  it.each([
    { name: 'no creatinine', spec: {}, reason: /no creatinine is recorded/ },
    { name: 'stale creatinine', spec: { observations: [scr(1.0, '2019-01-01')] }, reason: /older than 365 days/ },
    {
      name: 'unknown sex',
      spec: { patient: { sex: 'unknown' as const }, observations: [scr(1.0)] },
      reason: /"unknown".*female and male/,
    },
    { name: 'other sex', spec: { patient: { sex: 'other' as const }, observations: [scr(1.0)] }, reason: /"other"/ },
    {
      name: 'no birth date',
      spec: { patient: { birthDate: undefined, ageYears: undefined }, observations: [scr(1.0)] },
      reason: /age unknown/,
    },
    {
      name: 'a child',
      spec: { patient: { birthDate: '2010-01-01', ageYears: 11 }, observations: [scr(0.5)] },
      reason: /adults only/,
    },
  ])('is insufficient with the reason: $name', ({ spec, reason }) => {
    const r = computeEgfr(makeFacts(spec));
    expect(r.score.value).toBeNull();
    expect(r.score.insufficient).toMatch(reason);
    expect(r.value).toBeUndefined();
  });

  it('uses a laboratory-reported eGFR, labeled as reported, when no creatinine is usable', () => {
    const facts = makeFacts({
      observations: [makeObservationFact('egfr', 41.4, '2021-02-01'), scr(1.0, '2019-01-01')],
    });
    const r = computeEgfr(facts);
    expect(r.basis).toBe('reported');
    expect(r.score.value).toBe(41);
    expect(r.score.name).toMatch(/reported/);
    expect(r.score.interpretation).toMatch(/not recalculated because the latest creatinine \(2019-01-01\) is older/);
  });

  it.each([
    { name: 'unknown sex', patient: { sex: 'unknown' as const }, because: /sex recorded as "unknown"/ },
    { name: 'no birth date', patient: { birthDate: undefined, ageYears: undefined }, because: /age unknown/ },
  ])('falls back to a reported eGFR when the equation cannot be applied: $name', ({ patient, because }) => {
    const r = computeEgfr(
      makeFacts({ patient, observations: [scr(1.0), makeObservationFact('egfr', 55, '2021-03-01')] }),
    );
    expect(r.basis).toBe('reported');
    expect(r.reportedBecause).toMatch(because);
  });

  it('does not use an adult reported eGFR for a child', () => {
    const r = computeEgfr(
      makeFacts({
        patient: { birthDate: '2010-01-01', ageYears: 11 },
        observations: [scr(0.5), makeObservationFact('egfr', 120, '2021-03-01')],
      }),
    );
    expect(r.score.value).toBeNull();
  });

  it('ignores a stale reported eGFR as well', () => {
    const r = computeEgfr(makeFacts({ observations: [makeObservationFact('egfr', 20, '2018-01-01')] }));
    expect(r.score.value).toBeNull();
  });

  it('ignores values dated after now', () => {
    const r = computeEgfr(makeFacts({ observations: [scr(1.2, '2021-03-01'), scr(5, '2021-06-01')] }));
    expect(r.creatinine?.value).toBe(1.2);
  });
});
