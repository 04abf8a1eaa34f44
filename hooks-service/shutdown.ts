/**
 * Graceful shutdown on SIGTERM (what an orchestrator sends before it kills a replica) and SIGINT: stop accepting
 * connections, let the calls in flight finish, flush and close the store, exit 0. Past the time limit the process
 * exits 1 rather than hang the rollout; a second signal exits at once.
 */
import type { EventEmitter } from 'node:events';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

export interface Closable {
  /** Stops accepting and resolves when in-flight requests have been answered (Fastify's `close`). */
  closeServer: () => Promise<void>;
  /** Writes what is buffered and releases the database. */
  closeStore: () => Promise<void>;
}

/**
 * Lets `app.close()` end once the calls in flight are answered. Node closes idle keep-alive connections once, when
 * close begins; a connection busy then stays open after its answer until the client drops it, and close waits for
 * it (up to the keep-alive timeout). So every answer sent while closing says `Connection: close` (RFC 9112 §9.6),
 * and Node ends its connection after it. Call before registering routes.
 */
export function endKeepAliveOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

/** Handles SIGTERM and SIGINT on `signals` (the process; tests pass an emitter). */
export function closeOnSignals(
  parts: Closable,
  log: FastifyBaseLogger,
  timeoutMs: number,
  exit: (code: number) => void,
  signals: Pick<EventEmitter, 'on'> = process,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn({ signal }, 'second signal during shutdown: exiting now');
      exit(1);
      return;
    }
    closing = true;
    log.info({ signal, timeoutMs }, 'shutting down: no new connections, finishing calls in flight');
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown took too long: exiting with calls or store writes unfinished');
      exit(1);
    }, timeoutMs);
    timer.unref();
    void (async () => {
      try {
        await parts.closeServer();
        await parts.closeStore();
        log.info('shutdown complete');
        exit(0);
      } catch (error) {
        log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'shutdown failed');
        exit(1);
      }
    })();
  };
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
}
