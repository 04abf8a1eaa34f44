/**
 * Replay protection that survives a store outage. The shared jti table (every replica's) is the authority; while it
 * cannot be reached, this replica remembers the jtis it accepted itself, so hook calls still get their cards and a
 * token replayed to this replica is still refused. A jti accepted during the outage stays in the local memory until
 * it expires, so a replay after the store comes back is refused too. Left open during an outage: a replay to a
 * different replica (logged at warn on every such call, so the gap is visible).
 */
import type { FastifyBaseLogger } from 'fastify';
import { SeenJtis } from '../store/seen-jtis';

export type RememberJti = (key: string, expiresAt: Date) => Promise<boolean>;

export function rememberJtiWithFallback(shared: RememberJti, log: FastifyBaseLogger, now: () => number): RememberJti {
  // The process's one expiring-key memory; it sweeps expired jtis itself.
  const local = new SeenJtis();
  return async (key, expiresAt) => {
    const replayedHere = local.holds(key, now());
    try {
      return (await shared(key, expiresAt)) && !replayedHere;
    } catch {
      log.warn('jti store unavailable; replay check is local to this replica until it returns');
      return local.claim(key, expiresAt.getTime(), now());
    }
  };
}
