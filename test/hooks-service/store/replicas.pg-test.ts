import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../hooks-service/store/create-store.ts';
import type { DurableStore } from '../../../hooks-service/store/types.ts';
import { requireDatabaseUrl } from './pg-env.ts';
import { makeAudit, makeFeedback } from './store-contract.ts';

// Two replicas = two stores, each with its own connection pool, sharing one PostgreSQL (docs/architecture.md, "Storage":
// nothing a second replica needs is held in process memory).
const databaseUrl = requireDatabaseUrl();
let replicaA: DurableStore;
let replicaB: DurableStore;

beforeAll(async () => {
  [replicaA, replicaB] = await Promise.all([
    createStore({ kind: 'postgres', databaseUrl }, { jtiSweepMs: 0 }),
    createStore({ kind: 'postgres', databaseUrl }, { jtiSweepMs: 0 }),
  ]);
});
afterAll(async () => {
  await Promise.all([replicaA.close(), replicaB.close()]);
});

describe('two store replicas on one PostgreSQL', () => {
  it('refuses on one replica a jti first seen on the other', async () => {
    const jti = `https://ehr.example|${randomUUID()}`;
    const expires = new Date(Date.now() + 300_000);
    expect(await replicaA.rememberJti(jti, expires)).toBe(true);
    expect(await replicaB.rememberJti(jti, expires)).toBe(false);
  });

  it('lets exactly one replica accept a jti raced on both', async () => {
    const jti = `https://ehr.example|${randomUUID()}`;
    const expires = new Date(Date.now() + 300_000);
    const results = await Promise.all([replicaA, replicaB, replicaA, replicaB].map((r) => r.rememberJti(jti, expires)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('counts on one replica the feedback written through the other', async () => {
    const serviceId = `svc-${randomUUID()}`;
    const event = makeAudit({ serviceId });
    await replicaA.recordAudit(event);
    await replicaB.saveFeedback([makeFeedback({ serviceId, card: event.cards[0]!.uuid })]);
    const window = { from: new Date('2026-11-20T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') };
    const rows = (await replicaA.analytics(window)).filter((row) => row.serviceId === serviceId);
    expect(rows).toMatchObject([{ ruleId: 'ddi-warfarin-nsaid', shown: 1, overridden: 1 }]);
  });

  it('ignores a feedback retry sent to the other replica', async () => {
    const item = makeFeedback();
    expect(await replicaA.saveFeedback([item])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await replicaB.saveFeedback([item])).toEqual({ inserted: 0, duplicates: 1 });
  });
});
