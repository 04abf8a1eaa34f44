/** Search over the in-memory repository with Bundle `searchset` paging (FHIR R4 §3.1.1 RESTful search). */
import { FhirError } from './errors';
import { isDateQuery, matches } from './match';
import type { ScopeRestrictions } from '../auth/scopes';
import type { MemoryRepository } from './repository';
import { SEARCH_PARAMS, type ParamDef } from './search-params';
import { sortResources } from './sort';

export interface SearchRequest {
  type: string;
  /** Query parameters in order; repeated names are ANDed. */
  params: readonly [string, string][];
  /** Absolute FHIR base URL, for fullUrl and paging links. */
  base: string;
  /** When set (patient-scoped token), results are limited to this patient's compartment. */
  compartment?: string;
  /** `Prefer: handling=strict` (FHIR R4 §3.1.1.4): unknown or unsupported parameters are an error, not ignored. */
  strict?: boolean;
  /** Granular SMART v2 scopes: only resources matching one of these parameter lists are visible. */
  restrictions?: ScopeRestrictions;
}

const DEFAULT_COUNT = 100;
const MAX_COUNT = 1000;
// Parameters that shape the result rather than filter it; the unlisted ones among them are accepted and ignored.
const CONTROL = new Set([
  '_count',
  '_offset',
  '_sort',
  '_summary',
  '_include',
  '_revinclude',
  '_elements',
  '_format',
  '_total',
  '_pretty',
]);
// The control parameters this server honours, and so echoes in the self link (FHIR R4 §3.1.1.4: the self link
// shows the parameters the server actually used, which tells a client which ones it ignored).
const HONOURED = new Set(['_sort', '_summary']);
// `_sort` is echoed as applied (sort.ts), not as asked.
const ECHOED = new Set(['_summary']);
const IGNORABLE = new Set(['_format', '_pretty']);

interface Filter {
  name: string;
  def: ParamDef;
  value: string;
}

function parseFilters(type: string, params: SearchRequest['params'], strict: boolean): Filter[] {
  const defs = SEARCH_PARAMS[type] ?? {};
  const filters: Filter[] = [];
  for (const [raw, value] of params) {
    if (CONTROL.has(raw)) {
      if (strict && !HONOURED.has(raw) && !IGNORABLE.has(raw) && raw !== '_count' && raw !== '_offset') {
        throw new FhirError('invalid', `parameter ${raw} is not supported`);
      }
      continue;
    }
    const [name = '', modifier] = raw.split(':');
    const def = defs[name];
    // FHIR lets servers ignore unknown parameters (§3.1.1.4) unless the client prefers strict handling;
    // modifiers we cannot honour would widen results, so they are always refused.
    if (!def) {
      if (strict) throw new FhirError('invalid', `parameter ${raw} is not supported on ${type}`);
      continue;
    }
    if (modifier !== undefined && !(def.kind === 'reference' && modifier === 'Patient')) {
      throw new FhirError('invalid', `modifier :${modifier} is not supported on ${name}`);
    }
    if (def.kind === 'date' && !value.split(',').every(isDateQuery))
      throw new FhirError('invalid', `bad date for ${name}`);
    filters.push({ name, def, value });
  }
  return filters;
}

function patientOf(filters: Filter[], compartment: string | undefined): string | undefined {
  const asked = filters.find((f) => f.def.kind === 'reference');
  const askedId = asked && !asked.value.includes(',') ? asked.value.split('/').pop() : undefined;
  if (compartment !== undefined && askedId !== undefined && askedId !== compartment) {
    throw new FhirError('forbidden', 'the access token does not cover this patient');
  }
  return compartment ?? askedId;
}

function intParam(params: SearchRequest['params'], name: string, fallback: number): number {
  const raw = params.find(([k]) => k === name)?.[1];
  const n = raw === undefined ? fallback : Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) throw new FhirError('invalid', `bad ${name}`);
  return n;
}

function pageUrl(
  req: SearchRequest,
  used: readonly Filter[],
  sort: string | undefined,
  count: number,
  offset: number,
): string {
  const filters = new Set(used.map((f) => `${f.name}=${f.value}`));
  const kept = req.params.filter(([k, v]) => ECHOED.has(k) || filters.has(`${k.split(':')[0] ?? ''}=${v}`));
  const sorting: [string, string][] = sort === undefined ? [] : [['_sort', sort]];
  const query = new URLSearchParams([...sorting, ...kept, ['_count', String(count)], ['_offset', String(offset)]]);
  return `${req.base}/${req.type}?${query.toString()}`;
}

/**
 * Whether a resource falls inside granular scopes. A scope parameter this server cannot evaluate matches
 * nothing: an unsupported restriction must narrow access, never widen it.
 */
export function withinScopes(
  type: string,
  resource: fhir4.Resource,
  restrictions: ScopeRestrictions | undefined,
): boolean {
  if (restrictions === undefined) return true;
  const defs = SEARCH_PARAMS[type] ?? {};
  return restrictions.some((params) =>
    params.every(([name, value]) => {
      const def = defs[name];
      return def !== undefined && matches(resource, def, value);
    }),
  );
}

/** Runs a search and returns one page as a `searchset` Bundle with `self`, `next` and `previous` links. */
export function search(repo: MemoryRepository, req: SearchRequest): fhir4.Bundle {
  if (!SEARCH_PARAMS[req.type]) throw new FhirError('not-supported', `${req.type} is not supported`);
  const filters = parseFilters(req.type, req.params, req.strict === true);
  const candidates = repo.list(req.type, patientOf(filters, req.compartment));
  const found = candidates.filter(
    (r) => withinScopes(req.type, r, req.restrictions) && filters.every((f) => matches(r, f.def, f.value)),
  );
  const sorts = req.params.filter(([k]) => k === '_sort').map(([, v]) => v);
  const { resources: sorted, applied } = sortResources(req.type, found, sorts, req.strict === true);
  const count = Math.min(intParam(req.params, '_count', DEFAULT_COUNT), MAX_COUNT);
  const offset = intParam(req.params, '_offset', 0);
  const summaryCount = req.params.some(([k, v]) => k === '_summary' && v === 'count');
  const page = summaryCount ? [] : sorted.slice(offset, offset + count);
  const url = (at: number): string => pageUrl(req, filters, applied, count, at);
  const link: fhir4.BundleLink[] = [{ relation: 'self', url: url(offset) }];
  // `_count=0` asks for the total only: no next link, or a client following links would loop forever.
  const paging = !summaryCount && count > 0;
  if (paging && offset + count < sorted.length) link.push({ relation: 'next', url: url(offset + count) });
  if (paging && offset > 0) link.push({ relation: 'previous', url: url(Math.max(0, offset - count)) });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: sorted.length,
    link,
    // FHIR JSON arrays are never empty (§2.6.2), so an empty page has no `entry`.
    ...(page.length > 0 && {
      entry: page.map((resource) => ({
        fullUrl: `${req.base}/${resource.resourceType}/${resource.id}`,
        resource,
        search: { mode: 'match' as const },
      })),
    }),
  };
}
