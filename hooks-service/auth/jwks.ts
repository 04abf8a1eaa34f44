/**
 * JWK Sets of trusted CDS Clients (spec §Trusting CDS Clients: "The kid value … allows a CDS Service to identify
 * the correct JWK"). Fetched lazily with a time-out and a size cap, cached until expiry, re-fetched when an unknown
 * `kid` appears (key rotation) but at most once per interval per URL, so forged kids cannot make us hammer the issuer.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { fetchJson, FetchFailure, type FetchLike } from '../net/fetch-json';

export interface JwksCacheOptions {
  fetch: FetchLike;
  now: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  ttlMs?: number;
  /** Least time between two downloads of one URL caused by unknown kids. */
  refetchIntervalMs?: number;
}

interface Entry {
  keys: Map<string, KeyObject>;
  fetchedAt: number;
  /** Why the last download gave no usable keys ("timeout", "status 500", …); undefined after a good download. */
  failure?: string;
}

function toKeys(body: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const list = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return keys;
  for (const jwk of list as unknown[]) {
    if (typeof jwk !== 'object' || jwk === null) continue;
    const { kid, kty, d } = jwk as { kid?: unknown; kty?: unknown; d?: unknown };
    // Only public asymmetric keys: an `oct` (shared secret) or private key has no place in a client's JWKS.
    if (typeof kid !== 'string' || (kty !== 'RSA' && kty !== 'EC') || d !== undefined) continue;
    try {
      keys.set(kid, createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }));
    } catch {
      // A malformed key is skipped; the others in the set stay usable.
    }
  }
  return keys;
}

export class JwksCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry | undefined>>();

  constructor(private readonly options: JwksCacheOptions) {}

  /** The public key for `kid` in the set at `url`, or undefined (unknown kid, unreachable or invalid set). */
  async key(url: string, kid: string): Promise<KeyObject | undefined> {
    const now = this.options.now();
    const entry = this.entries.get(url);
    const fresh = entry !== undefined && now - entry.fetchedAt < (this.options.ttlMs ?? 10 * 60_000);
    if (fresh && entry.keys.has(kid)) return entry.keys.get(kid);
    if (entry && now - entry.fetchedAt < (this.options.refetchIntervalMs ?? 30_000)) return undefined;
    const next = await this.download(url);
    return next?.keys.get(kid);
  }

  /**
   * Why the set at `url` could not be used, when its last download failed or held no usable key; undefined when
   * it downloaded fine (then a missing key means an unknown `kid`). Log-safe: a cause, never token content.
   */
  failure(url: string): string | undefined {
    return this.entries.get(url)?.failure;
  }

  private download(url: string): Promise<Entry | undefined> {
    const running = this.inflight.get(url);
    if (running) return running;
    const started = this.options.now();
    const job = fetchJson(url, {
      fetch: this.options.fetch,
      timeoutMs: this.options.timeoutMs ?? 3000,
      maxBytes: this.options.maxBytes ?? 64 * 1024,
    })
      .then((body) => {
        const keys = toKeys(body);
        const entry: Entry = {
          keys,
          fetchedAt: started,
          ...(keys.size === 0 && { failure: 'no usable public key in the set' }),
        };
        this.entries.set(url, entry);
        return entry;
      })
      .catch((e: unknown) => {
        if (!(e instanceof FetchFailure)) throw e;
        // Remember the failure time too, so a dead JWKS URL is not retried on every request.
        const failure = e.status ? `${e.reason} ${e.status}` : e.reason;
        this.entries.set(url, {
          keys: this.entries.get(url)?.keys ?? new Map<string, KeyObject>(),
          fetchedAt: started,
          failure,
        });
        return undefined;
      })
      .finally(() => this.inflight.delete(url));
    this.inflight.set(url, job);
    return job;
  }
}
