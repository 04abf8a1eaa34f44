/**
 * A reasoning worker thread (reasoning-pool.ts): it builds its own engine and FHIR client from the service's
 * settings, then reasons about each call posted to it. Calls run concurrently (one may wait on a FHIR read while
 * another reasons); each answer carries its request's id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  fhirClientFor,
  reasoningDeps,
  toWire,
  type PoolReply,
  type PoolRequest,
  type ReasoningSettings,
} from './reasoning-pool';
import { reason } from './reason';

const port = parentPort;
if (port === null) throw new Error('reasoning-worker.ts runs only as a worker thread');

const settings = workerData as ReasoningSettings;
const deps = reasoningDeps(settings, { fhir: fhirClientFor(settings, (input, init) => fetch(input, init)) });

port.on('message', (request: PoolRequest & { id: number }) => {
  reason(request.job, deps).then(
    (reasoned) => port.postMessage({ id: request.id, reasoned } satisfies PoolReply),
    (error: unknown) => port.postMessage({ id: request.id, error: toWire(error) } satisfies PoolReply),
  );
});
port.postMessage({ id: 0 } satisfies PoolReply);
