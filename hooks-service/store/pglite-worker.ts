/**
 * The worker thread behind the threaded PGlite driver (pglite-thread.ts): it owns the PGlite instance, so Postgres'
 * WebAssembly work runs here instead of on the service's event loop. It answers one message at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest } from './pglite-thread.ts';

const port = parentPort;
if (port === null) throw new Error('pglite-worker.ts runs only as a worker thread');

/** What crosses back for a failed statement: the fields the store and its guard read (name, SQLSTATE code). */
function wireError(error: unknown): WorkerReply['error'] {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' && { code }),
    ...(typeof severity === 'string' && { severity }),
  };
}

const dataDir = (workerData as { dataDir: string }).dataDir;
// relaxedDurability false: a query resolves only after PGlite has written to its filesystem (PGlite docs).
const opening = PGlite.create(dataDir, { relaxedDurability: false });

let queue: Promise<unknown> = Promise.resolve();
async function answer(request: WorkerRequest): Promise<WorkerReply> {
  const db = await opening;
  switch (request.op) {
    case 'query':
      return { id: request.id, rows: (await db.query(request.text, request.params)).rows };
    case 'exec':
      await db.exec(request.text);
      return { id: request.id };
    case 'close':
      await db.close();
      return { id: request.id };
  }
}

opening.then(
  () => port.postMessage({ id: 0 } satisfies WorkerReply),
  (error: unknown) => port.postMessage({ id: 0, error: wireError(error) } satisfies WorkerReply),
);
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() =>
    answer(request).then(
      (reply) => port.postMessage(reply),
      (error: unknown) => port.postMessage({ id: request.id, error: wireError(error) } satisfies WorkerReply),
    ),
  );
});
