/**
 * Backstop for the whitelist projection: engine-written text (finding summaries, details, score values) is
 * scrubbed of exact dates, resource references and every identifying string found in the input, in case a
 * rule ever echoes one. The projection itself copies no identifying field.
 */
import { daysBetween } from '@fhir/dates';
import { MAX_JSON_DEPTH } from '@fhir/json-depth';
import type { AliasTable } from './aliases';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/g;
const RESOURCE_TYPES = [
  'Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Organization', 'Encounter', 'Condition',
  'Observation', 'MedicationRequest', 'MedicationStatement', 'Medication', 'AllergyIntolerance', 'Procedure',
  'Immunization', 'DiagnosticReport', 'ServiceRequest', 'CarePlan', 'Claim', 'Location', 'Device',
];
const FHIR_REF = new RegExp(`\\b(?:${RESOURCE_TYPES.join('|')})\\/[A-Za-z0-9\\-.]{1,64}`, 'g');
const URN = /urn:(?:uuid|oid):[A-Za-z0-9\-.]+/gi;
const MIN_TOKEN = 3;

type Json = string | number | boolean | null | undefined | Json[] | { [k: string]: Json };

/** Identifying strings of a resource set: ids, identifiers, names, telecoms, addresses, birth dates. */
export function collectSensitive(resources: readonly fhir4.Resource[]): string[] {
  const out = new Set<string>();
  for (const r of resources) {
    if (r.id) out.add(r.id);
    const rec = r as unknown as Record<string, Json>;
    collectFrom(rec['identifier'], ['value'], out);
    if (r.resourceType === 'Patient' || r.resourceType === 'RelatedPerson' || r.resourceType === 'Practitioner') {
      collectPerson(rec, out);
    }
  }
  return [...out].filter((s) => s.length >= MIN_TOKEN).sort((a, b) => b.length - a.length);
}

function collectPerson(rec: Record<string, Json>, out: Set<string>, depth = 0): void {
  if (depth > MAX_JSON_DEPTH) return;
  collectFrom(rec['name'], ['family', 'given', 'text'], out);
  collectFrom(rec['telecom'], ['value'], out);
  collectFrom(rec['address'], ['line', 'city', 'district', 'postalCode', 'text'], out);
  const contacts = Array.isArray(rec['contact']) ? rec['contact'] : [];
  for (const c of contacts) {
    if (c && typeof c === 'object' && !Array.isArray(c)) collectPerson(c, out, depth + 1);
  }
  // Extensions such as mother's maiden name or birth place hold identifying strings in value[x].
  collectStrings(rec['extension'], out, (key) => key.startsWith('value') || key === 'line' || key === 'city');
  for (const key of ['birthDate', 'deceasedDateTime']) {
    const v = rec[key];
    if (typeof v === 'string') out.add(v);
  }
}

function collectFrom(value: Json, keys: string[], out: Set<string>): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const k of keys) collectStrings(item[k], out, () => true);
  }
}

// Bounded like every walk over FHIR JSON (a hostile server can nest thousands of levels; no name sits that deep).
function collectStrings(value: Json, out: Set<string>, keep: (key: string) => boolean, key = '', depth = 0): void {
  if (depth > MAX_JSON_DEPTH) return;
  if (typeof value === 'string') {
    if (keep(key)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, out, keep, key, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectStrings(v, out, keep, k, depth + 1);
  }
}

/** One case-insensitive whole-word pattern for all sensitive strings (so "Ana" does not hit "Anaphylaxis"). */
export function sensitivePattern(sensitive: readonly string[]): RegExp | undefined {
  if (sensitive.length === 0) return undefined;
  const escaped = sensitive.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export interface ScrubContext {
  now: string;
  aliases: AliasTable;
  sensitive: RegExp | undefined;
}

/** Scrubs one engine-written string for the model. */
export function scrubText(text: string, ctx: ScrubContext): string {
  // Known references become aliases first; then identifying strings are redacted before dates are made
  // relative, so a birth date is redacted rather than turned into "N days ago".
  let out = text;
  for (const [real, alias] of ctx.aliases.resourceRefs()) out = out.split(real).join(alias);
  out = out.replace(URN, '[ref]').replace(FHIR_REF, '[ref]');
  if (ctx.sensitive) out = out.replace(ctx.sensitive, '[redacted]');
  out = out.replace(ISO_DATE, (d) => {
    const days = daysBetween(d, ctx.now);
    return days === undefined ? '[date]' : `${days} days ago`;
  });
  return out;
}
