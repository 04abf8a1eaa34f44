/**
 * Drug–disease contraindications (knowledge/drug-disease.ts): a drug on the chart or in a draft order against a
 * coded current condition. For verapamil/diltiazem the condition must be HF with reduced EF (coded, or a latest
 * LVEF ≤ 40 %); with HF of unknown EF the rule says so instead of guessing.
 */
import type { ConditionFact, Facts, MedicationFact, ObservationFact } from '../facts';
import { type Rule, type RuleOutcome, ruleOutcome } from '../rule';
import type { EvidenceRef, Finding, FindingInput, Severity } from '../types';
import {
  DRUG_DISEASE,
  HF_GUIDELINE_2022,
  HFREF,
  HFREF_MAX_LVEF,
  type DrugDiseaseEntry,
} from '../knowledge/drug-disease';
import { findCondition, isInSet } from '../knowledge/conditions';
import {
  clipSummary,
  medEvidence,
  medInput,
  medKey,
  medName,
  medNames,
  medStatusText,
  sentenceStart,
  uniqueMeds,
} from '../knowledge/drugs/describe';
import { ageInDays, day, fmt, seriesOf } from '../scores/observations';
import { matches } from './drug-interactions';
import { removeDraftSuggestion } from './draft-suggestions';

/** What in the record establishes the disease: a condition, or an LVEF value. */
type Basis = { kind: 'condition'; c: ConditionFact } | { kind: 'lvef'; o: ObservationFact };

function basisText(b: Basis): string {
  return b.kind === 'condition'
    ? `${b.c.display}${b.c.onset ? ` (since ${day(b.c.onset)})` : ''}`
    : `LVEF ${fmt(b.o.value, 0)} % on ${day(b.o.date)}`;
}

function basisInput(b: Basis): FindingInput {
  if (b.kind === 'lvef') return { name: 'LVEF (latest)', value: b.o.value, unit: '%', date: b.o.date, source: b.o.ref };
  const date = b.c.onset ?? b.c.recorded;
  return { name: 'condition', value: b.c.display, source: b.c.ref, ...(date ? { date } : {}) };
}

function basisEvidence(b: Basis): EvidenceRef {
  return b.kind === 'condition'
    ? { reference: b.c.ref, display: b.c.display }
    : { reference: b.o.ref, display: b.o.display };
}

function currentConditions(facts: Facts, entry: DrugDiseaseEntry): ConditionFact[] {
  return facts.conditions
    .filter((c) => isInSet(c, entry.condition))
    .filter((c) => {
      const date = c.onset ?? c.recorded;
      const age = entry.maxAgeDays && date ? ageInDays(date, facts.now) : undefined;
      return age === undefined || age <= (entry.maxAgeDays ?? Infinity);
    })
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

function toFinding(
  entry: DrugDiseaseEntry,
  meds: MedicationFact[],
  basis: Basis,
  severity: Severity,
  note?: string,
): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  const names = sentenceStart(medNames(meds, '/'));
  const harm = note ? 'EF unknown; harmful if EF ≤ 40 %' : entry.harm;
  const lines = [
    `**Why it matters.** ${entry.rationale}`,
    '',
    '**In this record:**',
    ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
    `- ${basisText(basis)}`,
  ];
  if (note) lines.push('', `**Unknown.** ${note}`);
  return {
    id: `${entry.id}:${meds.map(medKey).sort().join('+')}:${basisEvidence(basis).reference}${drafts.length > 0 ? `:${drafts.map((d) => d.ref).join(',')}` : ''}`,
    ruleId: entry.id,
    family: drugDiseaseRule.family,
    severity,
    summary: clipSummary(`${names}${drafts.length > 0 ? ' (new order)' : ''} with ${basisText(basis)}: ${harm}`),
    action: `${note ? `Check the ejection fraction first. If it is ≤ ${HFREF_MAX_LVEF} %: ` : ''}${entry.management}`,
    detail: lines.join('\n'),
    evidence: [...meds.map(medEvidence), basisEvidence(basis)],
    inputs: [...meds.map(medInput), basisInput(basis)],
    citations: entry.citations,
    suggestions: removeDraftSuggestion(drafts),
    draftRefs: drafts.map((d) => d.ref),
    limitations: entry.limitations,
  };
}

const severityFor = (entry: DrugDiseaseEntry, meds: readonly MedicationFact[]): Severity =>
  meds.some((m) => m.isDraft) ? entry.severity.draft : entry.severity.chart;

/** HFrEF basis, or why it cannot be decided. */
function hfrefOutcome(
  facts: Facts,
  entry: DrugDiseaseEntry,
  meds: MedicationFact[],
  hf: ConditionFact[],
): { finding?: Finding; insufficient?: string } {
  const coded = findCondition(facts.conditions, HFREF);
  if (coded) return { finding: toFinding(entry, meds, { kind: 'condition', c: coded }, severityFor(entry, meds)) };
  const lvef = seriesOf(facts, 'lvef').at(-1);
  if (lvef)
    return lvef.value <= HFREF_MAX_LVEF
      ? { finding: toFinding(entry, meds, { kind: 'lvef', o: lvef }, severityFor(entry, meds)) }
      : {};
  const first = hf[0];
  if (!first) return {};
  if (!meds.some((m) => m.isDraft))
    return {
      insufficient: `${entry.id}: heart failure recorded with ${meds.map(medName).join(', ')}, but no LVEF and no HFrEF code — cannot tell whether EF is reduced`,
    };
  const note = `No LVEF (LOINC 10230-1) and no code for HF with reduced EF in the record. If EF is ≤ ${HFREF_MAX_LVEF} %, this drug is harmful (${HF_GUIDELINE_2022.year} AHA/ACC/HFSA); check an echocardiogram result first.`;
  return { finding: toFinding(entry, meds, { kind: 'condition', c: first }, 'info', note) };
}

function evaluate(facts: Facts): RuleOutcome {
  const meds = uniqueMeds([...facts.drafts, ...facts.medications]);
  const findings: Finding[] = [];
  const insufficient: string[] = [];
  for (const entry of DRUG_DISEASE) {
    const matched = meds.filter((m) => matches(m, entry.drug));
    if (matched.length === 0) continue;
    const conds = currentConditions(facts, entry);
    if (entry.requires === 'hfref') {
      const out = hfrefOutcome(facts, entry, matched, conds);
      if (out.finding) findings.push(out.finding);
      if (out.insufficient) insufficient.push(out.insufficient);
      continue;
    }
    const first = conds[0];
    if (first) findings.push(toFinding(entry, matched, { kind: 'condition', c: first }, severityFor(entry, matched)));
  }
  return ruleOutcome(findings, insufficient);
}

export const drugDiseaseRule: Rule = {
  family: 'drug-disease',
  title: 'Drug–disease contraindications (heart failure, asthma, pregnancy)',
  topic: 'drug-disease',
  description:
    'Flags NSAIDs in heart failure, verapamil/diltiazem in HF with reduced EF, non-selective beta blockers in asthma, and ACE inhibitors/ARBs, warfarin or methotrexate in a current pregnancy.',
  citations: [HF_GUIDELINE_2022],
  evaluate,
};
