/**
 * Replay protection that survives a store outage. The shared jti table (every replica's) is the authority; while it
 * cannot be reached, this replica remembers the jtis it accepted itself, so hook calls still get their cards and a
 * token replayed to this replica is still refused. A jti accepted during the outage stays in the local memory until
 * it expires, so a replay after the store comes back is refused too. Left open during an outage: a replay to a
 * different replica (logged at warn on every such call, so the gap is visible).
 */
import type { FastifyBaseLogger } from 'fastify';

export type RememberJti = (key: string, expiresAt: Date) => Promise<boolean>;

export function rememberJtiWithFallback(shared: RememberJti, log: FastifyBaseLogger, now: () => number): RememberJti {
  const local = new Map<string, number>();
  let sweptAt = 0;
  const seenLocally = (key: string): boolean => {
    const t = now();
    // At most one sweep a second: during a long outage the map holds every jti accepted within a token lifetime.
    if (local.size > 0 && t - sweptAt >= 1_000) {
      for (const [k, exp] of local) if (exp <= t) local.delete(k);
      sweptAt = t;
    }
    return (local.get(key) ?? 0) > t;
  };
  return async (key, expiresAt) => {
    const replayedHere = seenLocally(key);
    try {
      return (await shared(key, expiresAt)) && !replayedHere;
    } catch {
      log.warn('jti store unavailable; replay check is local to this replica until it returns');
      if (replayedHere) return false;
      local.set(key, expiresAt.getTime());
      return true;
    }
  };
}
