/**
 * Anticoagulant stewardship (knowledge/anticoagulant-stewardship.ts): an anticoagulant with a recent platelet count
 * below 50 × 10⁹/L, and apixaban 2.5 mg twice daily in AF when fewer than two label criteria apply (under-dosing
 * raises stroke risk). Interacting-drug pairs are interaction entries (drug-interactions rule).
 */
import type { Facts, MedicationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, FindingInput } from '../types';
import { APIXABAN } from '../knowledge/anticoagulation';
import { APIXABAN_UNDERDOSE, THROMBOCYTOPENIA } from '../knowledge/anticoagulant-stewardship';
import { ATRIAL_FIBRILLATION, findCondition } from '../knowledge/conditions';
import {
  clipSummary,
  medEvidence,
  medInput,
  medNames,
  medStatusText,
  sentenceStart,
  uniqueMeds,
} from '../knowledge/drugs/describe';
import { day, fmt, latestWithin } from '../scores/observations';
import { apixabanDoseMg, criteria } from './renal-dosing-apixaban';

function base(
  id: string,
  ruleId: string,
  meds: readonly MedicationFact[],
  severity: Finding['severity'],
): Pick<Finding, 'id' | 'ruleId' | 'family' | 'severity' | 'draftRefs'> {
  const drafts = meds.filter((m) => m.isDraft).map((m) => m.ref);
  return {
    id: `${id}:${meds.map((m) => m.ref).join(',')}`,
    ruleId,
    family: anticoagulantStewardshipRule.family,
    severity,
    draftRefs: drafts,
  };
}

function thrombocytopenia(facts: Facts): Finding[] {
  const t = THROMBOCYTOPENIA;
  const meds = uniqueMeds(
    [...facts.drafts, ...facts.medications].filter((m) => t.classes.some((c) => m.classes.includes(c))),
  );
  const plt = latestWithin(facts, 'platelets', t.recentDays).current;
  if (meds.length === 0 || !plt || plt.value >= t.plateletsBelow) return [];
  const input: FindingInput = {
    name: 'latest platelets',
    value: Number(fmt(plt.value, 0)),
    unit: '10*9/L',
    date: plt.date,
    source: plt.ref,
  };
  return [
    {
      ...base(t.id, t.id, meds, meds.some((m) => m.isDraft) ? 'critical' : 'warning'),
      summary: clipSummary(
        `${sentenceStart(medNames(meds, ' + '))} with platelets ${fmt(plt.value, 0)} × 10⁹/L (below ${t.plateletsBelow}): major bleeding risk`,
      ),
      action:
        'Weigh the indication and thrombotic risk; consider holding or reducing the dose; find the cause of thrombocytopenia (HIT when on heparin).',
      detail: [
        `**Why it matters.** Below ${t.plateletsBelow} × 10⁹/L platelets, full-dose anticoagulation carries a high risk of major bleeding; ISTH guidance is to hold or reduce it (e.g. half-dose or prophylactic LMWH) unless the thrombotic risk is very high, with platelet transfusion support only in selected cases.`,
        '',
        `**Platelets.** ${fmt(plt.value, 0)} × 10⁹/L on ${day(plt.date)}.`,
        '',
        '**Anticoagulants:**',
        ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
      ].join('\n'),
      evidence: [{ reference: plt.ref, display: `Platelets ${fmt(plt.value, 0)}` }, ...meds.map(medEvidence)],
      inputs: [input, ...meds.map(medInput)],
      citations: t.citations,
      suggestions: [],
      limitations: [
        'A single low count may be spurious (clumping): confirm before stopping anticoagulation for a high-risk indication.',
      ],
    },
  ];
}

function apixabanUnderdose(facts: Facts): Finding[] {
  const af = findCondition(facts.conditions, ATRIAL_FIBRILLATION);
  const reduced = uniqueMeds(
    [...facts.drafts, ...facts.medications].filter(
      (m) => m.ingredients.includes(APIXABAN.ingredient) && apixabanDoseMg(m) === APIXABAN_UNDERDOSE.reducedMg,
    ),
  );
  if (!af || reduced.length === 0) return [];
  // Combined P-gp/strong CYP3A4 inhibitors are another label reason for 2.5 mg: then it is not under-dosing.
  if ([...facts.drafts, ...facts.medications].some((m) => m.classes.includes('pgp-strong-cyp3a4-inhibitor'))) return [];
  const list = criteria(facts);
  const met = list.filter((c) => c.met).length;
  const unknown = list.filter((c) => c.met === undefined).length;
  if (met + unknown >= APIXABAN.needed) return [];
  const u = APIXABAN_UNDERDOSE;
  return [
    {
      ...base(u.id, u.id, reduced, reduced.some((m) => m.isDraft) ? 'warning' : 'info'),
      summary: clipSummary(
        `Apixaban 2.5 mg in AF with ${met} of 3 dose-reduction criteria: label dose is 5 mg twice daily`,
      ),
      action:
        'Use 5 mg twice daily unless another reason applies (VTE prophylaxis or extended VTE treatment, interacting drugs, documented bleeding concern).',
      detail: [
        '**Why it matters.** In nonvalvular AF the label dose is 5 mg twice daily; 2.5 mg is for patients with at least two of age ≥ 80, weight ≤ 60 kg, creatinine ≥ 1.5 mg/dL. Off-label low doses are linked to more strokes without less bleeding.',
        '',
        `**Criteria:** ${list.map((c) => `${c.name}: ${c.met ? 'met' : 'not met'}`).join('; ')}.`,
        `**Indication on record:** ${af.display}.`,
        '',
        '**In this record:**',
        ...reduced.map((m) => `- ${m.display} — ${medStatusText(m)}`),
      ].join('\n'),
      evidence: [{ reference: af.ref, display: af.display }, ...reduced.map(medEvidence)],
      inputs: [...list.flatMap((c) => (c.input ? [c.input] : [])), ...reduced.map(medInput)],
      citations: u.citations,
      suggestions: [],
      limitations: [
        'The indication of the order is not read: VTE prophylaxis after hip/knee replacement and extended VTE treatment use 2.5 mg twice daily.',
      ],
    },
  ];
}

function evaluate(facts: Facts): RuleOutcome {
  return { findings: [...thrombocytopenia(facts), ...apixabanUnderdose(facts)] };
}

export const anticoagulantStewardshipRule: Rule = {
  family: 'anticoagulant-stewardship',
  title: 'Anticoagulant stewardship (thrombocytopenia, apixaban under-dosing)',
  topic: 'anticoagulation-monitoring',
  description:
    'Flags anticoagulants with platelets below 50 × 10⁹/L and apixaban 2.5 mg in AF without the label dose-reduction criteria.',
  citations: [THROMBOCYTOPENIA.citations[0], ...THROMBOCYTOPENIA.citations.slice(1), ...APIXABAN_UNDERDOSE.citations],
  evaluate,
};
