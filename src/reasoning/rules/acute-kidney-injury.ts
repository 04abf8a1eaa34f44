/**
 * Acute kidney injury from the creatinine trend (knowledge/aki-kdigo.ts). Only a latest creatinine from the last
 * 7 days counts (an old episode is not news). Medications worth reviewing in AKI are listed in the finding.
 */
import type { Facts, MedicationFact, ObservationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, FindingInput } from '../types';
import { AKI_KDIGO } from '../knowledge/aki-kdigo';
import { findCondition, KIDNEY_REPLACEMENT } from '../knowledge/conditions';
import { AKI_RECENT_DAYS } from '../knowledge/lab-windows';
import { clipSummary, medEvidence, medInput, medNames, uniqueMeds } from '../knowledge/drugs/describe';
import { ageInDays, day, fmt, latestWithin, seriesOf } from '../scores/observations';

/** Rounded to 2 decimals so 1.2 − 0.9 is 0.3, as a clinician reads it. */
const r2 = (x: number): number => Math.round(x * 100) / 100;

export interface AkiAssessment {
  stage: 1 | 2 | 3;
  latest: ObservationFact;
  baseline: ObservationFact;
  ratio: number;
  rise: number;
  /** Which KDIGO criteria were met. */
  criteria: string[];
}

const lowest = (list: ObservationFact[]): ObservationFact | undefined =>
  list.reduce<ObservationFact | undefined>((lo, o) => (!lo || o.value < lo.value ? o : lo), undefined);

/** Creatinine values before `latest` within `days` of it. */
function before(series: readonly ObservationFact[], latest: ObservationFact, days: number): ObservationFact[] {
  return series.filter(
    (o) =>
      o !== latest &&
      (ageInDays(o.date, latest.date) ?? -1) >= 0 &&
      (ageInDays(o.date, latest.date) ?? Infinity) <= days,
  );
}

const crossedAbsolute = (baseline: ObservationFact, latest: ObservationFact): boolean =>
  baseline.value < AKI_KDIGO.stage3AbsoluteMgDl && latest.value >= AKI_KDIGO.stage3AbsoluteMgDl;

/** KDIGO stage from the creatinine series, or a reason why AKI could not be assessed. */
export function assessAki(facts: Facts): AkiAssessment | { insufficient?: string } {
  const latest = latestWithin(facts, 'creatinine', AKI_RECENT_DAYS).current;
  if (!latest) return {};
  const dialysis = findCondition(facts.conditions, KIDNEY_REPLACEMENT);
  if (dialysis)
    return {
      insufficient: `${AKI_KDIGO.id}: not assessed — ${dialysis.display} (${dialysis.ref}): creatinine swings with dialysis and the KDIGO criteria do not apply`,
    };
  const series = seriesOf(facts, 'creatinine');
  const prior7 = before(series, latest, AKI_KDIGO.baselineWindowDays);
  const baseline = lowest(prior7);
  if (!baseline)
    return {
      insufficient: `${AKI_KDIGO.id}: latest creatinine ${day(latest.date)} has no earlier value within ${AKI_KDIGO.baselineWindowDays} days to compare`,
    };
  const low48 = lowest(before(series, latest, AKI_KDIGO.absoluteWindowHours / 24));
  const criteria: string[] = [];
  const rise48 = low48 ? r2(latest.value - low48.value) : 0;
  if (low48 && rise48 >= AKI_KDIGO.absoluteRiseMgDl)
    criteria.push(`rise of ${fmt(rise48)} mg/dL within 48 h (≥ ${AKI_KDIGO.absoluteRiseMgDl})`);
  const ratio = r2(latest.value / baseline.value);
  if (ratio >= AKI_KDIGO.relativeRise)
    criteria.push(`${fmt(ratio)} × the lowest value of the prior 7 days (≥ ${AKI_KDIGO.relativeRise} ×)`);
  if (criteria.length === 0) return {};
  // KDIGO "increase to ≥ 4.0": the baseline was below 4.0 and the latest value reached it.
  if (crossedAbsolute(baseline, latest))
    criteria.push(`rise to ${fmt(latest.value)} mg/dL from below ${AKI_KDIGO.stage3AbsoluteMgDl}`);
  const stage =
    ratio >= AKI_KDIGO.stage3Ratio || crossedAbsolute(baseline, latest) ? 3 : ratio >= AKI_KDIGO.stage2Ratio ? 2 : 1;
  return { stage, latest, baseline, ratio, rise: r2(latest.value - baseline.value), criteria };
}

const obsInput = (name: string, o: ObservationFact): FindingInput => ({
  name,
  value: Number(fmt(o.value)),
  unit: 'mg/dL',
  date: o.date,
  source: o.ref,
});

function finding(a: AkiAssessment, meds: MedicationFact[]): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  const reviewText =
    meds.length > 0
      ? `**Medications to review** (nephrotoxic or renally cleared): ${medNames(meds, ', ')}.`
      : '**Medications to review:** none of the listed nephrotoxic or renally cleared classes is on the chart.';
  return {
    id: `${AKI_KDIGO.id}:${a.latest.ref}`,
    ruleId: AKI_KDIGO.id,
    family: acuteKidneyInjuryRule.family,
    severity: AKI_KDIGO.severity[a.stage],
    summary: clipSummary(
      `Possible AKI, KDIGO stage ${a.stage}: creatinine ${fmt(a.baseline.value)} → ${fmt(a.latest.value)} mg/dL (${day(a.baseline.date)} → ${day(a.latest.date)})`,
    ),
    action:
      'Confirm with a repeat creatinine and urine output; look for the cause (volume, obstruction, nephrotoxins, sepsis); stop or adjust nephrotoxic and renally cleared drugs.',
    detail: [
      `**Why it matters.** The creatinine trend meets the KDIGO 2012 definition of acute kidney injury: ${a.criteria.join('; ')}. Stage ${a.stage} by the ratio ${fmt(a.ratio)} × baseline${crossedAbsolute(a.baseline, a.latest) ? ` and a rise to ≥ ${AKI_KDIGO.stage3AbsoluteMgDl} mg/dL` : ''}.`,
      '',
      reviewText,
      '',
      '_eGFR equations are not valid while creatinine is changing._',
    ].join('\n'),
    evidence: [
      { reference: a.baseline.ref, display: a.baseline.display },
      { reference: a.latest.ref, display: a.latest.display },
      ...meds.map(medEvidence),
    ],
    inputs: [
      obsInput('Baseline creatinine (lowest, prior 7 days)', a.baseline),
      obsInput('Latest creatinine', a.latest),
      { name: 'Ratio to baseline', value: a.ratio },
      ...meds.map(medInput),
    ],
    citations: AKI_KDIGO.citations,
    suggestions: [],
    draftRefs: drafts.map((d) => d.ref),
    limitations: [...AKI_KDIGO.limitations],
  };
}

function evaluate(facts: Facts): RuleOutcome {
  const a = assessAki(facts);
  if (!('stage' in a)) return a.insufficient ? { findings: [], insufficient: [a.insufficient] } : { findings: [] };
  const review: readonly string[] = AKI_KDIGO.reviewClasses;
  const meds = uniqueMeds(
    [...facts.drafts, ...facts.medications].filter((m) => m.classes.some((c) => review.includes(c))),
  );
  return { findings: [finding(a, meds)] };
}

export const acuteKidneyInjuryRule: Rule = {
  family: 'acute-kidney-injury',
  title: 'Acute kidney injury (KDIGO creatinine criteria)',
  topic: 'acute-kidney-injury',
  description:
    'Flags a recent creatinine rise meeting KDIGO 2012 AKI criteria, with its stage and the nephrotoxic or renally cleared drugs to review.',
  citations: AKI_KDIGO.citations,
  evaluate,
};
