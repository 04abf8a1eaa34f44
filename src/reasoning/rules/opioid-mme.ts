/**
 * Opioid dose in morphine milligram equivalents per day (knowledge/opioid-safety.ts, CDC 2022), summed over the
 * current and new opioid orders from their dosageInstruction. Only a new opioid order raises a finding: ≥ 50
 * MME/day is info (reassess), ≥ 90 MME/day a warning (avoid or justify). Orders whose MME cannot be computed are
 * named in the inputs, so the total is shown as "at least" and never passes for a complete one.
 */
import type { Facts, MedicationFact } from '../facts';
import { type Rule, type RuleOutcome, ruleOutcome } from '../rule';
import type { Finding, FindingInput, Severity } from '../types';
import { MME_CITATIONS, MME_FACTORS, MME_THRESHOLDS as T } from '../knowledge/opioid-safety';
import { clipSummary, medEvidence, medInput, medNames, medStatusText, uniqueMeds } from '../knowledge/drugs/describe';
import { ingredientName } from '../knowledge/drugs';
import { dailyDose } from './daily-dose';

type OrderMme = { med: MedicationFact; mme: number; basis: string } | { med: MedicationFact; reason: string };

const round = (n: number): number => Math.round(n * 10) / 10;

function mmeOf(m: MedicationFact, cui: string): { mme: number; basis: string } | { reason: string } {
  const f = MME_FACTORS[cui];
  const name = ingredientName(cui);
  if (!f) return { reason: `no CDC conversion factor for ${name}` };
  const patch = m.strengths?.[cui];
  if (f.transdermalPerMcgHour) {
    if (!patch?.perHour) return { reason: `${name}: only transdermal patches have a CDC factor` };
    const mcgH = patch.mg * 1000 * (m.dose?.doseUnits ?? 1);
    return { mme: mcgH * f.factor, basis: `${name} ${round(mcgH)} mcg/h × ${f.factor}` };
  }
  if (m.route === 'injection') return { reason: `${name}: parenteral — CDC factors are for oral opioids` };
  const d = dailyDose(m, cui);
  if (!d.known) return { reason: `${name}: ${d.reason}` };
  return { mme: d.dailyMg * f.factor, basis: `${name} ${round(d.dailyMg)} mg/day × ${f.factor}` };
}

function ordersMme(meds: readonly MedicationFact[]): OrderMme[] {
  return meds.flatMap((med) =>
    med.ingredients
      .filter((i) => MME_FACTORS[i] !== undefined || med.ingredients.length === 1)
      .map((cui) => ({ med, ...mmeOf(med, cui) })),
  );
}

function toFinding(orders: readonly OrderMme[], total: number, severity: Severity): Finding {
  const meds = uniqueMeds(orders.map((o) => o.med));
  const unknown = orders.filter((o) => 'reason' in o);
  const atLeast = unknown.length > 0 ? 'at least ' : '';
  const draftNames = medNames(
    meds.filter((m) => m.isDraft),
    '/',
  );
  const perOrder: FindingInput[] = orders.map((o) => ({
    name: 'MME/day of order',
    value: 'reason' in o ? `not computed: ${o.reason}` : `${o.basis} = ${round(o.mme)}`,
    source: o.med.ref,
  }));
  const detail = [
    `**${atLeast}${round(total)} MME/day** with the new order (CDC 2022 conversion factors), at or above ${severity === 'warning' ? T.high : T.reassess} MME/day. MME is for risk, not for converting between opioids.`,
    '',
    '**Opioid orders counted:**',
    ...orders.map(
      (o) =>
        `- ${o.med.display} — ${medStatusText(o.med)}: ${'reason' in o ? `not computed (${o.reason})` : `${o.basis} = ${round(o.mme)} MME/day`}`,
    ),
  ].join('\n');
  return {
    id: `opioid-mme:${meds.map((m) => m.ref).join(',')}`,
    ruleId: severity === 'warning' ? 'opioid-mme-90' : 'opioid-mme-50',
    family: opioidMmeRule.family,
    severity,
    summary: clipSummary(
      `Opioid dose ${atLeast}${round(total)} MME/day with the new ${draftNames} order (${severity === 'warning' ? `≥ ${T.high}` : `≥ ${T.reassess}`})`,
    ),
    action:
      severity === 'warning'
        ? `Avoid ≥ ${T.high} MME/day, or justify and document the benefit; use the lowest effective dose and offer naloxone.`
        : 'Reassess benefit and risk before continuing; use the lowest effective dose; offer naloxone at higher doses or with benzodiazepines.',
    detail,
    evidence: meds.map(medEvidence),
    inputs: [...meds.map(medInput), ...perOrder, { name: 'total MME/day', value: round(total), unit: 'MME/day' }],
    citations: MME_CITATIONS,
    suggestions: [],
    draftRefs: meds.filter((m) => m.isDraft).map((m) => m.ref),
    limitations: [
      'Reads the first dosage instruction; as-needed orders count at their maximum ordered frequency.',
      'Orders over a year old are not counted.',
    ],
  };
}

function evaluate(facts: Facts): RuleOutcome {
  const opioids = [...facts.drafts, ...facts.medications.filter((m) => !m.isStale)].filter((m) =>
    m.classes.includes('opioid'),
  );
  if (!opioids.some((m) => m.isDraft)) return { findings: [] };
  const orders = ordersMme(opioids);
  const total = orders.reduce((s, o) => s + ('mme' in o ? o.mme : 0), 0);
  const unknown = orders.filter((o) => 'reason' in o).length;
  const insufficient =
    unknown > 0 ? [`MME/day not computed for ${unknown} opioid order(s); the total is a lower bound`] : [];
  const severity: Severity | undefined = total >= T.high ? 'warning' : total >= T.reassess ? 'info' : undefined;
  const findings = severity ? [toFinding(orders, total, severity)] : [];
  return ruleOutcome(findings, insufficient);
}

export const opioidMmeRule: Rule = {
  family: 'opioid-mme',
  title: 'Opioid dose (morphine milligram equivalents)',
  topic: 'opioid-safety',
  description:
    'Sums MME/day over current and new opioid orders from their dosage (CDC 2022 factors) and flags new orders at ≥ 50 and ≥ 90 MME/day.',
  citations: MME_CITATIONS,
  evaluate,
};
