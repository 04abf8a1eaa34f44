/**
 * Graceful shutdown on SIGTERM (what an orchestrator sends before it kills a replica) and SIGINT: stop accepting
 * connections, let the calls in flight finish, flush and close the store, exit 0. Past the time limit the process
 * exits 1 rather than hang the rollout; a second signal exits at once.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface Closable {
  /** Stops accepting and resolves when in-flight requests have been answered (Fastify's `close`). */
  closeServer: () => Promise<void>;
  /** Writes what is buffered and releases the database. */
  closeStore: () => Promise<void>;
}

export function closeOnSignals(parts: Closable, log: FastifyBaseLogger, timeoutMs: number, exit: (code: number) => void): void {
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
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
