import { describe, expect, it } from 'vitest';
import { hyperkalemiaRule } from '@reasoning/rules/hyperkalemia';
import type { MedicationFact } from '@reasoning/facts';
import { makeFacts, makeMedicationFact, makeObservationFact } from '../support/fact-builders';

// now = 2021-04-01T12:00Z (fact-builders)
const k = (v: number, date = '2021-03-31T08:00:00Z', over = {}) => makeObservationFact('potassium', v, date, over);
const lisinopril = (over: Partial<MedicationFact> = {}) =>
  makeMedicationFact({ ingredients: ['29046'], classes: ['ace-inhibitor'], display: 'lisinopril 10 MG', ...over });
const spironolactone = (over: Partial<MedicationFact> = {}) =>
  makeMedicationFact({
    ingredients: ['9997'],
    classes: ['potassium-sparing-diuretic', 'aldosterone-antagonist'],
    display: 'spironolactone 25 MG',
    ...over,
  });
const run = (spec: Parameters<typeof makeFacts>[0]) => hyperkalemiaRule.evaluate(makeFacts(spec));

describe('hyperkalemia (UKKA levels)', () => {
  it.each([
    { v: 5.4, ruleId: undefined, severity: undefined },
    { v: 5.5, ruleId: 'hyperkalemia-mild', severity: 'info' },
    { v: 5.9, ruleId: 'hyperkalemia-mild', severity: 'info' },
    { v: 6.0, ruleId: 'hyperkalemia-moderate', severity: 'warning' },
    { v: 6.4, ruleId: 'hyperkalemia-moderate', severity: 'warning' },
    { v: 6.5, ruleId: 'hyperkalemia-severe', severity: 'critical' },
  ])('K $v mmol/L without potassium-raising drugs → $ruleId ($severity)', ({ v, ruleId, severity }) => {
    const { findings } = run({ observations: [k(v)] });
    expect(findings[0]?.ruleId).toBe(ruleId);
    expect(findings[0]?.severity).toBe(severity);
  });

  it('raises mild hyperkalaemia to a warning when a potassium-raising drug is on the chart, and names it', () => {
    const acei = lisinopril();
    const [f] = run({ observations: [k(5.6)], medications: [acei] }).findings;
    expect(f).toMatchObject({ severity: 'warning', family: 'hyperkalemia', draftRefs: [], suggestions: [] });
    expect(f?.summary).toContain('with lisinopril');
    expect(f?.evidence.map((e) => e.reference)).toContain(acei.ref);
  });

  it('suggests removing a potassium-raising draft order', () => {
    const draft = lisinopril({ isDraft: true });
    const [f] = run({ observations: [k(5.7)], drafts: [draft] }).findings;
    expect(f?.severity).toBe('warning');
    expect(f?.draftRefs).toEqual([draft.ref]);
    expect(f?.summary).toContain('(new order)');
    expect(f?.suggestions[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: [draft.ref] });
  });

  it('shows the previous value and the rising trend', () => {
    const prev = k(4.9, '2021-03-20');
    const [f] = run({ observations: [prev, k(6.1)] }).findings;
    expect(f?.inputs[1]).toMatchObject({ name: 'Potassium (previous)', value: 4.9, source: prev.ref });
    expect(f?.detail).toMatch(/rising, \+1.2/);
  });

  it('ignores a high potassium older than 30 days (stale)', () => {
    expect(run({ observations: [k(6.8, '2021-02-01')] })).toEqual({ findings: [] });
  });

  it('downgrades a severe value older than 3 days to a warning', () => {
    expect(run({ observations: [k(6.8, '2021-03-25')] }).findings[0]?.severity).toBe('warning');
  });

  it('reports insufficient data for a potassium-raising draft with no recent potassium', () => {
    const out = run({ observations: [k(5.0, '2020-12-01')], drafts: [lisinopril({ isDraft: true })] });
    expect(out.findings).toEqual([]);
    expect(out.insufficient?.[0]).toMatch(/latest potassium 2020-12-01 is older than 30 days/);
  });

  it('reads a value reported in mEq/L through its canonical mmol/L value', () => {
    const [f] = run({ observations: [k(6.6, '2021-03-31T08:00:00Z', { originalUnit: 'meq/L' })] }).findings;
    expect(f?.inputs[0]).toMatchObject({ value: 6.6, unit: 'mmol/L' });
  });
});

describe('hyperkalemia: draft MRA at K ≥ 5.0 (2022 AHA/ACC/HFSA)', () => {
  it.each([
    [4.9, 0],
    [5.0, 1],
    [5.4, 1],
  ])('K %s with a draft spironolactone → %i MRA finding(s)', (v, n) => {
    const { findings } = run({ observations: [k(v)], drafts: [spironolactone({ isDraft: true })] });
    expect(findings.filter((f) => f.ruleId === 'hyperkalemia-mra-draft')).toHaveLength(n);
  });

  it('does not flag a chart (non-draft) MRA at K 5.2', () => {
    expect(run({ observations: [k(5.2)], medications: [spironolactone()] }).findings).toEqual([]);
  });

  it('folds the MRA draft into the level finding at K ≥ 5.5', () => {
    const { findings } = run({ observations: [k(5.8)], drafts: [spironolactone({ isDraft: true })] });
    expect(findings.map((f) => f.ruleId)).toEqual(['hyperkalemia-mild']);
  });
});
