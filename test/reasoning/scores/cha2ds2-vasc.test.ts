import { describe, expect, it } from 'vitest';
import { computeCha2ds2Vasc } from '@reasoning/scores';
import { makeConditionFact, makeFacts } from '../support/fact-builders';

const af = () => makeConditionFact('49436004', 'Atrial fibrillation');

describe('computeCha2ds2Vasc', () => {
  it('is not computed without atrial fibrillation', () => {
    expect(computeCha2ds2Vasc(makeFacts({ conditions: [makeConditionFact('38341003')] }))).toBeUndefined();
  });

  it.each([
    { name: 'SNOMED paroxysmal AF', c: makeConditionFact('282825002') },
    { name: 'ICD-10-CM I48.91', c: makeConditionFact('I48.91', 'AF', 'icd10') },
    { name: 'ICD-10-CM I48.0 without dot', c: makeConditionFact('I480', 'AF', 'icd10') },
  ])('recognises $name', ({ c }) => {
    expect(computeCha2ds2Vasc(makeFacts({ conditions: [c] }))).toBeDefined();
  });

  it('does not count atrial flutter (I48.3) as AF', () => {
    expect(
      computeCha2ds2Vasc(makeFacts({ conditions: [makeConditionFact('I48.3', 'flutter', 'icd10')] })),
    ).toBeUndefined();
  });

  it('scores every item with its source condition, or "not recorded"', () => {
    const chf = makeConditionFact('88805009', 'Chronic congestive heart failure');
    const stroke = makeConditionFact('I63.9', 'Cerebral infarction', 'icd10');
    const s = computeCha2ds2Vasc(
      makeFacts({ patient: { ageYears: 78, sex: 'female' }, conditions: [af(), chf, stroke] }),
    );
    expect(s?.value).toBe(1 + 2 + 2 + 1);
    const byName = Object.fromEntries(s?.components.map((c) => [c.name.split(':')[0], c]) ?? []);
    expect(byName.C).toMatchObject({ points: 1, source: chf.ref });
    expect(byName.S2).toMatchObject({ points: 2, source: stroke.ref });
    expect(byName.H).toMatchObject({ points: 0, value: 'not recorded' });
    expect(byName['A2/A']).toMatchObject({ points: 2, value: '78 years' });
    expect(byName.Sc).toMatchObject({ points: 1 });
    expect(s?.interpretation).toMatch(/anticoagulation recommended/);
  });

  it.each([
    [64, 0],
    [65, 1],
    [74, 1],
    [75, 2],
  ])('age %i scores %i (band boundaries)', (age, points) => {
    const s = computeCha2ds2Vasc(makeFacts({ patient: { ageYears: age, sex: 'male' }, conditions: [af()] }));
    expect(s?.components.find((c) => c.name.startsWith('A2/A'))?.points).toBe(points);
  });

  it.each([
    { codes: [makeConditionFact('59621000')], expected: 1 },
    { codes: [makeConditionFact('E11.9', 'T2DM', 'icd10')], expected: 1 },
    { codes: [makeConditionFact('399211009')], expected: 1 },
    { codes: [makeConditionFact('I70.0', 'Aortic atherosclerosis', 'icd10')], expected: 1 },
    { codes: [makeConditionFact('53741008', 'Coronary arteriosclerosis')], expected: 0 },
  ])('counts condition $codes.0.codes.0.code as $expected point(s) for a 50-year-old man', ({ codes, expected }) => {
    const s = computeCha2ds2Vasc(makeFacts({ patient: { ageYears: 50, sex: 'male' }, conditions: [af(), ...codes] }));
    expect(s?.value).toBe(expected);
  });

  it.each([
    { patient: { ageYears: undefined }, reason: /age unknown/ },
    { patient: { sex: 'unknown' as const }, reason: /sex-category/ },
  ])('is insufficient when $reason', ({ patient, reason }) => {
    const s = computeCha2ds2Vasc(makeFacts({ patient, conditions: [af()] }));
    expect(s?.value).toBeNull();
    expect(s?.insufficient).toMatch(reason);
  });
});
