/**
 * This process's memory of JWT ids, checked before any database write (issue 17): a replay reaching the same
 * replica is refused at once. The shared jti_seen table stays the authority across replicas. The same memory
 * keeps the jtis accepted while that table cannot be reached (auth/jti-fallback.ts).
 */

/** Expired entries are dropped at most this often, in one pass, instead of scanning on every call. */
const SWEEP_EVERY_MS = 30_000;

export class SeenJtis {
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  /** Records `key` until `expiresAtMs`; false when it is already held and not expired (a replay). */
  claim(key: string, expiresAtMs: number, nowMs: number): boolean {
    if (this.holds(key, nowMs)) return false;
    this.expiries.set(key, expiresAtMs);
    return true;
  }

  /** True when `key` is held and not yet expired at `nowMs`; records nothing. */
  holds(key: string, nowMs: number): boolean {
    if (nowMs >= this.nextSweep) this.sweep(nowMs);
    return (this.expiries.get(key) ?? 0) > nowMs;
  }

  /** Forgets `key` (its write failed, so the token was never accepted). */
  release(key: string): void {
    this.expiries.delete(key);
  }

  get size(): number {
    return this.expiries.size;
  }

  private sweep(nowMs: number): void {
    for (const [key, expiry] of this.expiries) if (expiry <= nowMs) this.expiries.delete(key);
    this.nextSweep = nowMs + SWEEP_EVERY_MS;
  }
}
