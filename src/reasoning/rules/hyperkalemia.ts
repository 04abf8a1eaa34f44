/**
 * Hyperkalaemia (knowledge/hyperkalemia.ts): the latest potassium of the last 30 days against UKKA levels, with
 * potassium-raising drugs on the chart or as draft orders, the previous value for the trend, and a "remove the
 * draft" suggestion for a draft that raises potassium. A draft MRA at K ≥ 5.0 or eGFR ≤ 30 is flagged (hyperkalemia-mra.ts); a draft potassium
 * supplement at K ≥ 6.0 is critical (label contraindication).
 */
import type { Facts, MedicationFact, ObservationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Citations, Finding, FindingInput, Severity } from '../types';
import { HYPERKALEMIA, POTASSIUM_LEVELS } from '../knowledge/hyperkalemia';
import { POTASSIUM_WINDOW_DAYS } from '../knowledge/lab-windows';
import {
  clipSummary,
  maxSeverity,
  medEvidence,
  medInput,
  medName,
  medNames,
  medStatusText,
  uniqueMeds,
} from '../knowledge/drugs/describe';
import { ageInDays, day, fmt, latestWithin, seriesOf } from '../scores/observations';
import { removeDraftSuggestion } from './draft-suggestions';
import { mraDraftFinding } from './hyperkalemia-mra';

const hasClass = (m: MedicationFact, classes: readonly string[]): boolean => m.classes.some((c) => classes.includes(c));

interface Context {
  facts: Facts;
  latest: ObservationFact;
  previous?: ObservationFact;
}

function potassiumInputs({ latest, previous }: Context): FindingInput[] {
  const inputs: FindingInput[] = [
    { name: 'Potassium (latest)', value: latest.value, unit: 'mmol/L', date: latest.date, source: latest.ref },
  ];
  if (previous)
    inputs.push({
      name: 'Potassium (previous)',
      value: previous.value,
      unit: 'mmol/L',
      date: previous.date,
      source: previous.ref,
    });
  return inputs;
}

function trendText({ latest, previous }: Context): string {
  if (!previous) return 'No earlier potassium in the record.';
  const delta = Number(fmt(latest.value - previous.value, 1));
  return `Previous value ${fmt(previous.value, 1)} mmol/L on ${day(previous.date)} (${delta > 0 ? 'rising' : delta < 0 ? 'falling' : 'unchanged'}, ${delta >= 0 ? '+' : ''}${delta}).`;
}

function build(
  ctx: Context,
  id: string,
  severity: Severity,
  summary: string,
  action: string,
  why: string,
  meds: MedicationFact[],
  extra: { citations: Citations; limitations: readonly string[] },
): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  return {
    id: `${id}:${ctx.latest.ref}${drafts.length > 0 ? `:${drafts.map((d) => d.ref).join(',')}` : ''}`,
    ruleId: id,
    family: hyperkalemiaRule.family,
    severity,
    summary: clipSummary(summary),
    action,
    detail: [
      why,
      '',
      trendText(ctx),
      '',
      meds.length > 0
        ? '**Potassium-raising drugs in this record:**'
        : '**Potassium-raising drugs in this record:** none listed.',
      ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
    ].join('\n'),
    evidence: [{ reference: ctx.latest.ref, display: ctx.latest.display }, ...meds.map(medEvidence)],
    inputs: [...potassiumInputs(ctx), ...meds.map(medInput)],
    citations: extra.citations,
    suggestions: removeDraftSuggestion(drafts),
    draftRefs: drafts.map((d) => d.ref),
    limitations: [...extra.limitations],
  };
}

function levelFinding(ctx: Context, raising: MedicationFact[]): Finding | undefined {
  const level = POTASSIUM_LEVELS.find((l) => ctx.latest.value >= l.from);
  if (!level) return undefined;
  let severity = raising.length > 0 ? level.severity.withRaisingDrug : level.severity.alone;
  if (raising.some((m) => m.isDraft)) severity = maxSeverity(severity, 'warning');
  if (
    ctx.latest.value >= HYPERKALEMIA.supplementCriticalFrom &&
    raising.some((m) => m.isDraft && hasClass(m, ['potassium-supplement']))
  )
    severity = 'critical';
  if (
    severity === 'critical' &&
    (ageInDays(ctx.latest.date, ctx.facts.now) ?? Infinity) > HYPERKALEMIA.criticalWithinDays
  )
    severity = 'warning';
  const drafts = raising.some((m) => m.isDraft) ? ' (new order)' : '';
  const summary = `Potassium ${fmt(ctx.latest.value, 1)} mmol/L (${day(ctx.latest.date)}): ${level.name}${raising.length > 0 ? ` with ${medNames(raising, ', ')}${drafts}` : ''}`;
  return build(
    ctx,
    level.id,
    severity,
    summary,
    level.action,
    '**Thresholds.** UKKA mild 5.5–5.9, moderate 6.0–6.4, severe ≥ 6.5 mmol/L.',
    raising,
    HYPERKALEMIA,
  );
}

function evaluate(facts: Facts): RuleOutcome {
  const raising = uniqueMeds(
    [...facts.drafts, ...facts.medications].filter((m) => hasClass(m, HYPERKALEMIA.raisingClasses)),
  );
  const { current: latest, stale } = latestWithin(facts, 'potassium', POTASSIUM_WINDOW_DAYS);
  const drafts = raising.filter((m) => m.isDraft);
  if (!latest) {
    if (drafts.length === 0) return { findings: [] };
    const mraAlone = mraDraftFinding(facts, facts.drafts, { levelShown: false });
    const why = stale
      ? `latest potassium ${day(stale.date)} is older than ${POTASSIUM_WINDOW_DAYS} days`
      : 'no potassium recorded';
    return {
      findings: mraAlone ? [mraAlone] : [],
      insufficient: [`hyperkalemia: draft ${drafts.map(medName).join(', ')} raises potassium; not checked — ${why}`],
    };
  }
  const series = seriesOf(facts, 'potassium');
  const previous = series.at(-2);
  const ctx: Context = { facts, latest, ...(previous ? { previous } : {}) };
  const level = levelFinding(ctx, raising);
  // A level finding already carries the draft MRA's potassium (and its suggestion); the MRA check adds eGFR ≤ 30.
  const mra = mraDraftFinding(facts, facts.drafts, { potassium: latest, levelShown: level !== undefined });
  return { findings: [level, mra].filter((f): f is Finding => f !== undefined) };
}

export const hyperkalemiaRule: Rule = {
  family: 'hyperkalemia',
  title: 'Hyperkalaemia and potassium-raising drugs',
  topic: 'hyperkalemia',
  description:
    'Flags a recent potassium at UKKA hyperkalaemia levels, with potassium-raising drugs on the chart or as draft orders.',
  citations: HYPERKALEMIA.citations,
  evaluate,
};
