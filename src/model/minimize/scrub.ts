/**
 * Backstop for the whitelist projection: engine-written text (finding summaries, details, score values) is
 * scrubbed of exact dates, resource references and every identifying string found in the input, in case a
 * rule ever echoes one. The projection itself copies no identifying field.
 */
import { daysBetween } from '@fhir/dates';
import { MAX_JSON_DEPTH } from '@fhir/json-depth';
import type { AliasTable } from './aliases';
import { standardName } from './terminology';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/g;
const RESOURCE_TYPES = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'RelatedPerson',
  'Organization',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'Medication',
  'AllergyIntolerance',
  'Procedure',
  'Immunization',
  'DiagnosticReport',
  'ServiceRequest',
  'CarePlan',
  'Claim',
  'Location',
  'Device',
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

/** What stands in for free text the EHR typed (notes, dosage text, narrative, a reference's display). */
export const WITHHELD = '[free text withheld]';
const UNNAMED = '[a coded item]';
const FREE_TEXT_KEYS = new Set(['text', 'div', 'patientInstruction', 'comment', 'valueString', 'description']);

/**
 * EHR-authored strings of a resource set, each with what a model may see instead: a coded concept's `display` and
 * `text` become the concept's standard name (terminology.ts), every other free-text field a placeholder. Engine text
 * quotes them (a medication shown by its order's text), so they are replaced there too.
 */
export function collectAuthored(resources: readonly fhir4.Resource[]): Map<string, string> {
  const out = new Map<string, string>();
  const put = (s: unknown, instead: string) => {
    if (typeof s === 'string' && s.trim().length >= MIN_TOKEN && !out.has(s.toLowerCase()))
      out.set(s.toLowerCase(), instead);
  };
  const walk = (value: Json, depth: number): void => {
    if (depth > MAX_JSON_DEPTH || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, depth + 1));
    const codings = Array.isArray(value['coding']) ? (value['coding'] as fhir4.Coding[]) : undefined;
    if (codings) {
      const instead = standardName(codings) ?? UNNAMED;
      put(value['text'], instead);
      for (const c of codings) put(c?.display, instead);
    } else if (typeof value['reference'] === 'string' || typeof value['system'] === 'string') {
      put(value['display'], WITHHELD);
    }
    for (const [k, v] of Object.entries(value)) {
      if (FREE_TEXT_KEYS.has(k) && typeof v === 'string' && !codings) put(v, WITHHELD);
      else walk(v, depth + 1);
    }
  };
  for (const r of resources) walk(r as unknown as Json, 0);
  return out;
}

/** One whole-word, case-insensitive pattern over the authored strings, longest first. */
export function authoredPattern(authored: ReadonlyMap<string, string>): RegExp | undefined {
  return sensitivePattern([...authored.keys()].sort((a, b) => b.length - a.length));
}

export interface ScrubContext {
  now: string;
  aliases: AliasTable;
  sensitive: RegExp | undefined;
  /** EHR-authored strings and what replaces each (collectAuthored), with their pattern. */
  authored?: { pattern: RegExp | undefined; instead: ReadonlyMap<string, string> };
}

/** Scrubs one engine-written string for the model. */
export function scrubText(text: string, ctx: ScrubContext): string {
  // Known references become aliases first; then identifying strings are redacted before dates are made
  // relative, so a birth date is redacted rather than turned into "N days ago".
  let out = text;
  for (const [real, alias] of ctx.aliases.resourceRefs()) out = out.split(real).join(alias);
  out = out.replace(URN, '[ref]').replace(FHIR_REF, '[ref]');
  const authored = ctx.authored;
  if (authored?.pattern) out = out.replace(authored.pattern, (m) => authored.instead.get(m.toLowerCase()) ?? WITHHELD);
  if (ctx.sensitive) out = out.replace(ctx.sensitive, '[redacted]');
  out = out.replace(ISO_DATE, (d) => {
    const days = daysBetween(d, ctx.now);
    return days === undefined ? '[date]' : `${days} days ago`;
  });
  return out;
}
