/**
 * A store call that fails (database down, connection reset, pool exhausted) becomes a 503 the client can act on:
 * feedback is refused as "not stored, retry later" — never a bare 500, never claimed stored. The cause is logged as
 * its class and driver code only (driver messages can quote the statement and its values).
 */
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../errors.ts';

/** What the client is told when this store operation could not be done. */
const NOT_DONE: Readonly<Record<string, string>> = {
  saveFeedback: 'feedback was not stored: the service store is unavailable; retry later',
  ruleForCard: 'feedback was not stored: the service store is unavailable; retry later',
  analytics: 'analytics cannot be read: the service store is unavailable; retry later',
};

// isReady answers false instead of throwing; close is the shutdown path, whose errors are its own.
const UNGUARDED = new Set<PropertyKey>(['isReady', 'close']);

const causeOf = (e: unknown) => ({
  errorClass: e instanceof Error ? e.name : typeof e,
  ...(typeof (e as { code?: unknown } | null)?.code === 'string' && { errorCode: (e as { code: string }).code }),
});

/** The same store, its failing calls rethrown as AppError UNAVAILABLE (503) and logged without content. */
export function guardStore<S extends object>(store: S, log: FastifyBaseLogger): S {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || UNGUARDED.has(prop)) return value;
      const op = String(prop);
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (e) {
          if (e instanceof AppError) throw e;
          log.error({ storeOp: op, ...causeOf(e) }, 'store call failed');
          throw new AppError(
            'UNAVAILABLE',
            NOT_DONE[op] ?? 'the service store is unavailable; nothing was stored, retry later',
          );
        }
      };
    },
  });
}
