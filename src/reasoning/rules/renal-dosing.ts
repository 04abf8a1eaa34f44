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
import { clipSummary, medEvidence, medInput, medKey, medName, medStatusText, uniqueMeds } from '../knowledge/drugs/describe';
import { assessKidneyFunction, readingFor, type KidneyReading } from '../scores/kidney-function';
import { evaluateApixaban } from './renal-dosing-apixaban';
import { replaceDraftSuggestions } from './draft-suggestions';
import { dailyDose } from './daily-dose';

const productOf = (m: MedicationFact): string | undefined => m.codes.find((c) => c.system === RXNORM)?.code;

/** Medications an entry is about (topical NSAIDs etc. exempt). */
export function matchingMeds(entry: RenalDosingEntry, meds: readonly MedicationFact[]): MedicationFact[] {
  return meds.filter((m) =>
    (m.ingredients.some((i) => entry.ingredients?.includes(i)) || m.classes.some((c) => entry.classes?.includes(c)))
    && !(m.route !== undefined && entry.exemptRoutes?.includes(m.route)));
}

function finding(entry: RenalDosingEntry, tier: RenalTier, reading: KidneyReading, meds: MedicationFact[], patientRef: string | undefined, doseInputs: FindingInput[]): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  const keys = [...new Set(meds.map(medKey))].sort().join('|');
  const names = [...new Set(meds.map(medName))].join(', ');
  return {
    id: `${entry.id}:${keys}${drafts.length > 0 ? `:${drafts.map((d) => d.ref).join(',')}` : ''}`,
    ruleId: entry.id, family: renalDosingRule.id,
    severity: drafts.length > 0 ? tier.severity.draft : tier.severity.chart,
    summary: clipSummary(`${names}${drafts.length > 0 ? ' (new order)' : ''} with ${reading.short} (${tier.label}): ${tier.brief}`),
    detail: [
      `**Why it matters.** ${entry.rationale}`, '', `**What the source says.** ${tier.action}`, '',
      `**Kidney function used.** ${reading.short} — ${reading.basis}.`, '',
      '**In this record:**', ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
    ].join('\n'),
    evidence: [...reading.evidence, ...meds.map(medEvidence)],
    inputs: [...reading.inputs, ...meds.map(medInput), ...doseInputs],
    citations: entry.citations, suggestions: replaceDraftSuggestions(drafts, tier.replacement, patientRef), draftRefs: drafts.map((d) => d.ref),
    limitations: [...entry.limitations],
  };
}

function evaluateEntry(entry: RenalDosingEntry, facts: Facts, kf: ReturnType<typeof assessKidneyFunction>, out: RuleOutcome): void {
  const meds = [...facts.drafts, ...facts.medications];
  const matched = uniqueMeds(matchingMeds(entry, meds));
  if (matched.length === 0) return;
  const reading = readingFor(kf, entry.measure);
  if ('missing' in reading) {
    (out.insufficient ??= []).push(`${entry.id}: ${entry.name} not checked against kidney function — ${reading.missing}`);
    return;
  }
  const tier = entry.tiers.find((t) => t.applies(reading.value));
  if (!tier) return;
  const reduced = tier.doseReduction ? matched.filter((m) => !entry.reducedDoseProducts?.includes(productOf(m) ?? '')) : matched;
  const { concerned, inputs } = overTierMaximum(entry, tier, reduced);
  if (concerned.length > 0) out.findings.push(finding(entry, tier, reading, concerned, facts.patient?.ref, inputs));
}

/** With a label maximum for the tier, an order whose daily dose is read and within it is fine; unreadable doses stay (never guessed). */
function overTierMaximum(entry: RenalDosingEntry, tier: RenalTier, meds: MedicationFact[]): { concerned: MedicationFact[]; inputs: FindingInput[] } {
  const max = tier.maxDailyMg;
  const cui = entry.ingredients?.[0];
  if (max === undefined || cui === undefined) return { concerned: meds, inputs: [] };
  const checked = meds.map((m) => ({ m, dose: dailyDose(m, cui) })).filter(({ dose }) => !dose.known || dose.dailyMg > max);
  return {
    concerned: checked.map((c) => c.m),
    inputs: checked.map(({ m, dose }) => ({ name: `${entry.name} daily dose`, value: dose.known ? `${dose.basis} (label maximum ${max} mg/day)` : `not readable: ${dose.reason}`, source: m.ref })),
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
  id: 'renal-dosing',
  title: 'Renal dosing (eGFR / CrCl label thresholds)',
  topic: 'renal-dosing',
  description: 'Flags chart medications and draft orders whose label or guideline threshold is crossed by the latest eGFR or Cockcroft–Gault CrCl.',
  citations: RENAL_DOSING_CITATIONS,
  evaluate,
};
