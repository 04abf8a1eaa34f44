/**
 * The one composition of the service (STYLE.md §1), shared by `start:service` (main.ts) and the demo: reads the
 * environment once (a bad value stops the process with a message naming the variable), then builds the store,
 * the model and the server with its APIs. Callers may register more routes before `listen`.
 */
import type { FastifyInstance } from 'fastify';
import { analyticsConfigFromEnv, type AnalyticsConfig } from './analytics/config';
import { parseServiceConfig, type ServiceConfig } from './config';
import { createLogger } from './logger';
import { createReasoningServiceFromConfig, describeProfile, parseModelConfig } from './model/index';
import { buildServer } from './server';
import { registerServiceApis } from './service-apis';
import { createStore, storeConfigFromEnv } from './store/create-store';

type Env = Readonly<Record<string, string | undefined>>;

export interface ComposedService {
  app: FastifyInstance;
  config: { service: ServiceConfig; analytics: AnalyticsConfig };
  /** Listens on HOST:PORT and closes app and store on SIGINT/SIGTERM. */
  listen(): Promise<void>;
}

function readConfig(env: Env, name: string) {
  try {
    return { service: parseServiceConfig(env), model: parseModelConfig(env), analytics: analyticsConfigFromEnv(env), store: storeConfigFromEnv(env) };
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

export async function composeService(env: Env, name: string): Promise<ComposedService> {
  const config = readConfig(env, name);
  const logger = createLogger(config.service.logLevel);
  warnIfOpen(config.service, logger);
  const store = await createStore(config.store, { onSweepError: () => logger.error('jti sweep failed') });
  const reasoning = createReasoningServiceFromConfig(config.model, {
    onOutputLearned: (mode) => logger.warn({ outputMode: mode }, 'model refused the requested output format; using the weaker mode from now on'),
    onSettled: (event) => logger.info({ model: event.model, source: event.source, latencyMs: event.latencyMs, dropped: event.dropped }, 'model call settled'),
  });
  logger.info({ model: describeProfile(reasoning) }, 'model adapter');
  const deps = { config: config.service, store, logger, model: reasoning, modelStatus: () => describeProfile(reasoning) };
  const app = buildServer(deps);
  await registerServiceApis(app, { server: deps, reasoning, store, analytics: config.analytics });
  const listen = async () => {
    const close = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void close());
    process.once('SIGTERM', () => void close());
    await app.listen({ host: config.service.host, port: config.service.port });
  };
  return { app, config: { service: config.service, analytics: config.analytics }, listen };
}
