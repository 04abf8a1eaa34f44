/**
 * Apixaban dose check (part of renal-dosing): the US label's nonvalvular-AF dose is 2.5 mg twice daily when at
 * least two of age ≥ 80, weight ≤ 60 kg, serum creatinine ≥ 1.5 mg/dL apply (knowledge/anticoagulation.ts).
 * An order already at 2.5 mg per dose (read from its dosageInstruction, else the product strength, however coded)
 * does not fire. Missing inputs that could change the answer are reported as insufficient.
 */
import type { Facts, MedicationFact } from '../facts';
import type { RuleOutcome } from '../rule';
import type { Finding, FindingInput } from '../types';
import { APIXABAN } from '../knowledge/anticoagulation';
import { CREATININE_WINDOW_DAYS, WEIGHT_WINDOW_DAYS } from '../knowledge/lab-windows';
import { clipSummary, medEvidence, medInput, medStatusText, uniqueMeds } from '../knowledge/drugs/describe';
import { day, fmt, latestWithin } from '../scores/observations';
import { replaceDraftSuggestions } from './draft-suggestions';
import { dailyDose, strengthMg } from './daily-dose';

/**
 * Apixaban mg per dose: from the dosage instruction (2 × 2.5 mg tablets is 5 mg), else the product's strength
 * (code table or RxNorm name), so the 2.5 mg product is recognised whether coded as SCD, SBD or by name.
 */
export function apixabanDoseMg(m: MedicationFact): number | undefined {
  const d = dailyDose(m, APIXABAN.ingredient);
  return d.known ? d.perDoseMg : strengthMg(m, APIXABAN.ingredient);
}

export interface Criterion {
  name: string;
  met?: boolean;
  input?: FindingInput;
}

/** The three label criteria, each met / not met / unknown (no recent value). */
export function criteria(facts: Facts): Criterion[] {
  const c = APIXABAN.criteria;
  const age = facts.patient?.ageYears;
  const wt = latestWithin(facts, 'body-weight', WEIGHT_WINDOW_DAYS).current;
  const scr = latestWithin(facts, 'creatinine', CREATININE_WINDOW_DAYS).current;
  return [
    {
      name: `age ≥ ${c.ageYears}`,
      ...(age === undefined ? {} : { met: age >= c.ageYears, input: { name: 'Age', value: age, unit: 'years' } }),
    },
    {
      name: `weight ≤ ${c.weightKg} kg`,
      ...(wt
        ? {
            met: wt.value <= c.weightKg,
            input: { name: 'Body weight', value: Number(fmt(wt.value, 1)), unit: 'kg', date: wt.date, source: wt.ref },
          }
        : {}),
    },
    {
      name: `creatinine ≥ ${c.creatinineMgDl} mg/dL`,
      ...(scr
        ? {
            met: scr.value >= c.creatinineMgDl,
            input: {
              name: 'Serum creatinine',
              value: Number(fmt(scr.value)),
              unit: 'mg/dL',
              date: scr.date,
              source: scr.ref,
            },
          }
        : {}),
    },
  ];
}

function finding(facts: Facts, meds: MedicationFact[], list: Criterion[]): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  const met = list.filter((c) => c.met);
  const knownFullDose = meds.some((m) => (apixabanDoseMg(m) ?? 0) >= 5);
  return {
    id: `${APIXABAN.id}:${APIXABAN.ingredient}${drafts.length > 0 ? `:${drafts.map((d) => d.ref).join(',')}` : ''}`,
    ruleId: APIXABAN.id,
    family: 'renal-dosing',
    severity: drafts.length > 0 || knownFullDose ? 'warning' : 'info',
    summary: clipSummary(
      `Apixaban${drafts.length > 0 ? ' (new order)' : ''}: ${met.length} of 3 dose-reduction criteria met — label dose ${APIXABAN.labelDose}`,
    ),
    // The order's dose may be unreadable: then the action is to check it, not to reduce it.
    action: `For nonvalvular AF, ${knownFullDose ? 'reduce the dose to' : 'confirm the dose is'} the label's ${APIXABAN.labelDose}.`,
    detail: [
      `**Why it matters.** For nonvalvular AF the apixaban label reduces the dose to ${APIXABAN.labelDose} when at least two of: age ≥ 80, weight ≤ 60 kg, creatinine ≥ 1.5 mg/dL. Higher exposure raises bleeding risk.`,
      '',
      `**Criteria met:** ${met.map((c) => c.name).join('; ')}.`,
      '',
      '**In this record:**',
      ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
    ].join('\n'),
    evidence: [
      ...met.flatMap((c) => (c.input?.source ? [{ reference: c.input.source }] : [])),
      ...meds.map(medEvidence),
    ],
    inputs: [...list.flatMap((c) => (c.input ? [c.input] : [])), ...meds.map(medInput)],
    citations: APIXABAN.citations,
    suggestions: replaceDraftSuggestions(
      drafts,
      { ...APIXABAN.reducedProduct, dosage: APIXABAN.labelDose },
      facts.patient?.ref,
    ),
    draftRefs: drafts.map((d) => d.ref),
    limitations: [...APIXABAN.limitations],
  };
}

export function evaluateApixaban(facts: Facts, meds: readonly MedicationFact[], out: RuleOutcome): void {
  const apixaban = uniqueMeds(meds.filter((m) => m.ingredients.includes(APIXABAN.ingredient))).filter(
    (m) => (apixabanDoseMg(m) ?? Infinity) > APIXABAN.reducedMg,
  );
  if (apixaban.length === 0) return;
  const list = criteria(facts);
  const met = list.filter((c) => c.met).length;
  const unknown = list.filter((c) => c.met === undefined);
  if (met >= APIXABAN.needed) {
    out.findings.push(finding(facts, apixaban, list));
  } else if (met + unknown.length >= APIXABAN.needed) {
    (out.insufficient ??= []).push(
      `${APIXABAN.id}: apixaban dose criteria not fully checked — unknown: ${unknown.map((c) => c.name).join(', ')} (windows: creatinine ${CREATININE_WINDOW_DAYS} d, weight ${WEIGHT_WINDOW_DAYS} d; as of ${day(facts.now)})`,
    );
  }
}
