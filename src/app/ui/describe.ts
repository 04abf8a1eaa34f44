/** One-line readable summaries of FHIR resources for chips and the evidence dialog. */

type Loose = Record<string, unknown>;

function text(concept: unknown): string | undefined {
  if (typeof concept !== 'object' || concept === null) return undefined;
  const c = concept as fhir4.CodeableConcept;
  return c.text ?? c.coding?.find((x) => x.display)?.display ?? c.coding?.[0]?.code;
}

/** What the resource is about: its code, medication or name. */
export function resourceTitle(resource: fhir4.Resource): string {
  const r = resource as unknown as Loose;
  if (resource.resourceType === 'Patient') {
    const name = (resource as fhir4.Patient).name?.[0];
    return name ? [name.given?.join(' '), name.family].filter(Boolean).join(' ') || 'Patient' : 'Patient';
  }
  return text(r.code) ?? text(r.medicationCodeableConcept) ?? resource.resourceType;
}

/**
 * A measured number for display: three significant figures, never fewer than its integer digits
 * (97.59468734415469 → 97.6). The resource dialog keeps the recorded value.
 */
export function formatMeasure(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1000 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}

/** The value of an Observation, with its unit; `exact` keeps every recorded digit. */
export function observationValue(obs: fhir4.Observation, exact = true): string | undefined {
  const q = obs.valueQuantity;
  if (q?.value !== undefined)
    return `${exact ? q.value : formatMeasure(q.value)}${(q.unit ?? q.code) ? ` ${q.unit ?? q.code}` : ''}`;
  return obs.valueString ?? text(obs.valueCodeableConcept);
}

/** The clinically relevant date of a resource (when observed, ordered, recorded or started). */
export function resourceDate(resource: fhir4.Resource): string | undefined {
  const r = resource as unknown as Loose;
  const candidates = [
    r.effectiveDateTime,
    (r.effectivePeriod as fhir4.Period | undefined)?.start,
    r.authoredOn,
    r.dateAsserted,
    r.onsetDateTime,
    r.recordedDate,
    r.issued,
    r.birthDate,
  ];
  return candidates.find((c): c is string => typeof c === 'string');
}

/** Label/value pairs for the evidence dialog's readable view. */
export function resourceFacts(resource: fhir4.Resource): [string, string][] {
  const r = resource as unknown as Loose;
  const facts: [string, string | undefined][] = [
    ['Type', resource.resourceType],
    ['What', resourceTitle(resource)],
    ['Value', resource.resourceType === 'Observation' ? observationValue(resource as fhir4.Observation) : undefined],
    ['Date', readableDateTime(resourceDate(resource))],
    ['Status', typeof r.status === 'string' ? r.status : text(r.clinicalStatus)],
    ['Id', resource.id],
  ];
  return facts.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1].length > 0);
}

/** An ISO dateTime as "2021-03-31 08:15 UTC" (or with its offset); a plain date stays as it is. */
export function readableDateTime(value: string | undefined): string | undefined {
  const m = value && /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!m) return value;
  return `${m[1]} ${m[2]}${m[3] === 'Z' ? ' UTC' : m[3] ? ` ${m[3]}` : ''}`;
}

/** Shortens an ISO dateTime to its date for display. */
export function shortDate(value: string | undefined): string {
  return value ? value.slice(0, 10) : 'no date';
}
