/**
 * The record the engine reasons on for one call: the chart as gathered, plus what the hook's context brings.
 * - allergyintolerance-create / problem-list-item-create: the resource being created joins the chart (replacing a
 *   copy the client may already have saved under the same id), so it is checked against the active medications.
 * - medication-refill: the refill is the draft; the prescription it renews leaves the chart, else every refill would
 *   read as a second order of the same drug (duplicate therapy). Hook medication-refill: "a refill request for an
 *   existing prescription"; the renewed one is the refill's `priorPrescription`, its own id, or the active order of
 *   the same medication (same RxNorm code or Medication reference).
 */
import { RXNORM } from '@fhir/codings';
import type { HookName } from '@cds-hooks/schemas/request';
import type { ParsedHookCall } from './hook-request';

const refOf = (r: fhir4.Resource): string => `${r.resourceType}/${r.id ?? ''}`;

function medicationKeys(r: fhir4.MedicationRequest): string[] {
  const codes = (r.medicationCodeableConcept?.coding ?? [])
    .filter((c) => c.system === RXNORM && c.code)
    .map((c) => `rxnorm:${c.code}`);
  return r.medicationReference?.reference ? [...codes, `ref:${r.medicationReference.reference}`] : codes;
}

function renewedBy(refills: readonly fhir4.Resource[]): (r: fhir4.Resource) => boolean {
  const meds = refills as fhir4.MedicationRequest[];
  const refs = new Set(
    meds.flatMap((m) => [refOf(m), ...(m.priorPrescription?.reference ? [m.priorPrescription.reference] : [])]),
  );
  const keys = new Set(meds.flatMap(medicationKeys));
  return (r) =>
    r.resourceType === 'MedicationRequest' &&
    (refs.has(refOf(r)) ||
      [...refs].some((x) => x.endsWith(`/${refOf(r)}`)) ||
      medicationKeys(r as fhir4.MedicationRequest).some((k) => keys.has(k)));
}

export function chartForHook(
  hook: HookName,
  chart: readonly fhir4.Resource[],
  parsed: Pick<ParsedHookCall, 'drafts' | 'created'>,
): fhir4.Resource[] {
  if (hook === 'medication-refill') return chart.filter((r) => !renewedBy(parsed.drafts)(r));
  if (parsed.created.length === 0) return [...chart];
  const replaced = new Set(parsed.created.map(refOf));
  return [...chart.filter((r) => !replaced.has(refOf(r))), ...parsed.created];
}
