/**
 * CHA2DS2-VASc from coded conditions, age and sex: every item is a component with its points and the Condition it
 * came from, or "not recorded". Computed only for patients with atrial fibrillation (the score's population).
 */
import type { Facts } from '../facts';
import type { Score, ScoreComponent } from '../types';
import { ATRIAL_FIBRILLATION, findCondition } from '../knowledge/conditions';
import { AGE_BANDS, CHA2DS2_VASC_CITATIONS, CHA2DS2_VASC_CONDITIONS, FEMALE_POINTS } from '../knowledge/cha2ds2-vasc';

function conditionComponents(facts: Facts): ScoreComponent[] {
  return CHA2DS2_VASC_CONDITIONS.map(({ letter, set, points }) => {
    const c = findCondition(facts.conditions, set);
    if (!c) return { name: `${letter}: ${set.name}`, points: 0, value: 'not recorded' };
    const component: ScoreComponent = { name: `${letter}: ${set.name}`, points, value: c.display, source: c.ref };
    const date = c.onset ?? c.recorded;
    return date ? { ...component, date } : component;
  });
}

function ageComponent(age: number): ScoreComponent {
  const points = age >= AGE_BANDS.twoPoints ? 2 : age >= AGE_BANDS.onePoint ? 1 : 0;
  return { name: 'A2/A: Age', points, value: `${age} years` };
}

/** What the 2023 ACC/AHA guideline says for a score (annual risk bands are in the guideline, not restated). */
function interpret(value: number, sex: 'female' | 'male'): string {
  const threshold = sex === 'female' ? 3 : 2;
  if (value >= threshold)
    return `${value}: oral anticoagulation recommended to reduce stroke risk (2023 ACC/AHA/ACCP/HRS: score ≥ 2 in men, ≥ 3 in women), after weighing bleeding risk.`;
  if (value === threshold - 1)
    return `${value}: oral anticoagulation is reasonable to consider (2023 ACC/AHA/ACCP/HRS).`;
  return `${value}: low stroke risk; anticoagulation not indicated by this score alone.`;
}

/** The CHA2DS2-VASc score, or undefined when the patient has no recorded atrial fibrillation. */
export function computeCha2ds2Vasc(facts: Facts): Score | undefined {
  if (!findCondition(facts.conditions, ATRIAL_FIBRILLATION)) return undefined;
  const components = conditionComponents(facts);
  const base = { id: 'cha2ds2-vasc' as const, name: 'CHA2DS2-VASc', citations: CHA2DS2_VASC_CITATIONS };
  const age = facts.patient?.ageYears;
  const sex = facts.patient?.sex;
  if (age === undefined)
    return {
      ...base,
      components,
      value: null,
      interpretation: 'Not calculable.',
      insufficient: 'age unknown (no usable birth date)',
    };
  components.push(ageComponent(age));
  if (sex !== 'female' && sex !== 'male') {
    // The sex-category point and the treatment threshold both depend on sex: guessing could hide an indication.
    return {
      ...base,
      components,
      value: null,
      interpretation: 'Not calculable.',
      insufficient: `sex recorded as "${sex ?? 'missing'}": the sex-category item cannot be scored`,
    };
  }
  components.push({
    name: 'Sc: Sex category (female)',
    points: sex === 'female' ? FEMALE_POINTS : 0,
    value: sex,
    ...(facts.patient ? { source: facts.patient.ref } : {}),
  });
  const value = components.reduce((sum, c) => sum + c.points, 0);
  return { ...base, components, value, date: facts.now, interpretation: interpret(value, sex) };
}
