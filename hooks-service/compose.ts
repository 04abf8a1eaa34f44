/**
 * The one composition of the service (STYLE.md §1), shared by `start:service` (main.ts) and the demo: reads the
 * environment once (a bad value stops the process with a message naming the variable), then builds the store,
 * the model and the server with its APIs. Callers may register more routes before `listen`.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { analyticsConfigFromEnv, type AnalyticsConfig } from './analytics/config';
import { parseServiceConfig, type ServiceConfig } from './config';
import { createLogger } from './logger';
import { createReasoningServiceFromConfig, describeProfile, parseModelConfig } from './model/index';
import { buildServer } from './server';
import { registerServiceApis } from './service-apis';
import { closeOnSignals } from './shutdown';
import { createStore, storeConfigFromEnv } from './store/create-store';
import { parseAppHostConfig, type AppHostConfig } from './web/app-host-config';
import { readAppPages, registerAppPages } from './web/app-pages';

type Env = Readonly<Record<string, string | undefined>>;

// `vite build` output, one level up from here: from hooks-service/ when run from source, and from dist-service/
// when run built (the bundle keeps this module's depth).
const APP_DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export interface ComposedService {
  app: FastifyInstance;
  config: { service: ServiceConfig; analytics: AnalyticsConfig; appHost: AppHostConfig };
  /** Listens on HOST:PORT; on SIGTERM/SIGINT finishes calls in flight, flushes the store and exits. */
  listen(): Promise<void>;
}

function readConfig(env: Env, name: string) {
  try {
    return { service: parseServiceConfig(env), model: parseModelConfig(env), analytics: analyticsConfigFromEnv(env), store: storeConfigFromEnv(env),
      appHost: parseAppHostConfig(env) };
  } catch (e) {
    process.stderr.write(`${name}: configuration error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

function warnIfOpen(config: ServiceConfig, log: ReturnType<typeof createLogger>): void {
  if (config.auth !== 'off') return;
  const line = 'CDS_AUTH=off: ANY caller can invoke these CDS services without a JWT. Local development and conformance runs only.';
  log.warn(line);
  process.stderr.write(`\n!!! ${line} !!!\n\n`);
}

export interface ComposeOptions {
  /** Where `vite build` wrote the SMART app (default: `dist/` of this checkout). */
  appDir?: string;
}

export async function composeService(env: Env, name: string, options: ComposeOptions = {}): Promise<ComposedService> {
  const config = readConfig(env, name);
  const logger = createLogger(config.service.logLevel);
  warnIfOpen(config.service, logger);
  // Before the store opens: a missing build is the commonest first-run mistake, and it should fail at once.
  const pages = readAppPages(options.appDir ?? APP_DIST, config.appHost);
  const store = await createStore(config.store, { onSweepError: () => logger.error('jti sweep failed') });
  const reasoning = createReasoningServiceFromConfig(config.model, {
    onOutputLearned: (mode) => logger.warn({ outputMode: mode }, 'model refused the requested output format; using the weaker mode from now on'),
    onSettled: (event) => logger.info({ model: event.model, source: event.source, latencyMs: event.latencyMs, dropped: event.dropped }, 'model call settled'),
  });
  logger.info({ model: describeProfile(reasoning) }, 'model adapter');
  const deps = { config: config.service, store, logger, model: reasoning, modelStatus: () => describeProfile(reasoning) };
  const app = buildServer(deps);
  await registerServiceApis(app, { server: deps, reasoning, store, analytics: config.analytics });
  await registerAppPages(app, pages);
  const listen = async () => {
    closeOnSignals({ closeServer: () => app.close(), closeStore: () => store.close() }, logger, config.service.shutdownTimeoutMs);
    await app.listen({ host: config.service.host, port: config.service.port });
  };
  return { app, config: { service: config.service, analytics: config.analytics, appHost: config.appHost }, listen };
}
