import { describe, expect, it } from 'vitest';
import { createPgDriver } from '../../../hooks-service/store/pg-driver.ts';
import type { SqlDriver } from '../../../hooks-service/store/sql-driver.ts';
import { createSqlStore } from '../../../hooks-service/store/sql-store.ts';

const fakeDriver = (query: () => Promise<never[]>): SqlDriver => ({
  name: 'postgres',
  query,
  exec: async () => undefined,
  transaction: async () => {
    throw new Error('unused');
  },
  withSession: async () => {
    throw new Error('unused');
  },
  flush: async () => undefined,
  close: async () => undefined,
});

describe('store readiness', () => {
  it('is not ready when the database refuses the probe', async () => {
    const store = createSqlStore(fakeDriver(() => Promise.reject(new Error('connection refused'))));
    expect(await store.isReady()).toBe(false);
  });

  it('is not ready when the database does not answer within the budget', async () => {
    const store = createSqlStore(
      fakeDriver(() => new Promise<never[]>(() => undefined)),
      { readyTimeoutMs: 20 },
    );
    expect(await store.isReady()).toBe(false);
  });

  it('is not ready when Postgres is unreachable, without waiting for a TCP timeout', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const driver = createPgDriver({
      connectionString: 'postgres://cairn:x@127.0.0.1:1/cairn',
      connectTimeoutMs: 1_000,
    });
    const started = Date.now();
    expect(await createSqlStore(driver).isReady()).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_500);
    await driver.close();
  });
});
