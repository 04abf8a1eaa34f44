import { describe, expect, it } from 'vitest';
import { anticoagulationGapRule } from '@reasoning/rules/anticoagulation-gap';
import type { PatientFacts } from '@reasoning/facts';
import { makeConditionFact, makeFacts, makeMedicationFact } from '../support/fact-builders';

const af = makeConditionFact('49436004', 'Atrial fibrillation');
const htn = makeConditionFact('38341003', 'Hypertension');
const dm = makeConditionFact('44054006', 'Diabetes');
const warfarin = makeMedicationFact({ ingredients: ['11289'], classes: ['vka'], display: 'warfarin 5 MG' });

const run = (patient: Partial<PatientFacts>, conditions = [af, htn], extra: Parameters<typeof makeFacts>[0] = {}) =>
  anticoagulationGapRule.evaluate(makeFacts({ patient, conditions, ...extra }));

describe('anticoagulation-gap', () => {
  it.each([
    { name: 'man, score 2 (HTN + age 65)', patient: { ageYears: 65, sex: 'male' as const }, fires: true },
    { name: 'man, score 1 (HTN only)', patient: { ageYears: 64, sex: 'male' as const }, fires: false },
    { name: 'woman, score 3 (HTN + age 65 + sex)', patient: { ageYears: 65, sex: 'female' as const }, fires: true },
    { name: 'woman, score 2 (HTN + sex)', patient: { ageYears: 60, sex: 'female' as const }, fires: false },
  ])('at the threshold: $name → fires $fires', ({ patient, fires }) => {
    expect(run(patient).findings.length > 0).toBe(fires);
  });

  it('shows every score component with its points and source', () => {
    const [f] = run({ ageYears: 76, sex: 'male' }, [af, htn, dm]).findings;
    expect(f).toMatchObject({
      ruleId: 'anticoag-gap-af',
      family: 'anticoagulation-gap',
      severity: 'warning',
      suggestions: [],
      draftRefs: [],
    });
    expect(f?.id).toBe(`anticoag-gap-af:${af.ref}`);
    expect(f?.summary).toContain('CHA2DS2-VASc 4');
    expect(f?.inputs.find((i) => i.name.startsWith('H:'))).toMatchObject({
      value: '1 point (Hypertension)',
      source: htn.ref,
    });
    expect(f?.inputs.find((i) => i.name.startsWith('C:'))?.value).toBe('0 points (not recorded)');
    expect(f?.evidence.map((e) => e.reference)).toEqual(expect.arrayContaining([af.ref, htn.ref, dm.ref]));
    expect(f?.limitations?.join(' ')).toMatch(/Bleeding risk/);
  });

  it.each([
    { name: 'an active warfarin order', extra: { medications: [warfarin] } },
    {
      name: 'a draft apixaban order',
      extra: { drafts: [makeMedicationFact({ ingredients: ['1364430'], classes: ['doac'] })] },
    },
  ])('does not fire with $name', ({ extra }) => {
    expect(run({ ageYears: 80, sex: 'male' }, [af, htn], extra).findings).toEqual([]);
  });

  it('does not fire without atrial fibrillation', () => {
    expect(run({ ageYears: 80, sex: 'female' }, [htn, dm]).findings).toEqual([]);
  });

  it('reports insufficient data when sex is unknown', () => {
    const out = run({ ageYears: 80, sex: 'unknown' });
    expect(out.findings).toEqual([]);
    expect(out.insufficient?.[0]).toMatch(/not calculable — sex recorded as "unknown"/);
  });

  it('recognises AF coded in ICD-10-CM', () => {
    expect(
      run({ ageYears: 80, sex: 'male' }, [makeConditionFact('I48.21', 'Permanent AF', 'icd10')]).findings,
    ).toHaveLength(1);
  });
});
