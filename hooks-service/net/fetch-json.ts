/**
 * Outbound JSON GET with a time-out and a size cap, used for FHIR fallback fetches and JWKS downloads: a slow or
 * hostile server must not hold a hook call past its budget, fill memory, or nest JSON deep enough to overflow a walk.
 */
import { jsonNestsDeeperThan } from '@fhir/json-depth';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Why an outbound fetch failed; callers map it (FHIR → 412, JWKS → 401). Never carries the URL's query. */
export class FetchFailure extends Error {
  override readonly name = 'FetchFailure';
  constructor(
    readonly reason: 'timeout' | 'network' | 'status' | 'too-large' | 'too-deep' | 'not-json',
    readonly status?: number,
  ) {
    super(`fetch failed: ${reason}${status ? ` ${status}` : ''}`);
  }
}

export interface FetchJsonOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  /** An outer deadline (e.g. the whole hook call's FHIR budget), combined with the per-request time-out. */
  signal?: AbortSignal;
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new FetchFailure('too-large');
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchFailure('too-large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GETs a URL and parses JSON; `status` in the failure lets callers treat 404 as "no data". */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let res: Response;
  try {
    res = await options.fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...options.headers },
      signal,
      redirect: 'error',
    });
  } catch (e) {
    throw new FetchFailure(
      e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError') ? 'timeout' : 'network',
    );
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchFailure('status', res.status);
  }
  let text: string;
  try {
    text = await readCapped(res, options.maxBytes);
  } catch (e) {
    if (e instanceof FetchFailure) throw e;
    throw new FetchFailure(signal.aborted ? 'timeout' : 'network');
  }
  if (jsonNestsDeeperThan(text)) throw new FetchFailure('too-deep');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FetchFailure('not-json');
  }
}
