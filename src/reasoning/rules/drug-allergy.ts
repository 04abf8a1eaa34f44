/**
 * Drug–allergy checks: the same ingredient or class as a recorded drug allergy, and beta-lactam cross-reactivity
 * (knowledge/allergy-cross-reactivity.ts). Severity: critical only when a draft order re-exposes a high-criticality or
 * severe (anaphylaxis) allergy to the same drug/class; unconfirmed or low-criticality allergies without a recorded
 * severe reaction give warning/info.
 */
import { removeDraftSuggestion } from './draft-suggestions';
import type { AllergyFact, Facts, MedicationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, Severity } from '../types';
import {
  ALLERGY_LIMITATIONS,
  CROSS_REACTIVITY as BETA_LACTAM,
  KHAN_2022,
  SHENOY_2019,
  SIMILAR_R1_SIDE_CHAIN,
  type CrossReactivity,
} from '../knowledge/allergy-cross-reactivity';
import { ALLERGY_CLASS_ENTRIES } from '../knowledge/allergy-classes';

const CROSS_REACTIVITY: readonly CrossReactivity[] = [...BETA_LACTAM, ...ALLERGY_CLASS_ENTRIES];
import { ingredientName } from '../knowledge/drugs';
import { clipSummary, medEvidence, medInput, medName, medStatusText } from '../knowledge/drugs/describe';

/** Classes an allergy label extends to (beta-lactam subfamilies, sulfonamide antibiotics); broader groups do not. */
const ALLERGY_CLASSES: readonly string[] = [
  'penicillin',
  'cephalosporin',
  'carbapenem',
  'monobactam',
  'sulfonamide-antibiotic',
];

const isHighRisk = (a: AllergyFact): boolean => a.criticality === 'high' || a.severeReaction === true;
// A recorded anaphylaxis/severe reaction is never "weak": unconfirmed status does not make re-exposure safe
// (Khan 2022: a history of anaphylaxis needs evaluation before the drug is given again).
const isWeak = (a: AllergyFact): boolean =>
  !a.severeReaction && (a.verification === 'unconfirmed' || a.criticality === 'low');

function allergyText(a: AllergyFact): string {
  const parts = [
    a.display,
    a.verification !== 'unknown' ? a.verification : undefined,
    a.criticality ? `criticality ${a.criticality}` : undefined,
  ];
  const reactions = a.reactions.length > 0 ? `; reaction: ${a.reactions.join(', ')}` : '';
  return `${parts.filter(Boolean).join(', ')}${reactions}${a.date ? ` (recorded ${a.date.slice(0, 10)})` : ''}`;
}

function directSeverity(a: AllergyFact, m: MedicationFact): Severity {
  if (!m.isDraft) return isWeak(a) ? 'info' : 'warning';
  if (isWeak(a)) return 'warning';
  return isHighRisk(a) ? 'critical' : 'warning';
}

function sharedSideChain(a: AllergyFact, m: MedicationFact): boolean {
  return SIMILAR_R1_SIDE_CHAIN.some(
    (g) => a.ingredients.some((i) => g.includes(i)) && m.ingredients.some((i) => g.includes(i)),
  );
}

/**
 * A class-only allergy ("penicillin") cannot rule out the aminopenicillins, the commonest culprits, so a drug sharing
 * their R1 side chain (cephalexin) may share it with the allergen (Khan 2022: after anaphylaxis, prefer a dissimilar
 * side chain).
 */
function possibleSideChain(a: AllergyFact, m: MedicationFact): boolean {
  return a.ingredients.length === 0 && SIMILAR_R1_SIDE_CHAIN.some((g) => m.ingredients.some((i) => g.includes(i)));
}

function crossSeverity(x: CrossReactivity, a: AllergyFact, m: MedicationFact): Severity | undefined {
  // Low risk: a new order still gets an info card saying the allergy was considered and why it is low risk.
  if (x.lowRisk) return m.isDraft ? 'info' : undefined;
  if (x.draftSeverity) return m.isDraft ? x.draftSeverity : 'info';
  if (!m.isDraft) return 'info';
  return isHighRisk(a) && (sharedSideChain(a, m) || possibleSideChain(a, m)) ? 'warning' : 'info';
}

function base(
  a: AllergyFact,
  m: MedicationFact,
  ruleId: string,
  severity: Severity,
  summary: string,
  action: string,
  detail: string[],
): Finding {
  return {
    id: `${ruleId}:${a.ref}:${m.ref}`,
    ruleId,
    family: drugAllergyRule.family,
    severity,
    summary: clipSummary(summary),
    action,
    detail: [
      `**Allergy:** ${allergyText(a)}`,
      `**Medication:** ${m.display} — ${medStatusText(m)}`,
      '',
      ...detail,
    ].join('\n'),
    evidence: [{ reference: a.ref, display: a.display }, medEvidence(m)],
    inputs: [{ name: 'allergy', value: a.display, source: a.ref, ...(a.date ? { date: a.date } : {}) }, medInput(m)],
    citations: [KHAN_2022, SHENOY_2019],
    suggestions: removeDraftSuggestion(m.isDraft ? [m] : []),
    draftRefs: m.isDraft ? [m.ref] : [],
    limitations: [...ALLERGY_LIMITATIONS],
  };
}

function direct(a: AllergyFact, m: MedicationFact): Finding | undefined {
  const ing = m.ingredients.filter((i) => a.ingredients.includes(i));
  const cls = m.classes.filter((c) => ALLERGY_CLASSES.includes(c) && a.classes.includes(c));
  if (ing.length === 0 && cls.length === 0) return undefined;
  const what = ing.length > 0 ? ing.map(ingredientName).join(', ') : `the ${cls.join(', ')} class`;
  const sev = directSeverity(a, m);
  return base(
    a,
    m,
    'allergy-same-drug',
    sev,
    `${medName(m)}: recorded allergy to ${what}${isHighRisk(a) ? ' (severe/high criticality)' : ''}`,
    isWeak(a)
      ? 'Verify the allergy history: it is unconfirmed or low criticality (many penicillin labels are not true allergy).'
      : 'Avoid re-exposure unless an allergist has cleared it.',
    [`The ${m.isDraft ? 'new order' : 'active medication'} contains ${what}, which the allergy list names.`],
  );
}

function cross(a: AllergyFact, m: MedicationFact): Finding[] {
  return CROSS_REACTIVITY.flatMap((x) => {
    if (!a.classes.includes(x.allergyClass)) return [];
    if (!m.classes.includes(x.drugClass) || (x.unlessDrugClass && m.classes.includes(x.unlessDrugClass))) return [];
    const sev = crossSeverity(x, a, m);
    if (!sev) return [];
    const side = sharedSideChain(a, m)
      ? ' Same R1 side chain as the allergen.'
      : possibleSideChain(a, m)
        ? ' The allergy names only the class: if the reaction was to amoxicillin or ampicillin, the R1 side chain is the same.'
        : '';
    const rate =
      x.brief ??
      (sev !== 'warning' || !side
        ? `cross-reactivity ${x.lowRisk ? 'under 1 % (allergy considered)' : 'about 1–2 %'}`
        : `severe reaction, ${sharedSideChain(a, m) ? 'same' : 'possibly the same'} R1 side chain`);
    const f = base(a, m, x.id, sev, `${medName(m)} with ${x.allergyClass} allergy: ${rate}`, x.guidance, [
      `**Cross-reactivity:** ${x.figure}.${side}`,
    ]);
    return [{ ...f, citations: x.citations, limitations: [...x.limitations, ...ALLERGY_LIMITATIONS] }];
  });
}

/** Index of medications by "i:<ingredient>" and "c:<class>", so each allergy only looks at candidate drugs. */
function indexMeds(meds: readonly MedicationFact[]): Map<string, MedicationFact[]> {
  const index = new Map<string, MedicationFact[]>();
  const add = (k: string, m: MedicationFact): void => {
    const list = index.get(k);
    if (list) list.push(m);
    else index.set(k, [m]);
  };
  for (const m of meds) {
    m.ingredients.forEach((i) => add(`i:${i}`, m));
    m.classes.forEach((c) => add(`c:${c}`, m));
  }
  return index;
}

function candidates(
  a: AllergyFact,
  index: ReadonlyMap<string, MedicationFact[]>,
  order: ReadonlyMap<string, number>,
): MedicationFact[] {
  const keys = [
    ...a.ingredients.map((i) => `i:${i}`),
    ...a.classes.map((c) => `c:${c}`),
    ...CROSS_REACTIVITY.filter((x) => a.classes.includes(x.allergyClass)).map((x) => `c:${x.drugClass}`),
  ];
  const found = new Map<string, MedicationFact>();
  for (const k of keys) for (const m of index.get(k) ?? []) found.set(m.ref, m);
  return [...found.values()].sort((x, y) => (order.get(x.ref) ?? 0) - (order.get(y.ref) ?? 0));
}

function evaluate(facts: Facts): RuleOutcome {
  const drugAllergies = facts.allergies.filter((a) => a.ingredients.length > 0 || a.classes.length > 0);
  const meds = [...facts.drafts, ...facts.medications];
  const index = indexMeds(meds);
  const order = new Map(meds.map((m, i) => [m.ref, i]));
  const findings: Finding[] = [];
  for (const a of drugAllergies) {
    for (const m of candidates(a, index, order)) {
      const d = direct(a, m);
      if (d) findings.push(d);
      else findings.push(...cross(a, m));
    }
  }
  const uncoded = facts.allergies.filter(
    (a) => a.category.includes('medication') && a.ingredients.length === 0 && a.classes.length === 0,
  );
  return uncoded.length > 0
    ? {
        findings,
        insufficient: [
          `${uncoded.length} medication allergy(ies) with codes not in the knowledge base were not checked`,
        ],
      }
    : { findings };
}

export const drugAllergyRule: Rule = {
  family: 'drug-allergy',
  title: 'Drug–allergy checks (same drug, class and beta-lactam cross-reactivity)',
  topic: 'drug-allergy',
  description:
    'Flags medications that match a recorded drug allergy by ingredient or class, and beta-lactam cross-reactivity with published rates.',
  citations: [KHAN_2022, SHENOY_2019],
  evaluate,
};
