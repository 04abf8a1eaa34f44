/** Matching one search value against a resource (FHIR R4 §3.1.1.4 "Search parameter types", a subset). */
import { parseFhirDate } from '@fhir/dates';
import { valuesAt, type ParamDef } from './search-params';

interface Coded {
  system?: string;
  code?: string;
  value?: string;
  coding?: Coded[];
}

function codesOf(value: unknown): { system?: string; code: string }[] {
  if (typeof value === 'string') return [{ code: value }];
  if (value === null || typeof value !== 'object') return [];
  const v = value as Coded;
  if (Array.isArray(v.coding)) return v.coding.flatMap(codesOf);
  const code = v.code ?? v.value;
  return code === undefined ? [] : [{ system: v.system, code }];
}

/** `[system]|[code]`, `code`, `system|` or `|code` against strings, Codings, CodeableConcepts, Identifiers. */
function matchesToken(values: unknown[], query: string): boolean {
  const bar = query.indexOf('|');
  const system = bar < 0 ? undefined : query.slice(0, bar);
  const code = bar < 0 ? query : query.slice(bar + 1);
  return values.flatMap(codesOf).some((c) => {
    if (system !== undefined && system !== '' && c.system !== system) return false;
    if (system === '' && c.system !== undefined) return false;
    return code === '' || c.code === code;
  });
}

function matchesReference(values: unknown[], query: string): boolean {
  const wanted = query.split('/').pop();
  return values.some((v) => {
    const ref = (v as fhir4.Reference | undefined)?.reference;
    return typeof ref === 'string' && ref.split('/').pop() === wanted;
  });
}

/** Case- and accent-folded text, as string search compares it (FHIR R4 search.html#string). */
export function foldString(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A string parameter matches a value that equals or starts with the query, after folding. */
function matchesString(values: unknown[], query: string): boolean {
  const wanted = foldString(query);
  return values.some((v) => typeof v === 'string' && foldString(v).startsWith(wanted));
}

const PREFIX = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\d{4}(?:-\d{2}(?:-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?)?)?)$/;

/** The half-open instant range a date search value stands for, by its precision. */
function rangeOf(value: string): [number, number] | undefined {
  const start = parseFhirDate(value);
  if (start === undefined) return undefined;
  const d = new Date(start);
  if (value.length === 4) return [start, Date.UTC(d.getUTCFullYear() + 1, 0, 1)];
  if (value.length === 7) return [start, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
  if (value.length === 10) return [start, start + 86_400_000];
  return [start, start + 1000];
}

/** Whether a date search value is well formed (used to answer 400 rather than silently ignore it). */
export function isDateQuery(query: string): boolean {
  const m = PREFIX.exec(query);
  return m !== null && rangeOf(m[2] ?? '') !== undefined;
}

function matchesDate(values: unknown[], query: string): boolean {
  const m = PREFIX.exec(query);
  const range = m ? rangeOf(m[2] ?? '') : undefined;
  const at = values.map((v) => (typeof v === 'string' ? parseFhirDate(v) : undefined)).find((t) => t !== undefined);
  if (!m || !range || at === undefined) return false;
  const [lo, hi] = range;
  switch (m[1] ?? 'eq') {
    case 'ne':
      return at < lo || at >= hi;
    case 'gt':
    case 'sa':
      return at >= hi;
    case 'ge':
      return at >= lo;
    case 'lt':
    case 'eb':
      return at < lo;
    case 'le':
      return at < hi;
    default:
      return at >= lo && at < hi;
  }
}

/** Values of the first path that has any (dates), or of all paths (tokens, references). */
export function paramValues(resource: fhir4.Resource, def: ParamDef): unknown[] {
  if (def.kind !== 'date') return def.paths.flatMap((p) => valuesAt(resource, p));
  for (const path of def.paths) {
    const found = valuesAt(resource, path);
    if (found.length > 0) return found;
  }
  return [];
}

/** One parameter occurrence: comma-separated values are ORed (FHIR R4 §3.1.1.5.5). */
export function matches(resource: fhir4.Resource, def: ParamDef, query: string): boolean {
  const values = paramValues(resource, def);
  return query.split(',').some((q) => {
    switch (def.kind) {
      case 'token':
        return matchesToken(values, q);
      case 'reference':
        return matchesReference(values, q);
      case 'date':
        return matchesDate(values, q);
      case 'string':
        return matchesString(values, q);
    }
  });
}
