import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDriver } from '../../../hooks-service/store/pg-driver.ts';
import { figures, FOUND_SQL, loadThenKill } from './durability.ts';
import { requireDatabaseUrl, urlWithSchema } from './pg-env.ts';
import { startServiceProcess } from './service-process.ts';

const databaseUrl = requireDatabaseUrl();
const schema = `durability_${randomUUID().replaceAll('-', '')}`;
const admin = createPgDriver({ connectionString: databaseUrl, max: 1 });
beforeAll(() => admin.exec(`CREATE SCHEMA ${schema}`));
afterAll(async () => {
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
});

describe('service durability on PostgreSQL', () => {
  it('keeps every acknowledged feedback after kill -9 and starts again on the same database', async () => {
    const env = { DATABASE_URL: urlWithSchema(databaseUrl, schema) };
    const { acked, ms } = await loadThenKill(await startServiceProcess(env), 2_000);
    expect(acked.length).toBeGreaterThan(10);
    const restarted = await startServiceProcess(env);
    await restarted.stop();
    const [row] = await admin.query<{ found: number }>(FOUND_SQL.replace('FROM feedback', `FROM ${schema}.feedback`), [
      acked,
    ]);
    const result = figures(acked, Number(row?.found), ms);
    console.info('PostgreSQL service durability', JSON.stringify(result));
    expect(result.found).toBe(result.acknowledged);
  }, 120_000);
});
