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
import { inTransaction, type SqlDriver, type SqlExecutor } from './sql-driver.ts';

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
export function startWorker(dataDir: string): Worker {
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

/** One worker and its calls in flight; `onLost` runs once if the worker dies. */
interface WorkerLink {
  /** Resolves once PGlite is open in the worker; rejects with the reason it could not open. */
  opened: Promise<unknown>;
  send(request: Operation): Promise<WorkerReply>;
  terminate(): Promise<unknown>;
}

function linkWorker(worker: Worker, onLost: () => void): WorkerLink {
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let lost: Error | undefined;
  const fail = (error: Error) => {
    if (lost) return;
    lost = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    onLost();
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
  return {
    opened,
    send: (request) =>
      new Promise((resolve, reject) => {
        if (lost) return reject(lost);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      }),
    terminate: () => worker.terminate(),
  };
}

export interface ThreadedPgliteOptions {
  /** Starts the worker (tests wrap it to reach the Worker). */
  startWorker?: (dataDir: string) => Worker;
  /** First wait before a dead worker is started again, doubled on each failed start up to 30 s (default 1 s). */
  respawnMs?: number;
}

const MAX_RESPAWN_MS = 30_000;

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
  const firstRespawnMs = options.respawnMs ?? 1_000;
  const unlock = await lockDirectory(dataDir);
  let closing = false;
  let respawnMs = firstRespawnMs;
  let timer: NodeJS.Timeout | undefined;
  const respawnLater = () => {
    if (closing) return;
    timer = setTimeout(() => {
      const next = linkWorker(start(dataDir), respawnLater);
      next.opened.then(
        () => {
          current = next;
          respawnMs = firstRespawnMs;
        },
        () => {
          respawnMs = Math.min(respawnMs * 2, MAX_RESPAWN_MS);
          void next.terminate();
        },
      );
    }, respawnMs);
  };
  let current = linkWorker(start(dataDir), respawnLater);
  const send = (request: Operation) => current.send(request);

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
    await current.opened;
  } catch (error) {
    closing = true;
    clearTimeout(timer);
    await current.terminate();
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
      closing = true;
      clearTimeout(timer);
      await exclusive(() => send({ op: 'close' })).catch(() => undefined);
      await current.terminate();
      unlock();
    },
  };
}
