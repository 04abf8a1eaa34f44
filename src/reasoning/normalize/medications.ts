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
import { classesOf, ingredientName } from '../knowledge/drugs';
import { identifyConcept, identifyMedication, type Identification } from '../knowledge/drugs/identify';
import { readDosage, strengthsFromName } from './dosage';
import { resolve, skip, subjectOf, type NormalizeContext } from './context';
import { administrationDate, currencyOf, dispenseDate, type MedicationRecord } from './medication-status';

/** An active order older than this (days) is flagged stale. One year: most chronic prescriptions are renewed yearly. */
export const STALE_ORDER_DAYS = 365;

const DRAFT_EXCLUDED = new Set(['entered-in-error', 'cancelled', 'revoked', 'completed', 'stopped']);

type MedSource = MedicationRecord;

/** The concept the record names and what it identifies: medicationCodeableConcept, or the referenced/contained Medication. */
function medicationOf(
  ctx: NormalizeContext,
  r: MedSource,
): { concept?: fhir4.CodeableConcept; id: Identification } | undefined {
  if (r.medicationCodeableConcept)
    return { concept: r.medicationCodeableConcept, id: identifyConcept(r.medicationCodeableConcept) };
  const target = resolve(ctx, r.medicationReference?.reference, r);
  if (target?.resourceType !== 'Medication') return undefined;
  const med = target as fhir4.Medication;
  const concept = med.code ?? med.ingredient?.find((i) => i.itemCodeableConcept)?.itemCodeableConcept;
  return { ...(concept ? { concept } : {}), id: identifyMedication(med) };
}

function dateOf(r: MedSource): string | undefined {
  switch (r.resourceType) {
    case 'MedicationRequest':
      return r.authoredOn;
    case 'MedicationAdministration':
      return administrationDate(r);
    case 'MedicationDispense':
      return dispenseDate(r);
    default:
      return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.dateAsserted;
  }
}

function dosageRoute(r: MedSource): fhir4.CodeableConcept | undefined {
  switch (r.resourceType) {
    case 'MedicationRequest':
      return r.dosageInstruction?.[0]?.route;
    case 'MedicationAdministration':
      return r.dosage?.route;
    case 'MedicationDispense':
      return r.dosageInstruction?.[0]?.route;
    default:
      return r.dosage?.[0]?.route;
  }
}

/** SNOMED CT route codes (FHIR R4 value set route-codes) → our route words. */
const SNOMED_ROUTES: Readonly<Record<string, string>> = {
  '26643006': 'oral',
  '6064005': 'topical',
  '47625008': 'injection',
  '78421000': 'injection',
  '34206005': 'injection',
};

function routeFrom(r: MedSource, id: Identification): string | undefined {
  if (id.route) return id.route;
  const coded = codingsOf(dosageRoute(r)).find((c) => c.system === SNOMED && SNOMED_ROUTES[c.code]);
  return coded ? SNOMED_ROUTES[coded.code] : undefined;
}

/** The regimen a record states; an administration records one dose given, not a regimen. */
function dosagesOf(r: MedSource): readonly fhir4.Dosage[] | undefined {
  switch (r.resourceType) {
    case 'MedicationRequest':
    case 'MedicationDispense':
      return r.dosageInstruction;
    case 'MedicationStatement':
      return r.dosage;
    default:
      return undefined;
  }
}

/** Dosage and per-ingredient strength, for the dose-aware rules (normalize/dosage.ts). */
function addDose(fact: MedicationFact, r: MedSource, id: Identification): void {
  const dose = readDosage(dosagesOf(r));
  if (dose) fact.dose = dose;
  const names = Object.fromEntries(fact.ingredients.map((i) => [i, ingredientName(i)]));
  // The product's RxNorm name first (the code's, or the display it was identified from), then the RxNorm displays.
  const candidates = [id.rxnormName, ...fact.codes.filter((c) => c.system === RXNORM).map((c) => c.display)];
  // The first name that states a strength wins; the names after it are not read.
  for (const name of candidates) {
    if (!name) continue;
    const strengths = strengthsFromName(name, names);
    if (Object.keys(strengths).length > 0) {
      fact.strengths = strengths;
      return;
    }
  }
}

const VIA_TEXT = { name: 'name', brand: 'brand', text: 'text as written' } as const;

/** Builds the fact; a drug that cannot be identified is kept (it exists) but recorded as skipped for reasoning. */
function buildFact(ctx: NormalizeContext, r: MedSource, isDraft: boolean): MedicationFact {
  const med = medicationOf(ctx, r);
  if (!med?.concept) skip(ctx, r, 'medication not resolvable (no code, reference not in input)');
  // Kept even then: the drug exists, and an unidentified draft must be said so (rules/unidentified-medication.ts).
  const concept = med?.concept;
  const id = med?.id ?? { ingredients: [], productClasses: [] };
  const codes: Code[] = codingsOf(concept);
  const rx = codes.filter((c) => c.system === RXNORM).map((c) => c.code);
  if (concept && id.ingredients.length === 0 && id.productClasses.length === 0) {
    skip(
      ctx,
      r,
      rx.length > 0
        ? `unknown product: RxNorm ${rx.join(', ')} and its name are not in knowledge/drugs`
        : 'product not recognised: no RxNorm code, and no known ingredient or brand in its name',
    );
  }
  const ingredients = id.ingredients;
  const classes = [...new Set([...id.productClasses, ...ingredients.flatMap(classesOf)])].sort();
  const date = dateOf(r);
  const ageDays = date
    ? (ctx.nowMs - Date.parse(date.length > 10 ? date : `${date}T00:00:00Z`)) / 86_400_000
    : undefined;
  // Display only: the order's own text first, our RxNorm name when the order carries a bare code.
  const display =
    concept?.text ??
    codes.find((c) => c.display)?.display ??
    id.rxnormName ??
    (concept
      ? labelOf(concept)
      : (r.medicationReference?.display ?? r.medicationReference?.reference ?? 'medication with no code or name'));
  const fact: MedicationFact = {
    ref: subjectOf(r),
    codes,
    display,
    ingredients,
    classes,
    status: r.status ?? 'unknown',
    isDraft,
    isStale: !isDraft && ageDays !== undefined && ageDays > STALE_ORDER_DAYS,
  };
  if (id.via && id.via !== 'code' && id.basis) fact.identifiedFrom = `${VIA_TEXT[id.via]}: '${id.basis}'`;
  addDose(fact, r, id);
  const route = routeFrom(r, id);
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
  if (fact && r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationStatement')
    fact.record = r.resourceType === 'MedicationAdministration' ? 'administration' : 'dispense';
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
  if (req.doNotPerform === true) {
    skip(ctx, r, 'draft with doNotPerform: an order not to give this drug, not evaluated as a new drug');
    return undefined;
  }
  if (DRAFT_EXCLUDED.has(req.status)) {
    skip(ctx, r, `draft order with status ${req.status}`);
    return undefined;
  }
  return buildFact(ctx, req, true);
}
