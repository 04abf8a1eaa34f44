/** FHIR references: relative references ("Type/id") are the one form the engine uses internally. */

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/;

/** "Type/id" for a resource, or undefined when it has no id. */
export function relativeRef(resource: fhir4.Resource): string | undefined {
  return resource.id ? `${resource.resourceType}/${resource.id}` : undefined;
}

/** Splits a relative (or absolute, ending in Type/id) reference; undefined for urn:, contained (#) and odd values. */
export function parseReference(ref: string | undefined): { type: string; id: string } | undefined {
  if (!ref || ref.startsWith('#') || ref.startsWith('urn:')) return undefined;
  const m = RELATIVE.exec(ref) ?? RELATIVE.exec(ref.split('/').slice(-2).join('/'));
  return m?.[1] && m[2] ? { type: m[1], id: m[2] } : undefined;
}

/** Normalizes a reference to "Type/id" when possible (absolute URLs are cut to their last two segments). */
export function toRelative(ref: string | undefined): string | undefined {
  const p = parseReference(ref);
  return p ? `${p.type}/${p.id}` : undefined;
}

/** The patient a resource is about: a Patient's own id, else its subject / patient reference; undefined when it names none. */
export function patientIdOf(resource: fhir4.Resource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const holder = resource as { subject?: fhir4.Reference; patient?: fhir4.Reference };
  const ref = parseReference(holder.subject?.reference ?? holder.patient?.reference);
  return ref?.type === 'Patient' ? ref.id : undefined;
}

/** True for "urn:uuid:…" references used inside transaction and collection bundles. */
export function isUrnUuid(ref: string | undefined): boolean {
  return typeof ref === 'string' && ref.startsWith('urn:uuid:');
}
