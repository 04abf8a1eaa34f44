/**
 * FHIR reads and searches for prefetch keys the client did not send (CDS Hooks 2.0 §FHIR Resource Access): the
 * client's bearer token, a time-out per request, paging through `next` links up to a cap, and every URL kept under
 * the FHIR base so the token never travels elsewhere.
 */
import { flattenBundle } from '@fhir/bundle';
import { collectPages } from '@fhir/paging';
import { fetchJson, FetchFailure, type FetchLike } from '../net/fetch-json';
import { PrefetchValue } from '@cds-hooks/schemas/request';
import { compile } from '@cds-hooks/validate';
import { isUnderBase } from '../net/access';
import { reportsPrefetchError } from './outcome';

export interface FhirClientOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxPages: number;
  /** Largest response body accepted per page. */
  maxBytes: number;
}

export interface FhirQuery {
  fhirServer: string;
  accessToken: string;
  /** Relative query, e.g. "Condition?patient=123" or "Patient/123". */
  query: string;
  /** Deadline of the whole call. */
  signal?: AbortSignal;
}

/** A FHIR call could not produce the data (maps to 412); `reason` is log-safe, `status` the server's HTTP status. */
export class FhirUnavailable extends Error {
  override readonly name = 'FhirUnavailable';
  constructor(
    readonly reason: string,
    readonly status?: number,
  ) {
    super(`FHIR data unavailable: ${reason}`);
  }

  /** The server refused the access token (401) or its scope (403). */
  get refusedToken(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

// The same shape check as a prefetched value: a server's answer is input too, and a malformed one is "data
// unavailable" (412), never a crash.
const checkAnswer = compile(PrefetchValue, 'FHIR answer');

const isResource = (x: unknown): x is fhir4.Resource => x !== null && checkAnswer(x);

const isBundle = (x: unknown): x is fhir4.Bundle => isResource(x) && x.resourceType === 'Bundle';

/** The answer as data, or FhirUnavailable when it is malformed or reports an error (CDS Hooks §Prefetch: check for OperationOutcomes). */
function usable(body: unknown): unknown {
  if (body !== null && typeof body === 'object' && 'resourceType' in body && !isResource(body))
    throw new FhirUnavailable('a malformed FHIR answer');
  if (reportsPrefetchError(body)) throw new FhirUnavailable('the server answered an error OperationOutcome');
  return body;
}

export function createFhirClient(options: FhirClientOptions) {
  const get = async (url: string, accessToken: string, base: string, signal?: AbortSignal): Promise<unknown> => {
    if (!isUnderBase(url, base)) throw new FhirUnavailable('a link left the FHIR base');
    try {
      return await fetchJson(url, {
        ...options,
        ...(signal && { signal }),
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/fhir+json' },
      });
    } catch (e) {
      if (e instanceof FetchFailure)
        throw new FhirUnavailable(e.status ? `${e.reason} ${e.status}` : e.reason, e.status);
      throw e;
    }
  };

  /** Resources of a bundle, following its `next` links under `base` with the token (up to the page cap). */
  const allPages = (
    bundle: fhir4.Bundle,
    base: string,
    accessToken: string,
    signal?: AbortSignal,
  ): Promise<fhir4.Resource[]> =>
    collectPages(
      bundle,
      async (url) => {
        const page = usable(await get(url, accessToken, base, signal));
        if (!isBundle(page)) throw new FhirUnavailable('a page was not a Bundle');
        return page;
      },
      options.maxPages,
    );

  /** Runs one query: a read gives [resource] ([] when 404: no such data), a search gives every page's resources. */
  const run = async ({ fhirServer, accessToken, query, signal }: FhirQuery): Promise<fhir4.Resource[]> => {
    const base = fhirServer.replace(/\/+$/, '');
    const url = `${base}/${query.replace(/^\/+/, '')}`;
    const isRead = !query.includes('?');
    let body: unknown;
    try {
      body = await get(url, accessToken, base, signal);
    } catch (e) {
      if (isRead && e instanceof FhirUnavailable && e.status === 404) return [];
      throw e;
    }
    body = usable(body);
    if (isBundle(body)) return allPages(body, base, accessToken, signal);
    if (isResource(body))
      return flattenBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: body }] });
    throw new FhirUnavailable('the answer was not a FHIR resource');
  };

  return { run, allPages };
}

export type FhirClient = ReturnType<typeof createFhirClient>;
