/**
 * MedicationRequest / MedicationStatement → MedicationFact.
 *
 * Current chart medications: MedicationRequest status active|on-hold with an order-like intent (not proposal/option),
 * MedicationStatement status active|intended|on-hold. Drafts come only from `input.draftOrders` (isDraft = true).
 *
 * Stale-order policy: Synthea (and real EHRs) leave orders "active" for years. Dropping them would risk a wrong
 * all-clear, so they stay current, but `isStale` is set when the order date is older than STALE_ORDER_DAYS and the
 * date is kept so rules can say "ordered 2014-05-02, still active" and lower severity for chart-only pairs.
 */
import type { Code, MedicationFact } from '../facts';
import { codingsOf, labelOf, RXNORM, SNOMED } from '@fhir/codings';
import { classesOf, ingredientName, ingredientsOf, isKnownRxNorm, routeOf, rxnormName } from '../knowledge/drugs';
import { readDosage, rxnormNames, strengthsFromName } from './dosage';
import { resolve, skip, subjectOf, type NormalizeContext } from './context';

/** An active order older than this (days) is flagged stale. One year: most chronic prescriptions are renewed yearly. */
export const STALE_ORDER_DAYS = 365;

const REQUEST_ACTIVE = new Set(['active', 'on-hold']);
const STATEMENT_ACTIVE = new Set(['active', 'intended', 'on-hold']);
const NOT_ORDERS = new Set(['proposal', 'option']);
const DRAFT_EXCLUDED = new Set(['entered-in-error', 'cancelled', 'revoked', 'completed', 'stopped']);

type MedSource = fhir4.MedicationRequest | fhir4.MedicationStatement;

function conceptOf(ctx: NormalizeContext, r: MedSource): fhir4.CodeableConcept | undefined {
  if (r.medicationCodeableConcept) return r.medicationCodeableConcept;
  const target = resolve(ctx, r.medicationReference?.reference, r);
  return target?.resourceType === 'Medication' ? (target as fhir4.Medication).code : undefined;
}

function dateOf(r: MedSource): string | undefined {
  if (r.resourceType === 'MedicationRequest') return r.authoredOn;
  return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.dateAsserted;
}

/** SNOMED CT route codes (FHIR R4 value set route-codes) → our route words. */
const SNOMED_ROUTES: Readonly<Record<string, string>> = {
  '26643006': 'oral', '6064005': 'topical', '47625008': 'injection', '78421000': 'injection', '34206005': 'injection',
};

function routeFrom(r: MedSource, rxCodes: readonly string[]): string | undefined {
  const known = rxCodes.map(routeOf).find((x) => x !== undefined);
  if (known) return known;
  const dosage = r.resourceType === 'MedicationRequest' ? r.dosageInstruction : r.dosage;
  const coded = codingsOf(dosage?.[0]?.route).find((c) => c.system === SNOMED && SNOMED_ROUTES[c.code]);
  return coded ? SNOMED_ROUTES[coded.code] : undefined;
}

/** Dosage and per-ingredient strength, for the dose-aware rules (normalize/dosage.ts). */
function addDose(fact: MedicationFact, r: MedSource): void {
  const dose = readDosage(r.resourceType === 'MedicationRequest' ? r.dosageInstruction : r.dosage);
  if (dose) fact.dose = dose;
  const names = Object.fromEntries(fact.ingredients.map((i) => [i, ingredientName(i)]));
  const strengths = rxnormNames(fact.codes, rxnormName).map((n) => strengthsFromName(n, names)).find((s) => Object.keys(s).length > 0);
  if (strengths) fact.strengths = strengths;
}

/** Builds the fact; unknown RxNorm products are kept (the drug exists) but recorded as skipped for reasoning. */
function buildFact(ctx: NormalizeContext, r: MedSource, isDraft: boolean): MedicationFact | undefined {
  const concept = conceptOf(ctx, r);
  const codes: Code[] = codingsOf(concept);
  const rx = codes.filter((c) => c.system === RXNORM).map((c) => c.code);
  if (!concept || rx.length === 0) {
    skip(ctx, r, concept ? 'no RxNorm code: cannot identify the drug' : 'medication not resolvable (no code, reference not in input)');
    if (!concept) return undefined;
  }
  const known = rx.filter(isKnownRxNorm);
  if (rx.length > 0 && known.length === 0) skip(ctx, r, `unknown product: RxNorm ${rx.join(', ')} not in knowledge/drugs`);
  const ingredients = [...new Set(known.flatMap(ingredientsOf))].sort();
  const classes = [...new Set(known.flatMap(classesOf))].sort();
  const date = dateOf(r);
  const ageDays = date ? (ctx.nowMs - Date.parse(date.length > 10 ? date : `${date}T00:00:00Z`)) / 86_400_000 : undefined;
  // Display only: the order's own text first, our RxNorm name when the order carries a bare code.
  const display = concept?.text ?? codes.find((c) => c.display)?.display ?? known.map(rxnormName).find(Boolean) ?? labelOf(concept);
  const fact: MedicationFact = {
    ref: subjectOf(r), codes, display, ingredients, classes, status: r.status ?? 'unknown',
    isDraft, isStale: !isDraft && ageDays !== undefined && ageDays > STALE_ORDER_DAYS,
  };
  addDose(fact, r);
  const route = routeFrom(r, known);
  if (route) fact.route = route;
  if (date) fact.date = date;
  return fact;
}

/** Chart medication (current) or undefined when it is history or unusable. */
export function normalizeChartMedication(ctx: NormalizeContext, r: MedSource): MedicationFact | undefined {
  const status = r.status ?? '';
  if (r.resourceType === 'MedicationRequest') {
    if (status === 'draft') { skip(ctx, r, 'draft order outside draftOrders: not treated as current'); return undefined; }
    if (!REQUEST_ACTIVE.has(status)) return undefined;
    if (NOT_ORDERS.has(r.intent)) { skip(ctx, r, `intent ${r.intent} is not an order`); return undefined; }
  } else if (!STATEMENT_ACTIVE.has(status)) {
    return undefined;
  }
  return buildFact(ctx, r, false);
}

/** Draft order from the hook context (order-select / order-sign). */
export function normalizeDraftMedication(ctx: NormalizeContext, r: fhir4.Resource): MedicationFact | undefined {
  if (r.resourceType !== 'MedicationRequest') {
    skip(ctx, r, `draft ${r.resourceType} is not a medication order: not evaluated`);
    return undefined;
  }
  const req = r as fhir4.MedicationRequest;
  if (DRAFT_EXCLUDED.has(req.status)) { skip(ctx, r, `draft order with status ${req.status}`); return undefined; }
  return buildFact(ctx, req, true);
}
