/**
 * Embedded PGlite in a worker thread (docs/architecture.md, "Storage"). PGlite is Postgres compiled to WebAssembly
 * and runs synchronously on whichever thread owns it: on the service's event loop, every audit batch would stall
 * every hook call in flight behind it (p99 in seconds under load). Here the worker (pglite-worker.ts) owns it and
 * this side only posts statements. Same contract as pglite-driver.ts; the directory lock and the WAL fsync stay on
 * this side because they are plain file-system calls.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker, superviseWorker, type Reply } from '../workers/worker-link.ts';
import { lockDirectory } from './dir-lock.ts';
import { groupFlushes } from './group-flush.ts';
import { fsyncWal } from './pglite-driver.ts';
import { inTransaction, type SqlDriver, type SqlExecutor } from './sql-driver.ts';

type Operation = { op: 'query'; text: string; params: unknown[] } | { op: 'exec'; text: string } | { op: 'close' };
export type WorkerRequest = Operation & { id: number };

/** What the store reads from a Postgres error: its class and SQLSTATE. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  severity?: string;
}

/** `id` 0 answers the open. */
export interface WorkerReply extends Reply<WireError> {
  rows?: unknown[];
}

/** A statement the worker refused, rebuilt with the fields the guard and the callers read. */
class PgliteWorkerError extends Error {
  code?: string;
  severity?: string;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
    this.severity = wire.severity;
  }
}

/** The worker that owns PGlite (pglite-worker.ts beside this module). */
export function startWorker(dataDir: string): Worker {
  return startModuleWorker(import.meta.url, 'pglite-worker', { dataDir });
}

export interface ThreadedPgliteOptions {
  /** Starts the worker (tests wrap it to reach the Worker). */
  startWorker?: (dataDir: string) => Worker;
  /** First wait before a dead worker is started again, doubled on each failed start up to 30 s (default 1 s). */
  respawnMs?: number;
}

/**
 * Opens (creating when absent) a PGlite database in `dataDir`, owned by a worker thread. A worker that dies (a
 * WebAssembly abort, out of memory) fails the calls in flight and every call until a new one has opened the same
 * directory, which Postgres recovers from its WAL: the service heals without a restart.
 */
export async function createThreadedPgliteDriver(
  dataDir: string,
  options: ThreadedPgliteOptions = {},
): Promise<SqlDriver> {
  const start = options.startWorker ?? startWorker;
  const unlock = await lockDirectory(dataDir);
  const worker = superviseWorker<Operation, WireError, WorkerReply>(() => start(dataDir), {
    name: 'PGlite worker',
    toError: (wire) => new PgliteWorkerError(wire),
    respawnMs: options.respawnMs ?? 1_000,
  });
  const send = (request: Operation) => worker.current().send(request);

  // PGlite is one session: a statement posted while a transaction is open would run inside it. So every call takes
  // its turn here, and a transaction keeps the turn from BEGIN to COMMIT.
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = turn.then(fn);
    turn = result.catch(() => undefined);
    return result;
  };
  const direct: SqlExecutor = {
    query: async <R>(text: string, params: readonly unknown[] = []) =>
      (await send({ op: 'query', text, params: [...params] })).rows as R[],
    exec: async (text: string) => void (await send({ op: 'exec', text })),
  };
  const queued: SqlExecutor = {
    query: (text, params) => exclusive(() => direct.query(text, params)),
    exec: (text) => exclusive(() => direct.exec(text)),
  };

  try {
    await worker.started;
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    name: 'pglite',
    ...queued,
    transaction: (fn) => exclusive(() => inTransaction(direct, fn)),
    // One session already: a session-level advisory lock holds across the queued statements.
    withSession: (fn) => fn(queued),
    flush: groupFlushes(() => fsyncWal(dataDir)),
    close: async () => {
      await exclusive(() => send({ op: 'close' })).catch(() => undefined);
      await worker.close();
      unlock();
    },
  };
}
