/**
 * FHIR query strings, built in one place for the service and the app: every parameter value percent-encoded
 * (RFC 3986 §2.1), so `code=http%3A%2F%2Floinc.org%7C6301-6` reaches the server as sent whatever a proxy between
 * does with a bare `|`, `:` or `/`. Commas stay bare: they separate alternatives (FHIR R4 search §"Composite and
 * OR"), and no value we send contains one.
 */

/** A CDS Hooks prefetch token (`{{context.patientId}}`), kept verbatim for the CDS client to fill. */
export interface PrefetchToken {
  token: string;
}

export type QueryValue = string | number | readonly string[] | PrefetchToken;

const isToken = (v: QueryValue): v is PrefetchToken => typeof v === 'object' && !Array.isArray(v);

function encodeValue(value: QueryValue): string {
  if (isToken(value)) return `{{${value.token}}}`;
  if (Array.isArray(value)) return value.map((v: string) => encodeURIComponent(v)).join(',');
  return encodeURIComponent(String(value));
}

/** `Type?name=value&…`, values percent-encoded (arrays are OR lists). */
export function searchQuery(type: string, params: ReadonlyArray<readonly [string, QueryValue]>): string {
  const query = params.map(([name, value]) => `${name}=${encodeValue(value)}`).join('&');
  return query ? `${type}?${query}` : type;
}

/** `Type/id`, the id percent-encoded (or a prefetch token kept verbatim). */
export function readQuery(type: string, id: string | PrefetchToken): string {
  return `${type}/${encodeValue(id)}`;
}
