/**
 * The service as start:service composes it (CDS Hooks routes plus the app and admin APIs, the embedded model),
 * on a free port with captured logs and an in-memory store, for tests that need the /api routes too.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { defaultServiceConfig, type ServiceConfig } from '../../../hooks-service/config';
import { createLogger } from '../../../hooks-service/logger';
import {
  createNarrativeServiceFromConfig,
  parseModelConfig,
  type NarrativeService,
} from '../../../hooks-service/model/index';
import { composeDependencies, type ServiceParts } from '../../../hooks-service/compose';
import { buildServer } from '../../../hooks-service/server';
import { MemoryStore } from '../../../hooks-service/store/memory';
import type { ServiceApis } from '../../../hooks-service/service-apis';
import type { DurableStore } from '../../../hooks-service/store/types';
import { NOW } from './synthea';
import { closeNow } from './close-now';

export interface FullService {
  url: string;
  app: FastifyInstance;
  logs: string[];
  close(): Promise<void>;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** An in-memory store in the durable store's shape; tests that read analytics rows pass a PGlite store instead. */
export function memoryDurable(): DurableStore {
  return Object.assign(new MemoryStore({ now: () => NOW }), {
    analytics: async () => [],
    purgeExpiredJti: async () => 0,
    driver: 'pglite' as const,
  });
}

/** `narrative` replaces the embedded model behind `/api/narrative` (pass it as `model` too for the hooks). */
export async function startFullService(
  config: Partial<ServiceConfig> = {},
  deps: Partial<Omit<ServiceParts, 'store' | 'apis'>> & { store?: DurableStore; narrative?: NarrativeService } = {},
  apis: Pick<ServiceApis, 'appOrigins'> = {},
): Promise<FullService> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const store = deps.store ?? memoryDurable();
  const { narrative = createNarrativeServiceFromConfig(parseModelConfig({})), ...parts } = deps;
  const app = buildServer(
    composeDependencies({
      config: defaultServiceConfig({ logLevel: 'info', ...config }),
      logger: createLogger('info', sink),
      clock: () => NOW,
      ...parts,
      store,
      apis: { narrative, store, analytics: { adminToken: ADMIN_TOKEN, alertRate: 0.9, alertMinCount: 10 }, ...apis },
    }),
  );
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, app, logs, close: () => closeNow(app) };
}
