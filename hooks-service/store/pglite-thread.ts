/**
 * Embedded PGlite in a worker thread (docs/architecture.md, "Storage"). PGlite is Postgres compiled to WebAssembly
 * and runs synchronously on whichever thread owns it: on the service's event loop, every audit batch would stall
 * every hook call in flight behind it (p99 in seconds under load). Here the worker (pglite-worker.ts) owns it and
 * this side only posts statements. Same contract as pglite-driver.ts; the directory lock and the WAL fsync stay on
 * this side because they are plain file-system calls.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { lockDirectory } from './dir-lock.ts';
import { groupFlushes } from './group-flush.ts';
import { fsyncWal } from './pglite-driver.ts';
import type { SqlDriver, SqlExecutor } from './sql-driver.ts';

type Operation = { op: 'query'; text: string; params: unknown[] } | { op: 'exec'; text: string } | { op: 'close' };
export type WorkerRequest = Operation & { id: number };

/** `id` 0 answers the open. `error` carries what the store reads from a Postgres error: its class and SQLSTATE. */
export interface WorkerReply {
  id: number;
  rows?: unknown[];
  error?: { name: string; message: string; code?: string; severity?: string };
}

/** A statement the worker refused, rebuilt with the fields the guard and the callers read. */
class PgliteWorkerError extends Error {
  code?: string;
  severity?: string;
  constructor(wire: NonNullable<WorkerReply['error']>) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
    this.severity = wire.severity;
  }
}

/**
 * Built (dist-service/), the worker is the JavaScript file beside this bundle. From source (tests, the demo under
 * tsx), a worker thread does not inherit tsx's loader, so a small bootstrap registers it before importing the worker.
 */
function startWorker(dataDir: string): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir } });
  // require.resolve picks tsx's CommonJS build of the API; its ES module build is the .mjs file beside it.
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const worker = new URL('./pglite-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { dataDir } });
}

/** Opens (creating when absent) a PGlite database in `dataDir`, owned by a worker thread. */
export async function createThreadedPgliteDriver(dataDir: string): Promise<SqlDriver> {
  const unlock = await lockDirectory(dataDir);
  const worker = startWorker(dataDir);
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let dead: Error | undefined;

  const fail = (error: Error) => {
    dead ??= error;
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };
  worker.on('message', (reply: WorkerReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) p?.reject(new PgliteWorkerError(reply.error));
    else p?.resolve(reply);
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the PGlite worker exited (code ${code})`)));

  const opened = new Promise<WorkerReply>((resolve, reject) => pending.set(0, { resolve, reject }));
  const send = (request: Operation): Promise<WorkerReply> =>
    new Promise((resolve, reject) => {
      if (dead) return reject(dead);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });

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
    await opened;
  } catch (error) {
    await worker.terminate();
    unlock();
    throw error;
  }
  return {
    name: 'pglite',
    ...queued,
    transaction: (fn) =>
      exclusive(async () => {
        await direct.exec('BEGIN');
        try {
          const result = await fn(direct);
          await direct.exec('COMMIT');
          return result;
        } catch (error) {
          await direct.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    // One session already: a session-level advisory lock holds across the queued statements.
    withSession: (fn) => fn(queued),
    flush: groupFlushes(() => fsyncWal(dataDir)),
    close: async () => {
      await exclusive(() => send({ op: 'close' })).catch(() => undefined);
      await worker.terminate();
      unlock();
    },
  };
}
