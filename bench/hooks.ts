/**
 * Hook-path benchmarks: the real service (composeDependencies + buildServer, JWT on, embedded PGlite in a fresh
 * data directory, logs serialized as in production) and, in the same process and run, a no-op Fastify endpoint
 * fed the same body and headers. For ES384 the no-op verifies the same signature: the floor of any endpoint that
 * checks it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { verify } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { composeDependencies, startReasoning } from '../hooks-service/compose';
import { defaultReasoningThreads, defaultServiceConfig } from '../hooks-service/config';
import { createLogger } from '../hooks-service/logger';
import type { HookModel } from '../hooks-service/protocol/handle-hook';
import { buildServer } from '../hooks-service/server';
import { createStore } from '../hooks-service/store/create-store';
import { jwksOf, signToken, type TestKey } from '../test/hooks-service/support/client-keys';
import { startJwksServer } from '../test/hooks-service/support/jwks-server';
import { hookRequest, loadFixture, prefetchFor, type Fixture } from '../test/hooks-service/support/synthea';
import { load, type LoadResult } from './load';

export const ISS = 'https://ehr.bench.example';
const JWKS_PATH = '/jwks.json';

export interface Target {
  origin: string;
  close(): Promise<void>;
}

/** Pino writing to nowhere: the log lines are still built and serialized, as in production. */
const discard = () => new Writable({ write: (_chunk, _enc, done) => done() });

/**
 * The service with JWT on, trusting `keys` (served by a local JWKS host), on embedded PGlite in a temp dir, with
 * the reasoning threads CAIRN_REASONING_THREADS would start by default on this machine unless `threads` is given.
 */
export async function startService(keys: TestKey[], o: { model?: HookModel; threads?: number } = {}): Promise<Target> {
  const { model } = o;
  const jwks = await startJwksServer();
  jwks.serve(JWKS_PATH, jwksOf(...keys));
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
  const store = await createStore({ kind: 'pglite', dataDir });
  const config = defaultServiceConfig({
    auth: 'on',
    issuers: [{ iss: ISS, jwksUrl: `${jwks.origin}${JWKS_PATH}`, jku: [] }],
    logLevel: 'info',
  });
  const reasoner = await startReasoning({ ...config, reasoningThreads: o.threads ?? defaultReasoningThreads() });
  const app = buildServer(
    composeDependencies({
      config,
      store,
      logger: createLogger('info', discard()),
      ...(model && { model }),
      ...(reasoner && { reasoner }),
    }),
  );
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    origin,
    close: async () => {
      await app.close();
      await store.close();
      await jwks.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Fastify endpoint that parses the JSON body and answers `{cards: []}`; with `key`, it first verifies the JWT's signature. */
export async function startNoop(key?: TestKey): Promise<Target> {
  const app = Fastify({ bodyLimit: defaultServiceConfig().bodyLimit });
  const publicKey = key?.privateKey && (await import('node:crypto')).createPublicKey(key.privateKey);
  app.post('/cds-services/:id', async (request) => {
    if (publicKey) {
      const token = (request.headers.authorization ?? '').slice('Bearer '.length);
      const [h, p, s] = token.split('.');
      const ok = await new Promise<boolean>((resolve) => {
        verify(
          'sha384',
          Buffer.from(`${h}.${p}`),
          { key: publicKey, dsaEncoding: 'ieee-p1363' },
          Buffer.from(s ?? '', 'base64url'),
          (e, r) => resolve(!e && r),
        );
      });
      if (!ok) throw new Error('bad signature');
    }
    return { cards: [] as unknown[] };
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin, close: () => app.close() };
}

/** `count` tokens, each with its own jti, for `audience`. */
export function tokensFor(key: TestKey, audience: string, count: number): string[] {
  const iat = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, () => signToken(key, { iss: ISS, aud: audience, iat, lifetime: 3600 }));
}

export const FIXTURE = 'af-warfarin-naproxen-9de30b5a.json';

export function patientViewBody(fx: Fixture): string {
  return JSON.stringify(hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }));
}

/** Five draft orders as an EHR sends them: the fixture's own medications (real RxNorm products) as drafts. */
export function orderSignBody(fx: Fixture): string {
  const meds = fx.resources.filter(
    (r): r is fhir4.MedicationRequest =>
      r.resourceType === 'MedicationRequest' && (r as fhir4.MedicationRequest).medicationCodeableConcept !== undefined,
  );
  const seen = new Set<string>();
  const drafts = meds
    .filter((m) => {
      const code = m.medicationCodeableConcept?.coding?.[0]?.code ?? '';
      if (seen.has(code)) return false;
      seen.add(code);
      return true;
    })
    .slice(0, 5)
    .map((m, i) => ({ ...m, id: `draft-${i}`, status: 'draft' as const, intent: 'order' as const }));
  if (drafts.length < 5) throw new Error('fixture has fewer than 5 distinct medications');
  return JSON.stringify(hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts }));
}

export interface Pair {
  service: LoadResult;
  noop: LoadResult;
  /** Both again over one connection, one call at a time: latency without queueing. */
  oneConnection: { service: LoadResult; noop: LoadResult };
  bodyBytes: number;
  /** Requests in each measured run. */
  requests: number;
}

/** Seconds the measured service run should last: long enough for a stable p99, short enough for a 5-minute bench. */
const TARGET_SECONDS = 8;
/** Calls of the one-connection run. */
const ALONE_REQUESTS = 500;

/**
 * Calls made before measuring. V8 keeps optimizing the service's code over its first couple of thousand calls:
 * after 300 its compiler threads still spent about 0.4 ms of CPU per call, after 2,000 under 0.15 ms (per-thread
 * CPU time, 2 vCPUs). An EHR meets a service that has run for hours, so that is what is measured; the no-op gets as
 * many calls.
 */
export const warmupCalls = (amount: number): number => Math.min(2_000, Math.max(50, amount));

/** The mean of two runs of the same target (a reference measured before and after what it is compared with). */
export function bracketed(a: LoadResult, b: LoadResult): LoadResult {
  const mean = (k: 'rps' | 'p50' | 'p99') => (a[k] + b[k]) / 2;
  return {
    rps: mean('rps'),
    p50: mean('p50'),
    p99: mean('p99'),
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
  };
}

/**
 * The no-op, the service, then the no-op again, each fed the same body and the same tokens after a warm-up. The request count
 * is what the service did in TARGET_SECONDS during its warm-up, capped at `amount` (the tokens pre-signed).
 */
export async function compare(o: {
  service: Target;
  noop: Target;
  path: string;
  body: string;
  key: TestKey;
  amount: number;
}): Promise<Pair> {
  const warm = warmupCalls(o.amount);
  const tokens = tokensFor(o.key, `${o.service.origin}${o.path}`, o.amount + warm);
  const run = (target: Target, from: number, amount: number) =>
    load({ url: `${target.origin}${o.path}`, body: o.body, tokens: tokens.slice(from, from + amount), amount });
  await run(o.noop, o.amount, warm);
  const warmService = await run(o.service, o.amount, warm);
  const amount = Math.min(o.amount, Math.max(warm, Math.round(warmService.rps * TARGET_SECONDS)));
  // The no-op runs before and after the service and its figures are averaged: on a shared machine the speed of
  // the CPUs drifts within seconds, and one reference run on one side of it would carry that drift into the ratio.
  const before = await run(o.noop, 0, amount);
  const service = await run(o.service, 0, amount);
  const after = await run(o.noop, 0, amount);
  const noop = bracketed(before, after);
  // At 50 connections every call queues behind the others (p99 ≈ connections ÷ throughput, the no-op's too). One
  // connection, one call at a time, gives the cost of a call and its jitter: what an EHR sees when not saturated.
  const alone = Math.min(o.amount, ALONE_REQUESTS);
  const aloneTokens = tokensFor(o.key, `${o.service.origin}${o.path}`, alone);
  const aloneRun = (target: Target) =>
    load({ url: `${target.origin}${o.path}`, body: o.body, tokens: aloneTokens, amount: alone, connections: 1 });
  const oneConnection = { noop: await aloneRun(o.noop), service: await aloneRun(o.service) };
  for (const r of [service, oneConnection.service])
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`service answered ${r.non2xx} non-2xx and ${r.errors} errors`);
  return { service, noop, oneConnection, bodyBytes: Buffer.byteLength(o.body), requests: amount };
}

export { loadFixture };
