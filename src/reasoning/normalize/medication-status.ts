/**
 * Which medication records mean "the patient is on this drug now". One policy per FHIR R4 resource type:
 *
 * - MedicationRequest: status active | on-hold with an order-like intent. `doNotPerform: true` is an order NOT to
 *   give the drug (R4 MedicationRequest.doNotPerform, a modifier element): never a current medication.
 * - MedicationStatement: active | intended | on-hold. `unknown` ("the authoring system doesn't know the current
 *   state", R4 MedicationStatementStatusCodes) is kept as uncertain: dropping it could hide an anticoagulant, so it
 *   is reasoned on and labelled "status unknown" wherever it is shown.
 * - MedicationAdministration (the MAR): in-progress | on-hold, or a dose given (completed) in the last
 *   ADMINISTRATION_RECENT_HOURS. An inpatient on heparin may have it only on the MAR. `unknown` within the window is
 *   kept as uncertain; not-done, stopped and entered-in-error are not doses.
 * - MedicationDispense: preparation | in-progress | on-hold, or completed with the supply not yet run out
 *   (handed over within daysSupply + DISPENSE_GRACE_DAYS, or DISPENSE_DEFAULT_DAYS without a daysSupply).
 */
import { timeOf, type NormalizeContext } from './context';

export type MedicationRecord =
  fhir4.MedicationRequest | fhir4.MedicationStatement | fhir4.MedicationAdministration | fhir4.MedicationDispense;

/** A completed administration this recent still acts (LMWH every 12–24 h, heparin infusions, DOAC doses). */
export const ADMINISTRATION_RECENT_HOURS = 48;
/** A dispense without daysSupply is taken to cover this many days (a typical 30-day fill, with room for late refills). */
export const DISPENSE_DEFAULT_DAYS = 60;
/** Days past the end of a dispense's supply it still counts (patients refill late; a gap is not a stop). */
export const DISPENSE_GRACE_DAYS = 30;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const REQUEST_ACTIVE = new Set(['active', 'on-hold']);
const NOT_ORDERS = new Set(['proposal', 'option']);
const STATEMENT_ACTIVE = new Set(['active', 'intended', 'on-hold']);
const ADMIN_ONGOING = new Set(['in-progress', 'on-hold']);
const DISPENSE_ONGOING = new Set(['preparation', 'in-progress', 'on-hold']);

/** current: reason on it (uncertain: status unknown, say so); otherwise `skip` names why it was left out, if worth saying. */
export type Currency = { current: true; uncertain?: boolean } | { current: false; skip?: string };

const NOT_CURRENT: Currency = { current: false };

export function administrationDate(a: fhir4.MedicationAdministration): string | undefined {
  return a.effectiveDateTime ?? a.effectivePeriod?.end ?? a.effectivePeriod?.start;
}

export function dispenseDate(d: fhir4.MedicationDispense): string | undefined {
  return d.whenHandedOver ?? d.whenPrepared;
}

function withinHours(ctx: NormalizeContext, date: string | undefined, hours: number): boolean {
  const t = timeOf(ctx, date);
  return t !== undefined && ctx.nowMs - t <= hours * HOUR_MS;
}

function requestCurrency(r: fhir4.MedicationRequest): Currency {
  if (r.doNotPerform === true) return { current: false, skip: 'doNotPerform: an order not to give this drug' };
  if (r.status === 'draft') return { current: false, skip: 'draft order outside draftOrders: not treated as current' };
  if (!REQUEST_ACTIVE.has(r.status)) return NOT_CURRENT;
  if (NOT_ORDERS.has(r.intent)) return { current: false, skip: `intent ${r.intent} is not an order` };
  return { current: true };
}

function statementCurrency(s: fhir4.MedicationStatement): Currency {
  if (s.status === 'unknown') return { current: true, uncertain: true };
  return STATEMENT_ACTIVE.has(s.status) ? { current: true } : NOT_CURRENT;
}

function administrationCurrency(ctx: NormalizeContext, a: fhir4.MedicationAdministration): Currency {
  if (ADMIN_ONGOING.has(a.status)) return { current: true };
  if (a.status !== 'completed' && a.status !== 'unknown') return NOT_CURRENT;
  if (!withinHours(ctx, administrationDate(a), ADMINISTRATION_RECENT_HOURS)) return NOT_CURRENT;
  return a.status === 'unknown' ? { current: true, uncertain: true } : { current: true };
}

function supplyDays(d: fhir4.MedicationDispense): number {
  const days = d.daysSupply?.value;
  return typeof days === 'number' && Number.isFinite(days) && days > 0
    ? days + DISPENSE_GRACE_DAYS
    : DISPENSE_DEFAULT_DAYS;
}

function dispenseCurrency(ctx: NormalizeContext, d: fhir4.MedicationDispense): Currency {
  if (DISPENSE_ONGOING.has(d.status)) return { current: true };
  if (d.status !== 'completed' && d.status !== 'unknown') return NOT_CURRENT;
  if (!withinHours(ctx, dispenseDate(d), supplyDays(d) * (DAY_MS / HOUR_MS))) return NOT_CURRENT;
  return d.status === 'unknown' ? { current: true, uncertain: true } : { current: true };
}

/** Whether a chart medication record is current, by its resource type's policy (see the file comment). */
export function currencyOf(ctx: NormalizeContext, r: MedicationRecord): Currency {
  switch (r.resourceType) {
    case 'MedicationRequest':
      return requestCurrency(r);
    case 'MedicationStatement':
      return statementCurrency(r);
    case 'MedicationAdministration':
      return administrationCurrency(ctx, r);
    case 'MedicationDispense':
      return dispenseCurrency(ctx, r);
    default:
      return NOT_CURRENT;
  }
}
