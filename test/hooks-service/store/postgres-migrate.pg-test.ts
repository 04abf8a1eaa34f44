import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../hooks-service/store/migrate.ts';
import { createPgDriver } from '../../../hooks-service/store/pg-driver.ts';
import { requireDatabaseUrl, urlWithSchema } from './pg-env.ts';

const databaseUrl = requireDatabaseUrl();
const schema = `migrate_${randomUUID().replaceAll('-', '')}`;
const admin = createPgDriver({ connectionString: databaseUrl, max: 1 });

afterAll(async () => {
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
});

describe('migrations on PostgreSQL', () => {
  it('apply exactly once when several replicas start at the same moment', async () => {
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const replicas = Array.from({ length: 4 }, () =>
      createPgDriver({ connectionString: urlWithSchema(databaseUrl, schema), max: 2 }),
    );
    try {
      const applied = await Promise.all(replicas.map((driver) => migrate(driver)));
      expect(applied.flat()).toEqual([1]);
      const ledger = await admin.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations`);
      expect(ledger).toEqual([{ version: 1 }]);
      const tables = await admin.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      );
      expect(tables.map((row) => row.table_name)).toEqual([
        'audit_card',
        'audit_event',
        'feedback',
        'jti_seen',
        'schema_migrations',
      ]);
    } finally {
      await Promise.all(replicas.map((driver) => driver.close()));
    }
  });
});
