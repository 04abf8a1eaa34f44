/**
 * Therapeutic duplication (knowledge/duplicate-therapy.ts).
 * Same ingredient: repeated orders of one product code are one order history (renewals) and never flagged; two
 * different products of one ingredient are flagged — as info in the chart (usually a superseded order left active,
 * e.g. Synthea's simvastatin 10 mg + 20 mg) and as a warning when a draft order adds it.
 * Same class: two different ingredients of one class (two NSAIDs, two anticoagulants, ACE inhibitor + ARB…).
 */
import { removeDraftSuggestion } from './draft-suggestions';
import type { Facts, MedicationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, Severity } from '../types';
import { RXNORM } from '@fhir/codings';
import { DUPLICATE_CLASSES, SAME_INGREDIENT, type DuplicateClassEntry } from '../knowledge/duplicate-therapy';
import { ingredientName } from '../knowledge/drugs';
import {
  clipSummary,
  medEvidence,
  medInput,
  medKey,
  medNames,
  medStatusText,
  uniqueMeds,
} from '../knowledge/drugs/describe';

// Intended overlaps cannot be told apart from duplicates (DUPLICATE_LIMIT): the plan decides, then the draft goes.
const CHECK_PLAN_DRAFT =
  'Check the plan (switching, bridging, tapering?); if the overlap is not intended, remove the draft.';

const productOf = (m: MedicationFact): string => m.codes.find((c) => c.system === RXNORM)?.code ?? m.ref;

function finding(
  id: string,
  ruleId: string,
  severity: Severity,
  summary: string,
  meds: MedicationFact[],
  why: string,
  action: string,
  extra: Pick<Finding, 'citations' | 'limitations'>,
): Finding {
  const drafts = meds.filter((m) => m.isDraft);
  return {
    id,
    ruleId,
    family: duplicateTherapyRule.family,
    severity,
    summary: clipSummary(summary),
    action,
    detail: [
      `**Why it matters.** ${why}`,
      '',
      '**In this record:**',
      ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
    ].join('\n'),
    evidence: meds.map(medEvidence),
    inputs: meds.map(medInput),
    draftRefs: drafts.map((d) => d.ref),
    suggestions: removeDraftSuggestion(drafts),
    ...extra,
  };
}

function sameIngredient(meds: readonly MedicationFact[]): Finding[] {
  const byIngredient = new Map<string, MedicationFact[]>();
  for (const m of meds) {
    for (const i of m.ingredients) {
      const list = byIngredient.get(i);
      if (list) list.push(m);
      else byIngredient.set(i, [m]);
    }
  }
  const out: Finding[] = [];
  for (const [cui, group] of [...byIngredient].sort(([a], [b]) => a.localeCompare(b))) {
    // A MAR entry or a dispense is the same therapy as its order, not a second product: it counts only against a draft.
    const products = new Set(group.filter((m) => m.isDraft || m.record === undefined).map(productOf));
    const drafts = group.filter((m) => m.isDraft);
    if (group.length < 2 || (products.size < 2 && drafts.length === 0)) continue;
    const sameProductRenewal = products.size < 2;
    const severity: Severity = drafts.length > 0 && !sameProductRenewal ? SAME_INGREDIENT.severity.draft : 'info';
    const name = ingredientName(cui);
    const why =
      drafts.length > 0
        ? `${name} is already active; a second order risks a double dose${sameProductRenewal ? ' (same product: perhaps a renewal)' : ''}.`
        : `${products.size} different ${name} products are active at once. Often an old order left active after a dose change.`;
    out.push(
      finding(
        `${SAME_INGREDIENT.id}:${cui}${drafts.length > 0 ? `:${drafts.map((d) => d.ref).join(',')}` : ''}`,
        SAME_INGREDIENT.id,
        severity,
        `${name}: ${group.length} active orders (${products.size} product${products.size > 1 ? 's' : ''})${drafts.length > 0 ? ', incl. a new draft: double-dose risk' : ': possible duplicate'}`,
        uniqueMeds(group),
        why,
        drafts.length === 0
          ? 'Reconcile the orders, so every reader sees the dose actually taken.'
          : sameProductRenewal
            ? 'If this is a renewal, stop the old order.'
            : CHECK_PLAN_DRAFT,
        { citations: SAME_INGREDIENT.citations, limitations: SAME_INGREDIENT.limitations },
      ),
    );
  }
  return out;
}

/** The entry's classes among the members are exactly the two bridging classes (warfarin + heparin/LMWH, no DOAC). */
function isBridging(entry: DuplicateClassEntry, members: readonly MedicationFact[]): boolean {
  if (!entry.bridging) return false;
  const present = new Set(
    members.flatMap((m) => m.classes.filter((c) => (entry.classes as readonly string[]).includes(c))),
  );
  return present.size === 2 && entry.bridging.every((c) => present.has(c));
}

function sameClass(entry: DuplicateClassEntry, meds: readonly MedicationFact[]): Finding | undefined {
  const classes: readonly string[] = entry.classes;
  const members = meds.filter((m) => m.classes.some((c) => classes.includes(c)));
  const keys = [...new Set(members.map(medKey))].sort();
  if (keys.length < 2) return undefined;
  const involvesDraft = members.some((m) => m.isDraft);
  const shown = uniqueMeds(members);
  const names = medNames(shown, ' + ');
  const bridging = isBridging(entry, members);
  const draftSeverity: Severity = bridging && entry.severity.draft === 'critical' ? 'warning' : entry.severity.draft;
  return finding(
    `${entry.id}:${keys.join('|')}`,
    entry.id,
    involvesDraft ? draftSeverity : entry.severity.chart,
    `${entry.title}: ${names}${involvesDraft ? ' (new order)' : ''}`,
    shown,
    entry.rationale,
    involvesDraft ? CHECK_PLAN_DRAFT : 'Check the plan (switching, bridging, tapering?) and reconcile the orders.',
    { citations: entry.citations, limitations: entry.limitations },
  );
}

function evaluate(facts: Facts): RuleOutcome {
  const meds = [...facts.drafts, ...facts.medications];
  const findings = [...sameIngredient(meds), ...DUPLICATE_CLASSES.flatMap((e) => sameClass(e, meds) ?? [])];
  return { findings };
}

export const duplicateTherapyRule: Rule = {
  family: 'duplicate-therapy',
  title: 'Duplicate therapy (same drug or same class)',
  topic: 'duplicate-therapy',
  description:
    'Flags the same ingredient ordered as different products and two drugs of one therapeutic class, with draft orders weighted higher.',
  citations: SAME_INGREDIENT.citations,
  evaluate,
};
