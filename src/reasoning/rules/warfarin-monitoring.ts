/**
 * Warfarin monitoring (knowledge/warfarin-monitoring.ts): an INR overdue beyond the longest interval CHEST 2012
 * endorses for stable patients (12 weeks), and a current INR above 4.5 (above 10: critical while recent), with
 * the INR trend. Chart warfarin drives the overdue check; chart or draft warfarin drives the high-INR check.
 */
import type { Facts, MedicationFact, ObservationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, FindingInput, Severity, Suggestion } from '../types';
import { WARFARIN_MONITORING as W } from '../knowledge/warfarin-monitoring';
import { clipSummary, medEvidence, medInput, medStatusText, uniqueMeds } from '../knowledge/drugs/describe';
import { ageInDays, day, fmt, seriesOf } from '../scores/observations';

const isVka = (m: MedicationFact): boolean => m.classes.includes('vka');

function inrInput(o: ObservationFact, name: string): FindingInput {
  return { name, value: o.value, unit: '{INR}', date: o.date, source: o.ref };
}

/** A draft INR order (LOINC 6301-6) for the clinician to review and sign; timing is left to the prescriber. */
function orderInr(patientRef: string | undefined): Suggestion[] {
  const resource: fhir4.ServiceRequest = {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    code: {
      coding: [
        { system: 'http://loinc.org', code: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay' },
      ],
      text: 'INR',
    },
    subject: { reference: patientRef ?? 'Patient/unknown' },
  };
  return [{ label: 'Order an INR', actions: [{ type: 'create', description: 'Draft an INR order', resource }] }];
}

function medLines(meds: readonly MedicationFact[]): string[] {
  return ['**Warfarin in this record:**', ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`)];
}

function base(
  facts: Facts,
  id: string,
  key: string,
  meds: MedicationFact[],
  severity: Severity,
  summary: string,
  action: string,
  detail: string[],
  inrs: readonly ObservationFact[],
): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  return {
    id: `${id}:${key}`,
    ruleId: id,
    family: warfarinMonitoringRule.family,
    severity,
    summary: clipSummary(summary),
    action,
    detail: detail.join('\n'),
    evidence: [...inrs.map((o) => ({ reference: o.ref, display: o.display })), ...meds.map(medEvidence)],
    inputs: [...inrs.map((o, i) => inrInput(o, i === 0 ? 'INR (latest)' : 'INR (earlier)')), ...meds.map(medInput)],
    citations: W.citations,
    suggestions: orderInr(facts.patient?.ref),
    draftRefs: drafts.map((d) => d.ref),
    limitations: [...W.limitations],
  };
}

function overdueFinding(
  facts: Facts,
  chart: MedicationFact[],
  latest: ObservationFact | undefined,
): Finding | undefined {
  const age = latest ? ageInDays(latest.date, facts.now) : undefined;
  if (age !== undefined && age <= W.overdueAfterDays) return undefined;
  const severity: Severity = chart.some((m) => !m.isStale) ? 'warning' : 'info';
  const last = latest ? `last INR ${fmt(latest.value, 1)} on ${day(latest.date)}` : 'no INR on record';
  const why = `**Why it matters.** Warfarin has a narrow therapeutic range; CHEST 2012 (recommendation 3.1) allows INR testing at most every ${W.overdueAfterDays / 7} weeks, and only for patients whose INR has been consistently stable.`;
  return base(
    facts,
    'warfarin-inr-overdue',
    chart.map((m) => m.ref).join(','),
    chart,
    severity,
    `Warfarin with no INR in the last ${W.overdueAfterDays} days (${last})`,
    'Check an INR now, or confirm that warfarin has been stopped and update the medication list.',
    [
      why,
      '',
      ...medLines(chart),
      '',
      `**Latest INR:** ${latest ? `${fmt(latest.value, 1)} on ${day(latest.date)} (${Math.floor(age ?? 0)} days ago)` : 'none recorded'}.`,
    ],
    latest ? [latest] : [],
  );
}

function highFinding(facts: Facts, meds: MedicationFact[], series: readonly ObservationFact[]): Finding | undefined {
  const latest = series.at(-1);
  const age = latest ? ageInDays(latest.date, facts.now) : undefined;
  if (!latest || age === undefined || age > W.overdueAfterDays || latest.value < W.highFrom) return undefined;
  const veryHigh = latest.value > W.veryHighAbove;
  const severity: Severity = veryHigh && age <= W.criticalWithinDays ? 'critical' : 'warning';
  const trend = series.slice(-W.trendLength).reverse();
  const action = veryHigh
    ? 'INR above 10 without bleeding: hold warfarin and give oral vitamin K (CHEST 2012, 9.2); with bleeding, urgent reversal.'
    : 'INR 4.5–10 without bleeding: hold or reduce warfarin; routine vitamin K is not suggested (CHEST 2012, 9.1); recheck INR in a few days.';
  return base(
    facts,
    'warfarin-inr-high',
    latest.ref,
    meds,
    severity,
    `INR ${fmt(latest.value, 1)} (${day(latest.date)}) on warfarin: above ${veryHigh ? W.veryHighAbove : W.highFrom}, bleeding risk`,
    `${action} Look for a cause: new interacting drug, illness, diet, dosing error.`,
    [
      '**Why it matters.** Bleeding risk rises steeply with INR above the 2.0–3.0 target, most of all above 4.5.',
      '',
      `**INR trend (newest first):** ${trend.map((o) => `${fmt(o.value, 1)} (${day(o.date)})`).join(', ')}.`,
      '',
      ...medLines(meds),
    ],
    trend,
  );
}

function evaluate(facts: Facts): RuleOutcome {
  const chart = uniqueMeds(facts.medications.filter(isVka));
  const all = uniqueMeds([...facts.drafts, ...facts.medications].filter(isVka));
  if (all.length === 0) return { findings: [] };
  const series = seriesOf(facts, 'inr');
  const findings = [
    chart.length > 0 ? overdueFinding(facts, chart, series.at(-1)) : undefined,
    highFinding(facts, all, series),
  ];
  return { findings: findings.filter((f): f is Finding => f !== undefined) };
}

export const warfarinMonitoringRule: Rule = {
  family: 'warfarin-monitoring',
  title: 'Warfarin INR monitoring',
  topic: 'anticoagulation-monitoring',
  description:
    'Flags warfarin without an INR in the last 12 weeks, and a current INR of 4.5 or more, with the INR trend (CHEST 2012).',
  citations: W.citations,
  evaluate,
};
