/**
 * Renal dosing (knowledge/renal-dosing.ts, knowledge/anticoagulation.ts APIXABAN): chart medications and draft
 * orders checked against the label threshold for the patient's eGFR or Cockcroft–Gault CrCl. No usable kidney
 * function → "insufficient" with the reason, never silence. Draft orders get a "remove the draft" suggestion.
 */
import type { Facts, MedicationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, FindingInput } from '../types';
import { RXNORM } from '@fhir/codings';
import { RENAL_DOSING, RENAL_DOSING_CITATIONS, type RenalDosingEntry, type RenalTier } from '../knowledge/renal-dosing';
import {
  clipSummary,
  medEvidence,
  medInput,
  medKey,
  medNames,
  medStatusText,
  uniqueMeds,
} from '../knowledge/drugs/describe';
import { assessKidneyFunction, readingFor, type KidneyReading } from '../scores/kidney-function';
import { evaluateApixaban } from './renal-dosing-apixaban';
import { replaceDraftSuggestions } from './draft-suggestions';
import { dailyDose, strengthMg } from './daily-dose';

const productOf = (m: MedicationFact): string | undefined => m.codes.find((c) => c.system === RXNORM)?.code;

/** Medications an entry is about (topical NSAIDs etc. exempt). */
export function matchingMeds(entry: RenalDosingEntry, meds: readonly MedicationFact[]): MedicationFact[] {
  return meds.filter(
    (m) =>
      (m.ingredients.some((i) => entry.ingredients?.includes(i)) ||
        m.classes.some((c) => entry.classes?.includes(c))) &&
      !(m.route !== undefined && entry.exemptRoutes?.includes(m.route)),
  );
}

function finding(
  entry: RenalDosingEntry,
  tier: RenalTier,
  reading: KidneyReading,
  meds: MedicationFact[],
  patientRef: string | undefined,
  doseInputs: FindingInput[],
): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  const keys = [...new Set(meds.map(medKey))].sort().join('|');
  const names = medNames(meds, ', ');
  return {
    id: `${entry.id}:${keys}${drafts.length > 0 ? `:${drafts.map((d) => d.ref).join(',')}` : ''}`,
    ruleId: entry.id,
    family: renalDosingRule.family,
    severity: drafts.length > 0 ? tier.severity.draft : tier.severity.chart,
    summary: clipSummary(
      `${names}${drafts.length > 0 ? ' (new order)' : ''} with ${reading.short} (${tier.label}): ${tier.brief}`,
    ),
    action: tier.action,
    detail: [
      `**Why it matters.** ${entry.rationale}`,
      '',
      `**Kidney function used.** ${reading.short} — ${reading.basis}.`,
      '',
      '**In this record:**',
      ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
    ].join('\n'),
    evidence: [...reading.evidence, ...meds.map(medEvidence)],
    inputs: [...reading.inputs, ...meds.map(medInput), ...doseInputs],
    citations: entry.citations,
    suggestions: replaceDraftSuggestions(drafts, tier.replacement, patientRef),
    draftRefs: drafts.map((d) => d.ref),
    limitations: [...entry.limitations],
  };
}

function evaluateEntry(
  entry: RenalDosingEntry,
  facts: Facts,
  kf: ReturnType<typeof assessKidneyFunction>,
  out: RuleOutcome,
): void {
  const meds = [...facts.drafts, ...facts.medications];
  const matched = uniqueMeds(matchingMeds(entry, meds));
  if (matched.length === 0) return;
  const reading = readingFor(kf, entry.measure);
  if ('missing' in reading) {
    (out.insufficient ??= []).push(
      `${entry.id}: ${entry.name} not checked against kidney function — ${reading.missing}`,
    );
    return;
  }
  const tier = entry.tiers.find((t) => t.applies(reading.value));
  if (!tier) return;
  const other = entry.otherFormulation;
  const names = (m: MedicationFact): string => [m.display, ...m.codes.map((c) => c.display ?? '')].join(' ');
  const unassessed = other ? matched.filter((m) => other.patterns.some((p) => p.test(names(m)))) : [];
  for (const m of unassessed)
    (out.insufficient ??= []).push(`${entry.id}: ${m.display} not checked at ${tier.label} — ${other?.reason}`);
  const assessable = matched.filter((m) => !unassessed.includes(m));
  const concerned = tier.doseReduction ? assessable.filter((m) => !isReducedProduct(entry, m)) : assessable;
  const { over, inputs } = aboveLabelDose(entry, tier, concerned, kf.crcl.weight?.value);
  if (over.length > 0) out.findings.push(finding(entry, tier, reading, over, facts.patient?.ref, inputs));
}

/** The reduced-dose product by code, or by its strength however it is coded (SBD, generated tables, parsed name). */
function isReducedProduct(entry: RenalDosingEntry, m: MedicationFact): boolean {
  if (entry.reducedDoseProducts?.includes(productOf(m) ?? '')) return true;
  const cui = entry.ingredients?.[0];
  const strength = cui === undefined ? undefined : strengthMg(m, cui);
  return entry.reducedStrengthMg !== undefined && strength !== undefined && strength <= entry.reducedStrengthMg;
}

/**
 * With a label dose for the tier, an order whose dose and frequency are read and within it is fine; an unreadable
 * dose stays flagged (never guessed) and the reason is shown.
 */
function aboveLabelDose(
  entry: RenalDosingEntry,
  tier: RenalTier,
  meds: MedicationFact[],
  weightKg: number | undefined,
): { over: MedicationFact[]; inputs: FindingInput[] } {
  const limit = tier.labelDose;
  const cui = entry.ingredients?.[0];
  if (limit === undefined || cui === undefined) return { over: meds, inputs: [] };
  const wb =
    limit.weightBased && weightKg !== undefined
      ? {
          low: limit.weightBased.lowestFraction * limit.weightBased.mgPerKg * weightKg,
          high: limit.weightBased.mgPerKg * weightKg,
        }
      : undefined;
  const times =
    limit.maxPerDay === undefined ? '' : `, ${limit.maxPerDay === 1 ? 'once' : `${limit.maxPerDay} times`} a day`;
  const label = `label: at most ${limit.maxDailyMg} mg/day${wb ? ` or ${Math.round(wb.low)}–${Math.round(wb.high)} mg/day by weight` : ''}${times}`;
  const within = (mg: number): boolean => mg <= limit.maxDailyMg || (wb !== undefined && mg >= wb.low && mg <= wb.high);
  const checked = meds
    .map((m) => ({ m, dose: dailyDose(m, cui) }))
    .filter(
      ({ dose }) =>
        !dose.known || !within(dose.dailyMg) || (limit.maxPerDay !== undefined && dose.perDay > limit.maxPerDay),
    );
  return {
    over: checked.map((c) => c.m),
    inputs: checked.map(({ m, dose }) => ({
      name: `${entry.name} daily dose`,
      value: dose.known ? `${dose.basis} (${label})` : `not readable: ${dose.reason}`,
      source: m.ref,
    })),
  };
}

function evaluate(facts: Facts): RuleOutcome {
  const out: RuleOutcome = { findings: [] };
  const kf = assessKidneyFunction(facts);
  for (const entry of RENAL_DOSING) evaluateEntry(entry, facts, kf, out);
  evaluateApixaban(facts, [...facts.drafts, ...facts.medications], out);
  return out;
}

export const renalDosingRule: Rule = {
  family: 'renal-dosing',
  title: 'Renal dosing (eGFR / CrCl label thresholds)',
  topic: 'renal-dosing',
  description:
    'Flags chart medications and draft orders whose label or guideline threshold is crossed by the latest eGFR or Cockcroft–Gault CrCl.',
  citations: RENAL_DOSING_CITATIONS,
  evaluate,
};
