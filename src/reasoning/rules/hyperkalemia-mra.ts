/**
 * A new mineralocorticoid receptor antagonist order against the 2022 AHA/ACC/HFSA starting conditions (part of the
 * hyperkalemia family): recommended only when eGFR > 30 mL/min/1.73 m² AND potassium < 5.0 mEq/L, because of
 * life-threatening hyperkalaemia (knowledge/hyperkalemia.ts MRA_DRAFT). Either failed condition fires; both values
 * are shown. An unknown value is said, never assumed normal.
 */
import type { Facts, MedicationFact, ObservationFact } from '../facts';
import type { Finding, FindingInput } from '../types';
import { MRA_DRAFT } from '../knowledge/hyperkalemia';
import { clipSummary, medEvidence, medInput, medNames, medStatusText } from '../knowledge/drugs/describe';
import { assessKidneyFunction, readingFor, type KidneyReading } from '../scores/kidney-function';
import { day, fmt } from '../scores/observations';
import { removeDraftSuggestion } from './draft-suggestions';

export interface MraCheck {
  /** Latest potassium of the window, if any. */
  potassium?: ObservationFact;
  /** True when a potassium-level finding already carries the draft (K ≥ 5.5): potassium is not repeated here. */
  levelShown: boolean;
}

function kidneyOf(facts: Facts): KidneyReading | undefined {
  const reading = readingFor(assessKidneyFunction(facts), 'egfr');
  return 'missing' in reading ? undefined : reading;
}

function problems(k: ObservationFact | undefined, gfr: KidneyReading | undefined, levelShown: boolean): string[] {
  const out: string[] = [];
  if (k && k.value >= MRA_DRAFT.fromPotassium && !levelShown)
    out.push(`potassium ${fmt(k.value, 1)} mmol/L (≥ ${MRA_DRAFT.fromPotassium})`);
  if (gfr && gfr.value <= MRA_DRAFT.maxEgfrExclusive) out.push(`${gfr.short} (≤ ${MRA_DRAFT.maxEgfrExclusive})`);
  return out;
}

function inputs(k: ObservationFact | undefined, gfr: KidneyReading | undefined): FindingInput[] {
  const out: FindingInput[] = [];
  if (k) out.push({ name: 'Potassium (latest)', value: k.value, unit: 'mmol/L', date: k.date, source: k.ref });
  return [...out, ...(gfr?.inputs ?? [])];
}

/** The finding for draft MRAs that fail a starting condition, or undefined. */
export function mraDraftFinding(facts: Facts, drafts: readonly MedicationFact[], check: MraCheck): Finding | undefined {
  const mras = drafts.filter(
    (m) => m.isDraft && m.classes.some((c) => (MRA_DRAFT.classes as readonly string[]).includes(c)),
  );
  if (mras.length === 0) return undefined;
  const gfr = kidneyOf(facts);
  const failed = problems(check.potassium, gfr, check.levelShown);
  if (failed.length === 0) return undefined;
  const kText = check.potassium
    ? `potassium ${fmt(check.potassium.value, 1)} mmol/L on ${day(check.potassium.date)}`
    : 'no recent potassium';
  const gfrText = gfr ? `${gfr.short} — ${gfr.basis}` : 'kidney function unknown';
  return {
    id: `${MRA_DRAFT.id}:${mras.map((m) => m.ref).join(',')}`,
    ruleId: MRA_DRAFT.id,
    family: 'hyperkalemia',
    severity: 'warning',
    summary: clipSummary(`New ${medNames(mras, ', ')} order with ${failed.join(' and ')}`),
    action:
      'Do not start until potassium and kidney function allow it; if started, check potassium and creatinine within 3 days and at 1 week.',
    detail: [
      `**Why it matters.** The 2022 AHA/ACC/HFSA heart failure guideline recommends starting a mineralocorticoid receptor antagonist only when eGFR is above ${MRA_DRAFT.maxEgfrExclusive} mL/min/1.73 m² and potassium is below ${MRA_DRAFT.fromPotassium} mEq/L: outside these, life-threatening hyperkalaemia is more likely.`,
      '',
      `**In this record:** ${kText}; ${gfrText}.`,
      ...mras.map((m) => `- ${m.display} — ${medStatusText(m)}`),
    ].join('\n'),
    evidence: [
      ...(check.potassium ? [{ reference: check.potassium.ref, display: check.potassium.display }] : []),
      ...(gfr?.evidence ?? []),
      ...mras.map(medEvidence),
    ],
    inputs: [...inputs(check.potassium, gfr), ...mras.map(medInput)],
    citations: MRA_DRAFT.citations,
    suggestions: removeDraftSuggestion(mras),
    draftRefs: mras.map((m) => m.ref),
    limitations: [...MRA_DRAFT.limitations],
  };
}
