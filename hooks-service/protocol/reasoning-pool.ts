/**
 * Where hook calls are reasoned about (docs/architecture.md, "Reasoning threads"). Parsing a 30–60 KB body, the
 * engine and the cards are about two thirds of a call's CPU; on the event loop they queue every other call behind
 * them and use one core however many the machine has. The pool runs them in worker threads (reasoning-worker.ts):
 * the route hands over the body's text, a worker parses it, reasons (reason.ts) and posts back the cards and the
 * log-safe account, and the event loop keeps HTTP, JWT, the model call and the audit.
 */
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { runEngine } from '@reasoning/engine';
import type { EngineInput, EngineResult } from '@reasoning/types';
import { AppError, type ErrorCode } from '../errors';
import type { FetchLike } from '../net/fetch-json';
import { createFhirClient, type FhirClient } from '../prefetch/fhir-client';
import {
  startModuleWorker,
  superviseWorker,
  WorkerLost,
  type Reply,
  type SupervisedWorker,
} from '../workers/worker-link';
import { reason, ReasonFailure, type ReasonDeps, type ReasonJob, type Reasoned } from './reason';
import type { HookName } from '@cds-hooks/schemas/request';

/** What a worker needs to build its own ReasonDeps: plain data from the service's config. */
export interface ReasoningSettings {
  fhirAllowlist: readonly string[];
  fhirBudgetMs: number;
  fhirTimeoutMs: number;
  fhirMaxPages: number;
  disabledRules: readonly string[];
}

export interface Reasoner {
  reason(job: ReasonJob): Promise<Reasoned>;
  /** Give it JSON bodies as text (it parses them off the event loop). */
  readonly takesText: boolean;
  close(): Promise<void>;
}

const MAX_FHIR_PAGE_BYTES = 20 * 1024 * 1024;

/** The FHIR client of hook calls and the app's APIs: the service's time-out and size caps. */
export function fhirClientFor(settings: ReasoningSettings, fetch: FetchLike): FhirClient {
  return createFhirClient({
    fetch,
    timeoutMs: settings.fhirTimeoutMs,
    maxPages: settings.fhirMaxPages,
    maxBytes: MAX_FHIR_PAGE_BYTES,
  });
}

/** The engine with the administrator's rule switches (CAIRN_DISABLED_RULES) applied. */
export function engineFor(settings: ReasoningSettings): (input: EngineInput) => EngineResult {
  const disabled = new Set(settings.disabledRules);
  return (input) => runEngine(input, { disabled });
}

export function reasoningDeps(
  settings: ReasoningSettings,
  parts: { fhir: FhirClient; runEngine?: ReasonDeps['runEngine']; newId?: () => string },
): ReasonDeps {
  return {
    fhir: parts.fhir,
    fhirAllowlist: settings.fhirAllowlist,
    fhirBudgetMs: settings.fhirBudgetMs,
    runEngine: parts.runEngine ?? engineFor(settings),
    newId: parts.newId ?? randomUUID,
  };
}

/** Reasoning on the event loop: tests that replace the engine, fetch or ids, and CAIRN_REASONING_THREADS=0. */
export function reasonHere(deps: ReasonDeps): Reasoner {
  return { reason: (job) => reason(job, deps), takesText: false, close: async () => undefined };
}

/** A failure as it crosses from the worker: what the route answers with, never a message that could hold PHI. */
export type WireFailure =
  | { kind: 'app'; code: ErrorCode; message: string }
  | { kind: 'failed'; hook: HookName; hookInstance?: string; error: WireFailure }
  | { kind: 'other'; name: string };

export function toWire(error: unknown): WireFailure {
  if (error instanceof AppError) return { kind: 'app', code: error.code, message: error.publicMessage };
  if (error instanceof ReasonFailure)
    return {
      kind: 'failed',
      hook: error.hook,
      ...(error.hookInstance !== undefined && { hookInstance: error.hookInstance }),
      error: toWire(error.error),
    };
  return { kind: 'other', name: error instanceof Error ? error.name : typeof error };
}

function fromWire(wire: WireFailure): Error {
  switch (wire.kind) {
    case 'app':
      return new AppError(wire.code, wire.message);
    case 'failed':
      return new ReasonFailure(wire.hook, wire.hookInstance, fromWire(wire.error));
    case 'other': {
      const error = new Error('reasoning failed in a worker');
      error.name = wire.name;
      return error;
    }
  }
}

export type PoolRequest = { op: 'reason'; job: ReasonJob };
export interface PoolReply extends Reply<WireFailure> {
  reasoned?: Reasoned;
}

export interface PoolOptions {
  /** Starts one worker (tests wrap it to reach the Worker). */
  startWorker?: (settings: ReasoningSettings) => Worker;
  /** First wait before a dead worker is started again, doubled on each failed start up to 30 s (default 1 s). */
  respawnMs?: number;
}

export function startReasoningWorker(settings: ReasoningSettings): Worker {
  return startModuleWorker(import.meta.url, 'reasoning-worker', settings);
}

/**
 * `size` reasoning workers; each call goes to the one with the fewest calls in flight. A worker that dies fails
 * its calls in flight with a 503 (the client may retry; nothing was stored) and is started again.
 */
export async function createReasoningPool(
  size: number,
  settings: ReasoningSettings,
  options: PoolOptions = {},
): Promise<Reasoner> {
  const start = options.startWorker ?? startReasoningWorker;
  const workers: SupervisedWorker<PoolRequest, PoolReply>[] = Array.from({ length: size }, () =>
    superviseWorker<PoolRequest, WireFailure, PoolReply>(() => start(settings), {
      name: 'reasoning worker',
      toError: fromWire,
      respawnMs: options.respawnMs ?? 1_000,
    }),
  );
  const close = async () => void (await Promise.all(workers.map((w) => w.close())));
  try {
    await Promise.all(workers.map((w) => w.started));
  } catch (error) {
    await close();
    throw error;
  }
  const leastBusy = () =>
    workers.map((w) => w.current()).reduce((best, link) => (link.inFlight < best.inFlight ? link : best));
  return {
    takesText: true,
    close,
    reason: async (job) => {
      try {
        return (await leastBusy().send({ op: 'reason', job })).reasoned as Reasoned;
      } catch (error) {
        if (!(error instanceof WorkerLost)) throw error;
        // The worker died under this call (out of memory, terminated): nothing was stored, a retry may succeed.
        throw new AppError('UNAVAILABLE', 'the reasoning worker stopped; nothing was stored, retry later');
      }
    },
  };
}
