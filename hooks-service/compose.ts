/**
 * The one composition root of the service, shared by `start:service` (main.ts), the demo and the tests: reads the
 * environment once, then builds every dependency once — store, model, engine, FHIR client, JWKS cache — and hands
 * them to buildServer. A bad environment value throws a ConfigError naming the variable; main.ts prints it and
 * stops the start.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { EngineInput, EngineResult } from '@reasoning/types';
import { analyticsConfigFromEnv, type AnalyticsConfig } from './analytics/config';
import { JwksCache } from './auth/jwks';
import { parseServiceConfig, type ServiceConfig } from './config';
import { createLogger } from './logger';
import { createNarrativeServiceFromConfig, describeProfile, parseModelConfig } from './model/index';
import type { FetchLike } from './net/fetch-json';
import type { HookModel } from './protocol/handle-hook';
import {
  createReasoningPool,
  engineFor,
  fhirClientFor,
  reasonHere,
  reasoningDeps,
  type Reasoner,
} from './protocol/reasoning-pool';
import { buildServer, type ServiceDeps } from './server';
import type { ServiceApis } from './service-apis';
import { closeOnSignals } from './shutdown';
import { createStore, storeConfigFromEnv } from './store/create-store';
import { guardStore } from './store/guard';
import type { DurableStore, Store } from './store/types';
import { parseAppHostConfig, type AppHostConfig } from './web/app-host-config';
import { registerAdminPage } from './web/admin-page';
import { readAppPages, registerAppPages } from './web/app-pages';

import { readEnv, type RawEnv } from './env';

// `vite build` output, one level up from here: from hooks-service/ when run from source, and from dist-service/
// when run built (the bundle keeps this module's depth).
const APP_DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** A configuration value that stops the start; the message names the variable. */
export { ConfigError } from './env';

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
  /** Where hook calls are reasoned about (default: on the event loop, with the parts above). */
  reasoner?: Reasoner;
  model?: HookModel;
  modelStatus?: () => unknown;
  apis?: ServiceApis;
}

/** Builds each dependency of the routes once. */
export function composeDependencies(parts: ServiceParts): ServiceDeps {
  const { config } = parts;
  const clock = parts.clock ?? (() => new Date());
  const outbound: FetchLike = parts.fetch ?? ((input, init) => fetch(input, init));
  const logger = parts.logger ?? createLogger(config.logLevel);
  const newId = parts.newId ?? randomUUID;
  // The administrator's rule switches (CAIRN_DISABLED_RULES) apply to every engine run.
  const runEngine = parts.runEngine ?? engineFor(config);
  const fhir = fhirClientFor(config, outbound);
  return {
    config,
    store: guardStore(parts.store, logger),
    clock,
    logger,
    newId,
    runEngine,
    fhir,
    reasoner: parts.reasoner ?? reasonHere(reasoningDeps(config, { fhir, runEngine, newId })),
    jwks: new JwksCache({ fetch: outbound, now: () => clock().getTime() }),
    ...(parts.model && { model: parts.model }),
    ...(parts.modelStatus && { modelStatus: parts.modelStatus }),
    ...(parts.apis && { apis: { ...parts.apis, store: guardStore(parts.apis.store, logger) } }),
  };
}

export interface ComposedService {
  app: FastifyInstance;
  config: { service: ServiceConfig; analytics: AnalyticsConfig; appHost: AppHostConfig };
  /** On SIGTERM/SIGINT: finish calls in flight, flush the store, then `exit` (main.ts passes process.exit). */
  closeOnSignals(exit: (code: number) => void): void;
  /** Listens on HOST:PORT. */
  listen(): Promise<void>;
  /** Closes the app, then the store. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** Where `vite build` wrote the SMART app (default: `dist/` of this checkout). */
  appDir?: string;
  /** A store already open, instead of the one the environment names (tests of the routes, not of storage). */
  store?: DurableStore;
}

/** Every part's settings; readEnv first, so one message names every bad variable before any cross-variable rule runs. */
function readConfig(env: RawEnv) {
  readEnv(env);
  return {
    service: parseServiceConfig(env),
    model: parseModelConfig(env),
    analytics: analyticsConfigFromEnv(env),
    store: storeConfigFromEnv(env),
    appHost: parseAppHostConfig(env),
  };
}

/** The pool of reasoning workers CAIRN_REASONING_THREADS asks for, started; undefined = on the event loop. */
export async function startReasoning(config: ServiceConfig): Promise<Reasoner | undefined> {
  return config.reasoningThreads > 0 ? createReasoningPool(config.reasoningThreads, config) : undefined;
}

/** The whole service from the environment: the store opened, the routes registered, not yet listening. */
export async function composeService(env: RawEnv, options: ComposeOptions = {}): Promise<ComposedService> {
  const config = readConfig(env);
  const logger = createLogger(config.service.logLevel);
  // Before the store opens: a missing build is the commonest first-run mistake, and it should fail at once.
  const pages = readAppPages(options.appDir ?? APP_DIST, config.appHost);
  const store =
    options.store ?? (await createStore(config.store, { onSweepError: () => logger.error('jti sweep failed') }));
  const narrative = createNarrativeServiceFromConfig(config.model, {
    onOutputLearned: (mode) =>
      logger.warn({ outputMode: mode }, 'model refused the requested output format; using the weaker mode from now on'),
    onSettled: (event) =>
      logger.info(
        { model: event.model, source: event.source, latencyMs: event.latencyMs, dropped: event.dropped },
        'model call settled',
      ),
  });
  logger.info({ model: describeProfile(narrative) }, 'model adapter');
  const reasoner = await startReasoning(config.service).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const app = buildServer(
    composeDependencies({
      config: config.service,
      store,
      logger,
      ...(reasoner && { reasoner }),
      model: narrative,
      modelStatus: () => describeProfile(narrative),
      apis: { narrative, store, analytics: config.analytics, appOrigins: config.appHost.appOrigins },
    }),
  );
  await registerAppPages(app, pages);
  if (config.analytics.adminToken !== undefined) registerAdminPage(app, pages.admin);
  const parts = { closeServer: () => app.close(), closeStore: () => store.close() };
  return {
    app,
    config: { service: config.service, analytics: config.analytics, appHost: config.appHost },
    closeOnSignals: (exit) => closeOnSignals(parts, logger, config.service.shutdownTimeoutMs, exit),
    listen: async () => {
      await app.listen({ host: config.service.host, port: config.service.port });
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
