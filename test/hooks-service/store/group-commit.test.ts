import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommit } from '../../../hooks-service/store/group-commit.ts';
import { migrate } from '../../../hooks-service/store/migrate.ts';
import { createPgliteDriver } from '../../../hooks-service/store/pglite-driver.ts';
import type { SqlDriver } from '../../../hooks-service/store/sql-driver.ts';
import { createSqlStore } from '../../../hooks-service/store/sql-store.ts';
import type { DurableStore } from '../../../hooks-service/store/types.ts';
import { makeAudit } from './store-contract.ts';

function controlledCommit() {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const commit = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(items);
      release.push(() => (items.includes(-1) ? reject(new Error('bad item')) : resolve(items.map((i) => i * 10))));
    });
  /** Commits the oldest batch in flight. */
  const finish = () => release.shift()?.();
  const finishAll = async () => {
    while (release.length > 0) {
      release.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { commit, batches, finish, finishAll };
}

describe('group commit', () => {
  it('commits the writes of one event-loop turn as one batch and resolves each its own result', async () => {
    const c = controlledCommit();
    const writer = groupCommit(c.commit);
    const results = Promise.all([1, 2, 3].map((i) => writer.add(i)));
    await new Promise((r) => setImmediate(r));
    await c.finishAll();
    expect(await results).toEqual([10, 20, 30]);
    expect(c.batches).toEqual([[1, 2, 3]]);
  });

  it('queues writes arriving during a commit into the next batch, capped at maxBatch', async () => {
    const c = controlledCommit();
    const writer = groupCommit(c.commit, { maxBatch: 2 });
    const first = writer.add(1);
    await new Promise((r) => setImmediate(r));
    const later = Promise.all([2, 3, 4].map((i) => writer.add(i)));
    await c.finishAll();
    await first;
    await later;
    expect(c.batches).toEqual([[1], [2, 3], [4]]);
  });

  it('under load lingers for more writes before the next batch, and ends the linger once lingerUntil are queued', async () => {
    const c = controlledCommit();
    const writer = groupCommit(c.commit, { lingerMs: 30, lingerUntil: 3 });
    const burst = Promise.all([1, 2].map((i) => writer.add(i)));
    await new Promise((r) => setImmediate(r));
    const during = writer.add(3);
    c.finish();
    await burst;
    // The batch before held two writes: the next one waits instead of committing write 3 alone.
    await new Promise((r) => setTimeout(r, 5));
    expect(c.batches).toEqual([[1, 2]]);
    const more = Promise.all([4, 5].map((i) => writer.add(i)));
    await new Promise((r) => setImmediate(r));
    expect(c.batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    await c.finishAll();
    await Promise.all([during, more]);
  });

  it('never lingers for a lone write, and stops lingering after lingerMs', async () => {
    const c = controlledCommit();
    const writer = groupCommit(c.commit, { lingerMs: 20 });
    const lone = writer.add(1);
    await new Promise((r) => setImmediate(r));
    expect(c.batches).toEqual([[1]]);
    await c.finishAll();
    await lone;
    const pair = Promise.all([2, 3].map((i) => writer.add(i)));
    await new Promise((r) => setImmediate(r));
    const next = writer.add(4);
    c.finish();
    await pair;
    const started = performance.now();
    while (c.batches.length < 3) await new Promise((r) => setTimeout(r, 1));
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    expect(c.batches).toEqual([[1], [2, 3], [4]]);
    await c.finishAll();
    await next;
  });

  it('fails only the bad write of a failed batch: the others are retried alone and succeed', async () => {
    const c = controlledCommit();
    const writer = groupCommit(c.commit);
    const settled = Promise.allSettled([1, -1, 3].map((i) => writer.add(i)));
    await new Promise((r) => setImmediate(r));
    await c.finishAll();
    expect((await settled).map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('drains: resolves once every queued write settled', async () => {
    const c = controlledCommit();
    const writer = groupCommit(c.commit);
    let committed = false;
    void writer.add(1).then(() => (committed = true));
    const drained = writer.drain().then(() => committed);
    await new Promise((r) => setImmediate(r));
    await c.finishAll();
    expect(await drained).toBe(true);
  });
});

describe('SQL store under concurrent calls', () => {
  let driver: SqlDriver;
  let store: DurableStore;
  // Round trips to the database: a statement outside a transaction, or a whole transaction.
  let roundTrips = 0;
  beforeAll(async () => {
    driver = await createPgliteDriver();
    await migrate(driver);
    const counted: SqlDriver = {
      ...driver,
      query: (text, params) => {
        roundTrips += 1;
        return driver.query(text, params);
      },
      transaction: (fn) => {
        roundTrips += 1;
        return driver.transaction(fn);
      },
    };
    store = createSqlStore(counted);
  }, 60_000);
  afterAll(() => store.close());

  it('writes 50 concurrent audits and jtis in one statement, every call settled after it committed', async () => {
    roundTrips = 0;
    const events = Array.from({ length: 50 }, () => makeAudit());
    const keys = events.map(() => `iss|${randomUUID()}`);
    const inOneHour = new Date(Date.now() + 3_600_000);
    const [fresh] = await Promise.all([
      Promise.all(keys.map((k) => store.rememberJti(k, inOneHour))),
      ...events.map((e) => store.recordAudit(e)),
    ]);
    expect(fresh.every(Boolean)).toBe(true);
    expect(roundTrips).toBe(1);
    const [row] = await driver.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_card WHERE card_uuid = ANY($1::text[])',
      [events.map((e) => e.cards[0]!.uuid)],
    );
    expect(Number(row?.n)).toBe(50);
    for (const e of events) expect(await store.ruleForCard(e.cards[0]!.uuid)).toBe('ddi-warfarin-nsaid');
  });

  it('refuses a replay from the process memory without writing, and the table refuses it for another replica', async () => {
    const key = `iss|${randomUUID()}`;
    const inOneHour = new Date(Date.now() + 3_600_000);
    expect(await store.rememberJti(key, inOneHour)).toBe(true);
    roundTrips = 0;
    expect(await store.rememberJti(key, inOneHour)).toBe(false);
    expect(roundTrips).toBe(0);
    // A second store on the same database has its own (empty) memory, as another replica would.
    const otherReplica = createSqlStore(driver);
    expect(await otherReplica.rememberJti(key, inOneHour)).toBe(false);
  });

  it('keeps one call failing alone: an audit a text column refuses does not fail the calls batched with it', async () => {
    const good = makeAudit();
    const bad = makeAudit({ patientId: 'nul\u0000byte' });
    const settled = await Promise.allSettled([store.recordAudit(good), store.recordAudit(bad)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    expect(await store.ruleForCard(good.cards[0]!.uuid)).toBe('ddi-warfarin-nsaid');
  });
});
