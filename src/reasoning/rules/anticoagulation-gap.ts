/**
 * Anticoagulation gap: recorded atrial fibrillation, CHA2DS2-VASc at or above the 2023 ACC/AHA/ACCP/HRS class-1
 * threshold (≥ 2 men, ≥ 3 women), and no active or draft anticoagulant. A warning that opens the discussion: no
 * order is proposed, because bleeding risk and the patient's choice are not in the record (knowledge/anticoagulation).
 */
import type { Facts } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, Score } from '../types';
import { ANTICOAGULATION_GAP } from '../knowledge/anticoagulation';
import { CHA2DS2_VASC_LIMITATIONS } from '../knowledge/cha2ds2-vasc';
import { ATRIAL_FIBRILLATION, findCondition } from '../knowledge/conditions';
import { clipSummary } from '../knowledge/drugs/describe';
import { computeCha2ds2Vasc } from '../scores/cha2ds2-vasc';

function isAnticoagulated(facts: Facts): boolean {
  const covering: readonly string[] = ANTICOAGULATION_GAP.covering;
  return [...facts.medications, ...facts.drafts].some((m) => m.classes.some((c) => covering.includes(c)));
}

function finding(facts: Facts, score: Score & { value: number }, afRef: string, threshold: number): Finding {
  const counted = score.components.filter((c) => c.points > 0);
  return {
    id: `${ANTICOAGULATION_GAP.id}:${afRef}`,
    ruleId: ANTICOAGULATION_GAP.id,
    family: anticoagulationGapRule.family,
    severity: 'warning',
    summary: clipSummary(
      `Atrial fibrillation, CHA2DS2-VASc ${score.value} (≥ ${threshold}), and no anticoagulant on the chart`,
    ),
    action:
      'Check whether anticoagulation was discussed and declined, is contraindicated or is prescribed elsewhere; if not, consider a shared decision to start it.',
    detail: [
      `**Why it matters.** The 2023 ACC/AHA/ACCP/HRS guideline recommends oral anticoagulation for AF at CHA2DS2-VASc ≥ ${ANTICOAGULATION_GAP.threshold.male} in men and ≥ ${ANTICOAGULATION_GAP.threshold.female} in women, to prevent stroke, after weighing bleeding risk. A DOAC is preferred over warfarin unless there is a mechanical valve or moderate–severe mitral stenosis.`,
      '',
      `**Score components** (total ${score.value}):`,
      ...score.components.map((c) => `- ${c.name}: ${c.points} — ${c.value}`),
      '',
      `No active or draft vitamin K antagonist, DOAC or heparin in this record (as of ${facts.now.slice(0, 10)}).`,
    ].join('\n'),
    evidence: [
      { reference: afRef, display: 'Atrial fibrillation' },
      ...counted.flatMap((c) => (c.source && c.source !== afRef ? [{ reference: c.source, display: c.value }] : [])),
    ],
    inputs: score.components.map((c) => ({
      name: c.name,
      value: `${c.points} point${c.points === 1 ? '' : 's'} (${c.value})`,
      ...(c.date ? { date: c.date } : {}),
      ...(c.source ? { source: c.source } : {}),
    })),
    citations: ANTICOAGULATION_GAP.citations,
    suggestions: [],
    draftRefs: [],
    limitations: [...ANTICOAGULATION_GAP.limitations, ...CHA2DS2_VASC_LIMITATIONS],
  };
}

function evaluate(facts: Facts): RuleOutcome {
  const af = findCondition(facts.conditions, ATRIAL_FIBRILLATION);
  if (!af || isAnticoagulated(facts)) return { findings: [] };
  const score = computeCha2ds2Vasc(facts);
  if (!score || score.value === null) {
    return {
      findings: [],
      insufficient: [
        `${ANTICOAGULATION_GAP.id}: AF without anticoagulant, but CHA2DS2-VASc not calculable — ${score?.insufficient ?? 'unknown reason'}`,
      ],
    };
  }
  const threshold =
    facts.patient?.sex === 'female' ? ANTICOAGULATION_GAP.threshold.female : ANTICOAGULATION_GAP.threshold.male;
  if (score.value < threshold) return { findings: [] };
  return { findings: [finding(facts, { ...score, value: score.value }, af.ref, threshold)] };
}

export const anticoagulationGapRule: Rule = {
  family: 'anticoagulation-gap',
  title: 'Atrial fibrillation without anticoagulation (CHA2DS2-VASc)',
  topic: 'anticoagulation-gap',
  description:
    'Flags recorded atrial fibrillation with a CHA2DS2-VASc at the guideline threshold and no active or draft anticoagulant.',
  citations: ANTICOAGULATION_GAP.citations,
  evaluate,
};
