/**
 * Medication records → MedicationFact: MedicationRequest, MedicationStatement, MedicationAdministration (MAR) and
 * MedicationDispense. Which records are current is decided in medication-status.ts; drafts come only from
 * `input.draftOrders` (isDraft = true).
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
import { administrationDate, currencyOf, dispenseDate, type MedicationRecord } from './medication-status';

/** An active order older than this (days) is flagged stale. One year: most chronic prescriptions are renewed yearly. */
export const STALE_ORDER_DAYS = 365;

const DRAFT_EXCLUDED = new Set(['entered-in-error', 'cancelled', 'revoked', 'completed', 'stopped']);

type MedSource = MedicationRecord;

function conceptOf(ctx: NormalizeContext, r: MedSource): fhir4.CodeableConcept | undefined {
  if (r.medicationCodeableConcept) return r.medicationCodeableConcept;
  const target = resolve(ctx, r.medicationReference?.reference, r);
  return target?.resourceType === 'Medication' ? (target as fhir4.Medication).code : undefined;
}

function dateOf(r: MedSource): string | undefined {
  switch (r.resourceType) {
    case 'MedicationRequest': return r.authoredOn;
    case 'MedicationAdministration': return administrationDate(r);
    case 'MedicationDispense': return dispenseDate(r);
    default: return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.dateAsserted;
  }
}

function dosageRoute(r: MedSource): fhir4.CodeableConcept | undefined {
  switch (r.resourceType) {
    case 'MedicationRequest': return r.dosageInstruction?.[0]?.route;
    case 'MedicationAdministration': return r.dosage?.route;
    case 'MedicationDispense': return r.dosageInstruction?.[0]?.route;
    default: return r.dosage?.[0]?.route;
  }
}

/** SNOMED CT route codes (FHIR R4 value set route-codes) → our route words. */
const SNOMED_ROUTES: Readonly<Record<string, string>> = {
  '26643006': 'oral', '6064005': 'topical', '47625008': 'injection', '78421000': 'injection', '34206005': 'injection',
};

function routeFrom(r: MedSource, rxCodes: readonly string[]): string | undefined {
  const known = rxCodes.map(routeOf).find((x) => x !== undefined);
  if (known) return known;
  const coded = codingsOf(dosageRoute(r)).find((c) => c.system === SNOMED && SNOMED_ROUTES[c.code]);
  return coded ? SNOMED_ROUTES[coded.code] : undefined;
}

/** The regimen a record states; an administration records one dose given, not a regimen. */
function dosagesOf(r: MedSource): readonly fhir4.Dosage[] | undefined {
  switch (r.resourceType) {
    case 'MedicationRequest': case 'MedicationDispense': return r.dosageInstruction;
    case 'MedicationStatement': return r.dosage;
    default: return undefined;
  }
}

/** Dosage and per-ingredient strength, for the dose-aware rules (normalize/dosage.ts). */
function addDose(fact: MedicationFact, r: MedSource): void {
  const dose = readDosage(dosagesOf(r));
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
  const currency = currencyOf(ctx, r);
  if (!currency.current) {
    if (currency.skip) skip(ctx, r, currency.skip);
    return undefined;
  }
  const fact = buildFact(ctx, r, false);
  if (fact && r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationStatement') fact.record = r.resourceType === 'MedicationAdministration' ? 'administration' : 'dispense';
  if (fact && currency.uncertain) fact.uncertain = true;
  return fact;
}

/** Draft order from the hook context (order-select / order-sign). */
export function normalizeDraftMedication(ctx: NormalizeContext, r: fhir4.Resource): MedicationFact | undefined {
  if (r.resourceType !== 'MedicationRequest') {
    skip(ctx, r, `draft ${r.resourceType} is not a medication order: not evaluated`);
    return undefined;
  }
  const req = r as fhir4.MedicationRequest;
  if (req.doNotPerform === true) { skip(ctx, r, 'draft with doNotPerform: an order not to give this drug, not evaluated as a new drug'); return undefined; }
  if (DRAFT_EXCLUDED.has(req.status)) { skip(ctx, r, `draft order with status ${req.status}`); return undefined; }
  return buildFact(ctx, req, true);
}
