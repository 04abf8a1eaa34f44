/**
 * The one composition root of the service, shared by `start:service` (main.ts), the demo and the tests: reads the
 * environment once, then builds every dependency once — store, model, engine, FHIR client, JWKS cache — and hands
 * them to buildServer. A bad environment value throws a ConfigError naming the variable; main.ts prints it and
 * stops the start.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { runEngine } from '@reasoning/engine';
import type { EngineInput, EngineResult } from '@reasoning/types';
import { analyticsConfigFromEnv, type AnalyticsConfig } from './analytics/config';
import { JwksCache } from './auth/jwks';
import { parseServiceConfig, type ServiceConfig } from './config';
import { createLogger } from './logger';
import { createReasoningServiceFromConfig, parseModelConfig } from './model/index';
import type { FetchLike } from './net/fetch-json';
import { createFhirClient } from './prefetch/fhir-client';
import type { HookModel } from './protocol/handle-hook';
import { buildServer, type ServiceDeps } from './server';
import type { ServiceApis } from './service-apis';
import { createStore, storeConfigFromEnv } from './store/create-store';
import type { Store } from './store/types';

type Env = Readonly<Record<string, string | undefined>>;

/** A configuration value that stops the start; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** What a composition chooses; everything else is derived from it. Tests replace the clock, fetch or engine. */
export interface ServiceParts {
  config: ServiceConfig;
  store: Store;
  logger?: FastifyBaseLogger;
  /** Outbound HTTP for JWKS and FHIR fetches (default: global fetch). */
  fetch?: FetchLike;
  clock?: () => Date;
  newId?: () => string;
  runEngine?: (input: EngineInput) => EngineResult;
  model?: HookModel;
  apis?: ServiceApis;
}

const MAX_FHIR_PAGE_BYTES = 20 * 1024 * 1024;

/** Builds each dependency of the routes once. */
export function composeDependencies(parts: ServiceParts): ServiceDeps {
  const { config } = parts;
  const clock = parts.clock ?? (() => new Date());
  const outbound: FetchLike = parts.fetch ?? ((input, init) => fetch(input, init));
  const disabled = new Set(config.disabledRules);
  return {
    config, store: parts.store, clock,
    logger: parts.logger ?? createLogger(config.logLevel),
    newId: parts.newId ?? randomUUID,
    // The administrator's rule switches (CAIRN_DISABLED_RULES) apply to every engine run.
    runEngine: parts.runEngine ?? ((input) => runEngine(input, { disabled })),
    fhir: createFhirClient({ fetch: outbound, timeoutMs: config.fhirTimeoutMs, maxPages: config.fhirMaxPages, maxBytes: MAX_FHIR_PAGE_BYTES }),
    jwks: new JwksCache({ fetch: outbound, now: () => clock().getTime() }),
    ...(parts.model && { model: parts.model }),
    ...(parts.apis && { apis: parts.apis }),
  };
}

export interface ComposedService {
  app: FastifyInstance;
  config: { service: ServiceConfig; analytics: AnalyticsConfig };
  /** Listens on HOST:PORT. */
  listen(): Promise<void>;
  /** Closes the app, then the store. */
  close(): Promise<void>;
}

function readConfig(env: Env) {
  try {
    return { service: parseServiceConfig(env), model: parseModelConfig(env), analytics: analyticsConfigFromEnv(env), store: storeConfigFromEnv(env) };
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message : String(e));
  }
}

/** The whole service from the environment: the store opened, the routes registered, not yet listening. */
export async function composeService(env: Env): Promise<ComposedService> {
  const config = readConfig(env);
  const logger = createLogger(config.service.logLevel);
  const store = await createStore(config.store, { onSweepError: () => logger.error('jti sweep failed') });
  const reasoning = createReasoningServiceFromConfig(config.model, {
    onSettled: (event) => logger.info({ model: event.model, source: event.source, latencyMs: event.latencyMs, dropped: event.dropped }, 'model call settled'),
  });
  const app = buildServer(composeDependencies({
    config: config.service, store, logger, model: reasoning, apis: { reasoning, store, analytics: config.analytics },
  }));
  return {
    app,
    config: { service: config.service, analytics: config.analytics },
    listen: async () => { await app.listen({ host: config.service.host, port: config.service.port }); },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
