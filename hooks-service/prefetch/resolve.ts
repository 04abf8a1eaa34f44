/**
 * Gathers the chart for one hook call from prefetch, falling back to the FHIR server (CDS Hooks 2.0 §Prefetch):
 * - a key with a resource: used as sent (urn:uuid references resolved; a searchset's `next` pages followed when
 *   we may call the server);
 * - a key sent as `null`: "the CDS Client has no data to populate" it — no data, nothing to fetch;
 * - a key left out, or holding an error OperationOutcome: the client chose not to or could not prefetch it, so we
 *   fetch it ourselves with `fhirServer` + `fhirAuthorization`, only from an allowed server;
 * - a required key neither sent nor fetchable → 412 ("SHALL respond with an HTTP 412 Precondition Failed").
 */
import { flattenBundle } from '@fhir/bundle';
import { nextPageUrl } from '@fhir/paging';
import { patientIdOf } from '@fhir/references';
import { AppError } from '../errors';
import type { HookRequest } from '@cds-hooks/schemas/request';
import { isAllowedFhirServer } from '../net/access';
import { FhirUnavailable, type FhirClient } from './fhir-client';
import { reportsPrefetchError } from './outcome';
import { fillTemplate } from './templates';
import { OPTIONAL_PREFETCH_KEYS } from '@reasoning/chart-queries';
import { parseScopes, type Interaction, type ScopeGrants } from '@fhir/smart-scopes';

/** Keys whose absence does not stop the call: not every EHR's FHIR API offers MedicationStatement, the MAR or dispenses. */
export const OPTIONAL_KEYS: ReadonlySet<string> = OPTIONAL_PREFETCH_KEYS;

export interface GatherArgs {
  prefetch: Readonly<Record<string, string>>;
  request: HookRequest;
  /** context.patientId: resources of any other patient are dropped (never reason on a mixed chart). */
  patientId: string;
  /** The verified JWT issuer, when auth is on (its own FHIR origin is allowed). */
  issuer?: string;
  allowlist: readonly string[];
  fhir: FhirClient;
  /** Budget for all FHIR fetches of this call together (ms). */
  budgetMs: number;
}

export interface Chart {
  resources: fhir4.Resource[];
  /** Log-safe account of where each key came from. */
  keys: { prefetched: string[]; empty: string[]; fetched: string[]; unavailable: string[] };
  /** Resources dropped because they belong to another patient. */
  foreign: number;
}

/** Splits off resources about another patient than `patientId`: never reason on a mixed chart, whoever sent it. */
export function ownResources(
  resources: readonly fhir4.Resource[],
  patientId: string,
): { own: fhir4.Resource[]; foreign: number } {
  const own = resources.filter((r) => {
    const p = patientIdOf(r);
    return p === undefined || p === patientId;
  });
  return { own, foreign: resources.length - own.length };
}

type Access = { fhirServer: string; accessToken: string; signal: AbortSignal; grants: ScopeGrants } | undefined;

function serverAccess(args: GatherArgs): Access {
  const { fhirServer, fhirAuthorization } = args.request;
  if (!fhirServer || !fhirAuthorization) return undefined;
  if (!isAllowedFhirServer(fhirServer, args.allowlist, args.issuer)) return undefined;
  return {
    fhirServer,
    accessToken: fhirAuthorization.access_token,
    signal: AbortSignal.timeout(args.budgetMs),
    grants: parseScopes(fhirAuthorization.scope),
  };
}

/** Resources of a prefetched value; undefined when it is a first page whose other pages we cannot get. */
async function fromPrefetch(
  value: fhir4.Resource,
  access: Access,
  fhir: FhirClient,
): Promise<fhir4.Resource[] | undefined> {
  if (value.resourceType !== 'Bundle')
    return flattenBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: value }] });
  const bundle = value as fhir4.Bundle;
  if (!nextPageUrl(bundle)) return flattenBundle(bundle);
  // A partial searchset is partial data: reasoning on it could miss the one interacting drug.
  if (!access) return undefined;
  try {
    return await fhir.allPages(bundle, access.fhirServer, access.accessToken, access.signal);
  } catch (e) {
    if (e instanceof FhirUnavailable) return undefined;
    throw e;
  }
}

/** The resource type and interaction a query needs, e.g. "Observation search" (SMART scopes name both). */
function needOf(query: string): { type: string; interaction: Interaction } {
  return { type: /^[A-Za-z]+/.exec(query)?.[0] ?? '', interaction: query.includes('?') ? 'search' : 'read' };
}

/** Resources for a key, undefined when unavailable, or the need its token's scope does not cover. */
async function fetchKey(
  template: string,
  args: GatherArgs,
  access: Access,
): Promise<fhir4.Resource[] | undefined | { outOfScope: string }> {
  const query = fillTemplate(template, args.request.context);
  if (!access || query === undefined) return undefined;
  // Not asking is faster than a 403 and lets the 412 say which scope is missing (SMART 1 or 2 scopes both count).
  const need = needOf(query);
  if (!access.grants.allows(need.type, need.interaction)) return { outOfScope: `${need.type} ${need.interaction}` };
  const { grants: _grants, ...call } = access;
  try {
    return await args.fhir.run({ ...call, query });
  } catch (e) {
    if (e instanceof FhirUnavailable) return undefined;
    throw e;
  }
}

/** Same resource under two keys (e.g. a read and a search) counts once. */
function dedupe(resources: fhir4.Resource[]): fhir4.Resource[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = r.id ? `${r.resourceType}/${r.id}` : undefined;
    if (!key) return true;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The chart for the call, or AppError DATA_UNAVAILABLE naming the keys that could not be obtained. */
export async function gatherChart(args: GatherArgs): Promise<Chart> {
  const access = serverAccess(args);
  const sent = args.request.prefetch ?? {};
  const keys: Chart['keys'] = { prefetched: [], empty: [], fetched: [], unavailable: [] };
  const outOfScope: string[] = [];
  const parts = await Promise.all(
    Object.entries(args.prefetch).map(async ([key, template]) => {
      const given = Object.hasOwn(sent, key) ? sent[key] : undefined;
      if (given === null) return (keys.empty.push(key), []);
      // An error outcome in place of data counts as a key the client could not satisfy: fetch it, else 412.
      const value = reportsPrefetchError(given) ? undefined : given;
      const got =
        value !== undefined
          ? await fromPrefetch(value as fhir4.Resource, access, args.fhir)
          : await fetchKey(template, args, access);
      const fetched = Array.isArray(got) ? got : undefined;
      if (got && !Array.isArray(got) && !OPTIONAL_KEYS.has(key)) outOfScope.push(got.outOfScope);
      if (fetched && value !== undefined) return (keys.prefetched.push(key), fetched);
      if (fetched) return (keys.fetched.push(key), fetched);
      keys.unavailable.push(key);
      return [];
    }),
  );
  const missing = keys.unavailable.filter((k) => !OPTIONAL_KEYS.has(k)).sort();
  if (missing.length > 0) {
    const scope = outOfScope.length > 0 ? `; fhirAuthorization.scope grants no ${outOfScope.sort().join(', ')}` : '';
    throw new AppError(
      'DATA_UNAVAILABLE',
      `prefetch ${missing.join(', ')} missing and not retrievable from an allowed fhirServer with fhirAuthorization${scope}`,
    );
  }
  const { own, foreign } = ownResources(dedupe(parts.flat()), args.patientId);
  return { resources: own, keys, foreign };
}
