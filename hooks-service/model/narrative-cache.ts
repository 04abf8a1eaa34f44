/**
 * Result cache for model reasoning (issue 5): keyed by patient + data hash, short TTL, bounded size (least
 * recently used evicted). It holds in-flight calls too, so the app and later hooks join a call started at
 * patient-view instead of starting another. Process memory only: it is an optimization, not state.
 */
import { createHash } from 'node:crypto';
import type { Narrative } from '@model/types';

interface Entry {
  promise: Promise<Narrative>;
  value?: Narrative;
  expiresAt: number;
}

export class NarrativeCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number; now?: () => number }) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Live entry for a key (refreshing its recency), or undefined. */
  get(key: string): { promise: Promise<Narrative>; value?: Narrative } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores an in-flight call; when it settles, `keep(value)` decides whether the result stays cached. */
  put(key: string, promise: Promise<Narrative>, keep: (r: Narrative) => boolean): void {
    const entry: Entry = { promise, expiresAt: this.now() + this.options.ttlMs };
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict();
    void promise.then((value) => {
      if (this.entries.get(key) !== entry) return;
      if (!keep(value)) {
        this.entries.delete(key);
        return;
      }
      entry.value = value;
      entry.expiresAt = this.now() + this.options.ttlMs;
    });
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}

/** Cache key: the patient's logical id and a SHA-256 of the exact payload the model would see. */
export function reasoningCacheKey(patientId: string, modelName: string, payload: unknown): string {
  const hash = createHash('sha256').update(modelName).update('\n').update(JSON.stringify(payload)).digest('hex');
  return `${patientId}:${hash}`;
}
