/**
 * Turns the service's dependencies into a Fastify app: the CDS Hooks routes, /healthz and /readyz, the app's APIs
 * when they are given, one error handler and PHI-safe logs. It builds no dependency (compose.ts does, once) and
 * never listens (main.ts does; tests use a free port or inject). Callers may register more routes before listening.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { EngineInput, EngineResult } from '@reasoning/types';
import { rememberJtiWithFallback } from './auth/jti-fallback';
import type { JwksCache } from './auth/jwks';
import type { ServiceConfig } from './config';
import { installErrorHandling } from './errors';
import { AccessLog } from './logger';
import { installJsonBodyParser } from './net/json-body';
import type { FhirClient } from './prefetch/fhir-client';
import type { HookModel } from './protocol/handle-hook';
import type { Reasoner } from './protocol/reasoning-pool';
import { cdsHooksPlugin, type CdsHooksPluginOptions } from './protocol/plugin';
import { registerServiceApis, type ServiceApis } from './service-apis';
import { endKeepAliveOnClose } from './shutdown';
import type { Store } from './store/types';
import { registerSecurityHeaders } from './web/security-headers';

/** Everything the service's routes use, each built once (compose.ts `composeDependencies`). */
export interface ServiceDeps {
  config: ServiceConfig;
  store: Store;
  logger: FastifyBaseLogger;
  clock: () => Date;
  newId: () => string;
  /** The engine with the administrator's rule switches applied. */
  runEngine: (input: EngineInput) => EngineResult;
  /** Outbound FHIR reads (prefetch fallback, the app's APIs) with the service's time-out and size caps. */
  fhir: FhirClient;
  /** Where hook calls are reasoned about: on the event loop or in a pool of worker threads. Closed with the app. */
  reasoner: Reasoner;
  /** JWK Sets of the trusted CDS Clients. */
  jwks: JwksCache;
  /** The model narrative inside hook calls; absent = engine cards only. */
  model?: HookModel;
  /** The model set-up as /readyz shows it (route, auth, negotiated output mode; nothing secret). */
  modelStatus?: () => unknown;
  /** The SMART app's and the administrators' APIs; absent = CDS Hooks routes only. */
  apis?: ServiceApis;
}

function cdsHooksOptions(deps: ServiceDeps): CdsHooksPluginOptions {
  const { config } = deps;
  const now = () => deps.clock().getTime();
  return {
    bodyLimit: config.bodyLimit,
    rateLimit: config.rateLimit,
    auth: {
      enabled: config.auth === 'on',
      ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
      verify: {
        config,
        now,
        jwks: deps.jwks,
        rememberJti: rememberJtiWithFallback(
          (key, expiresAt) => deps.store.rememberJti(key, expiresAt),
          deps.logger,
          now,
        ),
      },
    },
    hook: {
      store: deps.store,
      reason: (job) => deps.reasoner.reason(job),
      bodyAsText: deps.reasoner.takesText,
      now: deps.clock,
      newId: deps.newId,
      ...(deps.model && { model: deps.model }),
    },
  };
}

/** The service app. Not listening. */
export function buildServer(deps: ServiceDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    logController: new AccessLog(),
    bodyLimit: deps.config.bodyLimit,
    // Our own ids: an incoming x-request-id header is client-controlled and could carry anything into the logs.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Node's 16 KiB header cap would answer an oversized client JWT 431; above it the auth check can answer the
    // bare 401 the spec's clients expect (the token itself is capped at MAX_TOKEN_CHARS there).
    http: { maxHeaderSize: 64 * 1024 },
    trustProxy: deps.config.trustProxy,
  }) as unknown as FastifyInstance;
  endKeepAliveOnClose(app);
  app.addHook('onClose', () => deps.reasoner.close());
  registerSecurityHeaders(app, { ...(deps.config.publicUrl !== undefined && { publicUrl: deps.config.publicUrl }) });
  installErrorHandling(app);
  installJsonBodyParser(app);
  if (deps.config.auth === 'off') {
    app.log.warn(
      'CDS_AUTH=off: ANY caller can invoke these CDS services without a JWT. Local development and conformance runs only.',
    );
  }
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await deps.store.isReady().catch(() => false);
    // The model is never a readiness condition (hooks answer without it); its negotiated set-up is shown.
    const model = deps.modelStatus?.();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', ...(model ? { model } : {}) });
  });
  void app.register(cdsHooksPlugin, cdsHooksOptions(deps));
  if (deps.apis) registerServiceApis(app, deps, deps.apis);
  return app;
}
