/**
 * Dose-aware checks (knowledge/dose-limits.ts) from each order's dosageInstruction: a daily dose above a hard
 * label limit, a total over several products above it, or oral methotrexate more often than weekly. A dose that
 * cannot be read is never guessed: it is reported as insufficient data, and for a new methotrexate order as an
 * info finding asking to confirm the schedule.
 */
import type { Facts, MedicationFact } from '../facts';
import { type Rule, type RuleOutcome, ruleOutcome } from '../rule';
import type { Finding, FindingInput } from '../types';
import { DOSE_LIMITS, type DoseLimit } from '../knowledge/dose-limits';
import {
  clipSummary,
  deleteDrafts,
  medEvidence,
  medInput,
  medStatusText,
  sentenceStart,
  uniqueMeds,
} from '../knowledge/drugs/describe';
import { dailyDose, type DailyDose } from './daily-dose';

interface Checked {
  med: MedicationFact;
  dose: DailyDose;
}

function capFor(limit: DoseLimit, facts: Facts): { mg: number; why: string } {
  const age = facts.patient?.ageYears;
  if (limit.older && age !== undefined && age > limit.older.years)
    return { mg: limit.older.maxDailyMg, why: `age ${age} (over ${limit.older.years})` };
  return { mg: limit.maxDailyMg ?? Infinity, why: 'adult maximum' };
}

function finding(
  limit: DoseLimit,
  facts: Facts,
  checked: readonly Checked[],
  headline: string,
  known: boolean,
): Finding {
  const meds = uniqueMeds(checked.map((c) => c.med));
  const drafts = meds.filter((m) => m.isDraft);
  const severity = !known ? 'info' : drafts.length > 0 ? limit.severity.draft : limit.severity.chart;
  const doseInputs: FindingInput[] = checked.map((c) => ({
    name: `${limit.drug} daily dose`,
    value: c.dose.known ? c.dose.basis : `not readable: ${c.dose.reason}`,
    source: c.med.ref,
  }));
  if (limit.older && facts.patient?.ageYears !== undefined)
    doseInputs.push({ name: 'age (years)', value: facts.patient.ageYears, source: facts.patient.ref });
  const detail = [
    `**${headline}.** ${limit.rationale}`,
    '',
    '**In this record:**',
    ...checked.map(
      (c) =>
        `- ${c.med.display} — ${medStatusText(c.med)}: ${c.dose.known ? c.dose.basis : `dose not readable (${c.dose.reason})`}`,
    ),
  ].join('\n');
  return {
    id: `${limit.id}:${meds.map((m) => m.ref).join(',')}`,
    ruleId: limit.id,
    family: doseLimitsRule.family,
    severity,
    summary: clipSummary(`${sentenceStart(limit.drug)}: ${known ? limit.harm : 'dose could not be checked'}`),
    action: limit.management,
    detail,
    evidence: meds.map(medEvidence),
    inputs: [...meds.map(medInput), ...doseInputs],
    citations: limit.citations,
    suggestions:
      known && drafts.length > 0
        ? [
            {
              label: `Remove the draft order for ${limit.drug} and re-enter the dose`,
              actions: [deleteDrafts(drafts, 'Remove the draft order')],
            },
          ]
        : [],
    draftRefs: drafts.map((m) => m.ref),
    limitations: [
      'Reads the first dosage instruction of each order; tapering schedules and free-text doses are not read.',
    ],
  };
}

function evaluateLimit(limit: DoseLimit, facts: Facts, insufficient: string[]): Finding[] {
  const meds = [...facts.drafts, ...facts.medications.filter((m) => !m.isStale)].filter((m) =>
    m.ingredients.includes(limit.cui),
  );
  const checked = meds.map((med) => ({ med, dose: dailyDose(med, limit.cui) }));
  const unknown = checked.filter((c) => !c.dose.known);
  if (unknown.length > 0)
    insufficient.push(
      `${unknown.length} ${limit.drug} order(s) without a readable dose were not checked against the label limit`,
    );
  if (limit.kind === 'weekly') {
    const oral = checked.filter((c) => c.med.route === undefined || c.med.route === 'oral');
    const daily = oral.filter((c) => c.dose.known && (c.dose.intervalDays ?? 7) < 6.5);
    if (daily.length > 0)
      return [finding(limit, facts, daily, 'Oral methotrexate ordered more often than once a week', true)];
    const unread = oral.filter((c) => c.med.isDraft && !c.dose.known);
    return unread.length > 0
      ? [finding(limit, facts, unread, 'Confirm the schedule: the order does not say how often', false)]
      : [];
  }
  const cap = capFor(limit, facts);
  if (limit.kind === 'sum-daily') {
    const total = checked.reduce((sum, c) => sum + (c.dose.known ? c.dose.dailyMg : 0), 0);
    return total > cap.mg
      ? [finding(limit, facts, checked, `Total ${Math.round(total)} mg/day, above the ${cap.mg} mg/day limit`, true)]
      : [];
  }
  return checked
    .filter((c) => c.dose.known && c.dose.dailyMg > cap.mg)
    .map((c) =>
      finding(
        limit,
        facts,
        [c],
        `${c.dose.known ? Math.round(c.dose.dailyMg * 100) / 100 : '?'} mg/day, above ${cap.mg} mg/day (${cap.why})`,
        true,
      ),
    );
}

function evaluate(facts: Facts): RuleOutcome {
  const insufficient: string[] = [];
  const findings = DOSE_LIMITS.flatMap((limit) => evaluateLimit(limit, facts, insufficient));
  return ruleOutcome(findings, insufficient);
}

export const doseLimitsRule: Rule = {
  family: 'dose-limits',
  title: 'Dose limits from the label (dosageInstruction)',
  topic: 'dose-limit',
  description:
    'Checks the ordered daily dose against hard label limits: citalopram QT cap, acetaminophen 4 g/day across products, weekly methotrexate, colchicine.',
  citations: [DOSE_LIMITS[0]!.citations[0], ...DOSE_LIMITS.slice(1).map((l) => l.citations[0])],
  evaluate,
};
