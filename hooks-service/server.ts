/**
 * Builds the CDS Hooks service as a Fastify app and never listens (main.ts does; tests use a free port or inject).
 * Composable: `buildServer(deps)` returns an instance others can extend (the demo registers its parts into it;
 * the store and model helpers register their plugins), and `registerCdsHooks(app, deps)` adds the CDS Hooks routes
 * to an instance someone else built.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { runEngine as realEngine } from '@reasoning/engine';
import type { EngineInput, EngineResult } from '@reasoning/types';
import { JwksCache } from './auth/jwks';
import type { ServiceConfig } from './config';
import { installErrorHandling } from './errors';
import { createLogger } from './logger';
import { installJsonBodyParser } from './net/json-body';
import type { FetchLike } from './net/fetch-json';
import { createFhirClient, type FhirClient } from './prefetch/fhir-client';
import type { HookModel } from './protocol/handle-hook';
import { cdsHooksPlugin, type CdsHooksPluginOptions } from './protocol/plugin';
import type { Store } from './store/types';
import { registerSecurityHeaders } from './web/security-headers';

export interface ServerDeps {
  config: ServiceConfig;
  store: Store;
  /** A pino logger (tests pass one writing to a buffer); default: from config.logLevel. */
  logger?: FastifyBaseLogger;
  /** Outbound HTTP for JWKS and FHIR fetches (default: global fetch). */
  fetch?: FetchLike;
  clock?: () => Date;
  newId?: () => string;
  runEngine?: (input: EngineInput) => EngineResult;
  /** Model reasoning inside hook calls (hooks-service/model); absent = engine cards only. */
  model?: HookModel;
  /** The model set-up as /readyz shows it (route, auth, negotiated output mode; nothing secret). */
  modelStatus?: () => unknown;
}

const MAX_FHIR_PAGE_BYTES = 20 * 1024 * 1024;

/** The engine with the administrator's rule switches applied (CAIRN_DISABLED_RULES). */
export function engineFor(config: ServiceConfig): (input: EngineInput) => EngineResult {
  const disabled = new Set(config.disabledRules);
  return (input) => realEngine(input, { disabled });
}

const outboundFetch = (deps: ServerDeps): FetchLike => deps.fetch ?? ((input, init) => fetch(input, init));

/** The FHIR client for fallback fetches and the app's APIs: the service's time-out, page cap and size cap. */
export function createServiceFhirClient(deps: ServerDeps): FhirClient {
  const { config } = deps;
  return createFhirClient({ fetch: outboundFetch(deps), timeoutMs: config.fhirTimeoutMs, maxPages: config.fhirMaxPages, maxBytes: MAX_FHIR_PAGE_BYTES });
}

/** The options of the CDS Hooks plugin, assembled from the service's dependencies. */
export function cdsHooksOptions(deps: ServerDeps): CdsHooksPluginOptions & { fhir: FhirClient } {
  const { config } = deps;
  const fetchFn = outboundFetch(deps);
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().getTime();
  const fhir = createServiceFhirClient(deps);
  return {
    fhir,
    bodyLimit: config.bodyLimit,
    auth: {
      enabled: config.auth === 'on',
      ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
      verify: {
        config, now, jwks: new JwksCache({ fetch: fetchFn, now }),
        rememberJti: (key, expiresAt) => deps.store.rememberJti(key, expiresAt),
      },
    },
    hook: {
      store: deps.store, fhir, fhirAllowlist: config.fhirAllowlist, fhirBudgetMs: config.fhirBudgetMs, now: clock,
      runEngine: deps.runEngine ?? engineFor(config), newId: deps.newId ?? randomUUID,
      ...(deps.model && { model: deps.model }),
    },
  };
}

/** Adds the CDS Hooks routes (discovery, services, feedback) to an existing Fastify instance. */
export async function registerCdsHooks(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register(cdsHooksPlugin, cdsHooksOptions(deps));
}

/** The service app: CDS Hooks routes, /healthz and /readyz, one error handler, PHI-safe logs. Not listening. */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger ?? createLogger(deps.config.logLevel),
    bodyLimit: deps.config.bodyLimit,
    // Our own ids: an incoming x-request-id header is client-controlled and could carry anything into the logs.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Node's 16 KiB header cap would answer an oversized client JWT 431; above it the auth check can answer the
    // bare 401 the spec's clients expect (the token itself is capped at MAX_TOKEN_CHARS there).
    http: { maxHeaderSize: 64 * 1024 },
  }) as unknown as FastifyInstance;
  registerSecurityHeaders(app, { ...(deps.config.publicUrl !== undefined && { publicUrl: deps.config.publicUrl }) });
  installErrorHandling(app);
  installJsonBodyParser(app);
  if (deps.config.auth === 'off') app.log.warn('CDS_AUTH=off: CDS Hooks calls are accepted without a JWT (development and conformance runs only)');
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await deps.store.isReady().catch(() => false);
    // The model is never a readiness condition (hooks answer without it); its negotiated set-up is shown.
    const model = deps.modelStatus?.();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', ...(model ? { model } : {}) });
  });
  void app.register(cdsHooksPlugin, cdsHooksOptions(deps));
  return app;
}
