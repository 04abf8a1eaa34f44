/** Applies pending migrations; safe when several replicas start at once against one Postgres. */
import { migrations as defaultMigrations, type Migration } from './migrations/index.ts';
import { inTransaction, type SqlDriver, type SqlExecutor } from './sql-driver.ts';

/** Advisory lock key for migrations ("cairn" + 1); any constant shared by all replicas works. */
const MIGRATION_LOCK = 4_220_470_001;

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function applyPending(session: SqlExecutor, migrations: readonly Migration[]): Promise<number[]> {
  await session.exec(CREATE_LEDGER);
  const rows = await session.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((row) => Number(row.version)));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    // Each migration and its ledger row commit together, so a crash never leaves one without the other.
    await inTransaction(session, async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
    applied.push(migration.version);
  }
  return applied;
}

/**
 * Runs pending migrations under a session-level advisory lock: a second replica starting at the same moment
 * waits for the first, then finds nothing left to do. Resolves the versions this call applied.
 */
export function migrate(driver: SqlDriver, migrations: readonly Migration[] = defaultMigrations): Promise<number[]> {
  return driver.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}
