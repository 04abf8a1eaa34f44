import { describe, expect, it } from 'vitest';
import { earlyWarningRule } from '@reasoning/rules/early-warning';
import { makeFacts, makeObservationFact } from '../support/fact-builders';

const T = '2021-04-01T10:00:00Z';
const vitals = (v: Partial<Record<string, number>>, date = T) =>
  Object.entries(v).map(([k, x]) => makeObservationFact(k, x as number, date));
const normal = { 'respiratory-rate': 16, spo2: 97, 'systolic-bp': 125, 'heart-rate': 75, 'body-temperature': 37 };
const run = (v: Partial<Record<string, number>>, date = T) =>
  earlyWarningRule.evaluate(makeFacts({ now: '2021-04-01T12:00:00Z', observations: vitals(v, date) })).findings;

describe('early-warning: NEWS2 findings (RCP 2017 clinical response)', () => {
  it.each([
    [
      'aggregate 8 (RR 25, SpO2 91, HR 111 → 3+3+2) → emergency, critical',
      { ...normal, 'respiratory-rate': 25, spo2: 91, 'heart-rate': 111 },
      'news2-emergency',
      'critical',
    ],
    [
      'aggregate 5 (RR 21, HR 111, T 38.5 → 2+2+1) → urgent, warning',
      { ...normal, 'respiratory-rate': 21, 'heart-rate': 111, 'body-temperature': 38.5 },
      'news2-urgent',
      'warning',
    ],
    [
      'single red parameter (SBP 88) with aggregate 3 → urgent, warning',
      { ...normal, 'systolic-bp': 88 },
      'news2-urgent',
      'warning',
    ],
  ])('%s', (_name, v, ruleId, severity) => {
    const f = run(v);
    expect(f).toHaveLength(1);
    expect(f[0]?.ruleId).toBe(ruleId);
    expect(f[0]?.severity).toBe(severity);
    expect(f[0]?.family).toBe('early-warning');
    expect(f[0]?.summary.length).toBeLessThan(140);
    expect(f[0]?.inputs).toHaveLength(5);
    expect(f[0]?.inputs.every((i) => i.date === T && i.source)).toBe(true);
  });

  it.each([
    ['aggregate 4, no red parameter', { ...normal, 'respiratory-rate': 21, 'heart-rate': 111 }],
    ['all normal', normal],
  ])('does not fire: %s', (_name, v) => {
    expect(run(v)).toEqual([]);
  });

  it('does not fire on vital signs older than 24 h', () => {
    expect(run({ ...normal, 'systolic-bp': 85, 'respiratory-rate': 26 }, '2021-03-31T10:00:00Z')).toEqual([]);
  });

  it('never presents a partial score as complete: "at least", names the missing parameters', () => {
    const f = run({ ...normal, 'respiratory-rate': 25, spo2: 91, 'heart-rate': 111 })[0];
    expect(f?.summary).toMatch(/^NEWS2 at least 8: emergency response \(partial, 2 not recorded\)/);
    expect(f?.detail).toContain('Air or oxygen, Consciousness (ACVPU)');
    expect(f?.detail).toContain('lower bound');
    expect(f?.limitations?.[0]).toMatch(/^Partial score/);
  });

  it('scores only what was recorded when some vitals are missing (aggregate 5 from three parameters)', () => {
    const f = run({ 'respiratory-rate': 25, spo2: 94, 'body-temperature': 38.5 });
    expect(f[0]?.ruleId).toBe('news2-urgent');
    expect(f[0]?.detail).toContain('3 of 7 parameters');
    expect(f[0]?.detail).toContain('Systolic blood pressure');
  });
});
