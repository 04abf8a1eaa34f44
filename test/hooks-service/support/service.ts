/**
 * Starts the real service (composeDependencies + buildServer) on a free port with captured logs, for integration
 * tests. Reasoning runs on the event loop unless `config.reasoningThreads` asks for workers (which then build their
 * own engine, FHIR client and ids: `deps` replacing those apply to the event loop only).
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { defaultServiceConfig, type ServiceConfig } from '../../../hooks-service/config';
import { createLogger } from '../../../hooks-service/logger';
import { composeDependencies, startReasoning, type ServiceParts } from '../../../hooks-service/compose';
import { buildServer } from '../../../hooks-service/server';
import { MemoryStore } from '../../../hooks-service/store/memory';
import { NOW } from './synthea';
import { closeNow } from './close-now';

export interface RunningService {
  url: string;
  app: FastifyInstance;
  store: MemoryStore;
  /** Every log line written so far (JSON strings). */
  logs: string[];
  post(
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

export async function startService(
  config: Partial<ServiceConfig> = {},
  deps: Partial<ServiceParts> = {},
): Promise<RunningService> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const store = new MemoryStore({ now: () => NOW });
  const full = defaultServiceConfig({ logLevel: 'info', ...config });
  const reasoner = await startReasoning(full);
  const app = buildServer(
    composeDependencies({
      config: full,
      store,
      logger: createLogger(full.logLevel, sink),
      clock: () => NOW,
      ...(reasoner && { reasoner }),
      ...deps,
    }),
  );
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
  };
  return { url, app, store, logs, post, close: () => closeNow(app) };
}
