import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { analyticsRoutes } from '../../../hooks-service/analytics/plugin.ts';
import { defaultServiceConfig } from '../../../hooks-service/config.ts';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { composeDependencies } from '../../../hooks-service/compose.ts';
import { buildServer } from '../../../hooks-service/server.ts';
import { createStore } from '../../../hooks-service/store/create-store.ts';
import { createPgDriver } from '../../../hooks-service/store/pg-driver.ts';
import type { DurableStore } from '../../../hooks-service/store/types.ts';
import { jwksOf, makeKey, signToken, type TestKey } from '../support/client-keys.ts';
import { startJwksServer, type JwksServer } from '../support/jwks-server.ts';
import { draftNaproxen, hookRequest, loadFixture, NOW, prefetchFor } from '../support/synthea.ts';
import { requireDatabaseUrl, urlWithSchema } from './pg-env.ts';

// Two service replicas on two ports behind one public URL (a load balancer), sharing one PostgreSQL schema.
const databaseUrl = requireDatabaseUrl();
const schema = `replicas_${randomUUID().replaceAll('-', '')}`;
const admin = createPgDriver({ connectionString: databaseUrl, max: 1 });
const ISS = 'https://ehr.example.org';
const PUBLIC_URL = 'https://cairn.example.org';
const ADMIN_TOKEN = 'replica-test-admin-token-0123';
const iat = Math.floor(NOW.getTime() / 1000);
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');

interface Replica {
  url: string;
  app: FastifyInstance;
  store: DurableStore;
}
let jwks: JwksServer;
let key: TestKey;
let replicas: Replica[];

async function startReplica(): Promise<Replica> {
  const store = await createStore(
    { kind: 'postgres', databaseUrl: urlWithSchema(databaseUrl, schema) },
    { jtiSweepMs: 0, now: () => NOW },
  );
  const jwksUrl = `${jwks.origin}/ehr/jwks.json`;
  const config = defaultServiceConfig({
    auth: 'on',
    issuers: [{ iss: ISS, jwksUrl, jku: [jwksUrl] }],
    publicUrl: PUBLIC_URL,
    logLevel: 'silent',
  });
  const app = buildServer(composeDependencies({ config, store, clock: () => NOW }));
  await app.register(analyticsRoutes, {
    source: store,
    config: { adminToken: ADMIN_TOKEN, alertRate: 0.9, alertMinCount: 1 },
    now: () => NOW,
  });
  return { url: await app.listen({ host: '127.0.0.1', port: 0 }), app, store };
}

beforeAll(async () => {
  await admin.exec(`CREATE SCHEMA ${schema}`);
  jwks = await startJwksServer();
  key = makeKey('ES384');
  jwks.serve('/ehr/jwks.json', jwksOf(key));
  replicas = await Promise.all([startReplica(), startReplica()]);
});
afterAll(async () => {
  for (const r of replicas ?? []) await r.app.close().then(() => r.store.close());
  await jwks?.close();
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
});

const path = '/cds-services/cairn-order-sign';
const tokenFor = (endpoint: string) => signToken(key, { iss: ISS, aud: `${PUBLIC_URL}${endpoint}`, iat });
async function post(replica: Replica, endpoint: string, body: unknown, token: string) {
  const res = await fetch(`${replica.url}${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

describe('two service replicas sharing one PostgreSQL', () => {
  it('refuses on replica B a JWT already used on replica A (jti replay)', async () => {
    const token = tokenFor(path);
    const body = hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] });
    expect((await post(replicas[0]!, path, body, token)).status).toBe(200);
    expect((await post(replicas[1]!, path, body, token)).status).toBe(401);
  });

  it("counts in replica A's analytics the override sent to replica B", async () => {
    const body = hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] });
    const call = await post(replicas[0]!, path, body, tokenFor(path));
    const card =
      (JSON.parse(call.text) as CdsResponse).cards.find((c) => c.summary.toLowerCase().includes('naproxen')) ??
      (JSON.parse(call.text) as CdsResponse).cards[0];
    const feedback = {
      feedback: [{ card: card?.uuid, outcome: 'overridden', outcomeTimestamp: '2021-04-01T12:05:00Z' }],
    };
    expect((await post(replicas[1]!, `${path}/feedback`, feedback, tokenFor(`${path}/feedback`))).status).toBe(200);

    const res = await fetch(`${replicas[0]!.url}/api/analytics?from=2021-04-01&to=2021-04-02`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const report = (await res.json()) as {
      rules: { ruleId: string; serviceId: string; shown: number; overridden: number }[];
    };
    const row = report.rules.find((r) => r.serviceId === 'cairn-order-sign' && r.overridden > 0);
    expect(row).toMatchObject({ ruleId: 'ddi-warfarin-nsaid', overridden: 1 });
    expect(row?.shown).toBeGreaterThanOrEqual(2);
  });
});
