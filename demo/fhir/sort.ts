/**
 * `_sort` (FHIR R4 search.html#sort): a comma-separated list of search parameter names, each
 * ascending or, with a `-` prefix, descending; the first name is the primary key. Sortable here: `_id` and the
 * type's date and string parameters (search-params.ts). Resources without a value sort last in either direction;
 * ties keep the repository's order (Array.prototype.sort is stable), so paging over a sorted search is stable.
 * A key this server cannot sort by is ignored, like any unsupported parameter (§3.1.1.4), and left out of the self
 * link so the client can see it was not used; with `Prefer: handling=strict` it is a 400 naming it.
 */
import { parseFhirDate } from '@fhir/dates';
import { FhirError } from './errors';
import { foldString, paramValues } from './match';
import { SEARCH_PARAMS, type ParamDef } from './search-params';

type SortValue = number | string;

interface SortKey {
  raw: string;
  descending: boolean;
  valuesOf: (resource: fhir4.Resource) => SortValue[];
}

function isSortable(def: ParamDef): boolean {
  return def.kind === 'date' || def.kind === 'string';
}

/** The names `_sort` accepts on a type, for the CapabilityStatement and for the 400 that refuses another. */
export function sortableParams(type: string): string[] {
  const defs = SEARCH_PARAMS[type] ?? {};
  return ['_id', ...Object.keys(defs).filter((name) => name !== '_id' && isSortable(defs[name] as ParamDef))];
}

function valuesFor(def: ParamDef): (resource: fhir4.Resource) => SortValue[] {
  return (resource) =>
    paramValues(resource, def)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => (def.kind === 'date' ? parseFhirDate(v) : foldString(v)))
      .filter((v): v is SortValue => v !== undefined);
}

function parseSortKey(type: string, raw: string, strict: boolean): SortKey | undefined {
  const descending = raw.startsWith('-');
  const name = descending ? raw.slice(1) : raw;
  if (name === '_id') return { raw, descending, valuesOf: (r) => (r.id === undefined ? [] : [r.id]) };
  const def = SEARCH_PARAMS[type]?.[name];
  if (def === undefined || !isSortable(def)) {
    if (!strict) return undefined;
    const what = name === '' ? 'an empty sort key' : `parameter ${name}`;
    throw new FhirError(
      'invalid',
      `_sort: ${what} is not supported on ${type} (sortable: ${sortableParams(type).join(', ')})`,
    );
  }
  return { raw, descending, valuesOf: valuesFor(def) };
}

/**
 * One comparable value per key: a repeating element (several given names, a period) sorts by its lowest value
 * ascending and its highest descending, so the resource lands where its most extreme value would put it.
 */
function pick(values: SortValue[], descending: boolean): SortValue | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((best, v) => ((descending ? v > best : v < best) ? v : best));
}

function compare(a: SortValue | undefined, b: SortValue | undefined, descending: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return descending ? -order : order;
}

export interface Sorted {
  resources: fhir4.Resource[];
  /** The `_sort` value actually applied (for the self link), undefined when no key was. */
  applied: string | undefined;
}

/** The resources ordered by `_sort` (every occurrence of it, in order); unchanged without one. */
export function sortResources(type: string, list: fhir4.Resource[], sorts: readonly string[], strict: boolean): Sorted {
  const keys = sorts
    .flatMap((s) => s.split(','))
    .map((raw) => parseSortKey(type, raw.trim(), strict))
    .filter((k): k is SortKey => k !== undefined);
  if (keys.length === 0) return { resources: list, applied: undefined };
  const decorated = list.map((resource) => ({
    resource,
    values: keys.map((k) => pick(k.valuesOf(resource), k.descending)),
  }));
  decorated.sort((x, y) => {
    for (const [i, key] of keys.entries()) {
      const order = compare(x.values[i], y.values[i], key.descending);
      if (order !== 0) return order;
    }
    return 0;
  });
  return { resources: decorated.map((d) => d.resource), applied: keys.map((k) => k.raw).join(',') };
}
