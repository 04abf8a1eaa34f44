/** PostgreSQL through a `pg` connection pool: the multi-replica driver (DATABASE_URL). */
import pg from 'pg';
import { inTransaction, type SqlDriver, type SqlExecutor } from './sql-driver.ts';

function executorOf(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, [...params]);
      return result.rows as R[];
    },
    async exec(text: string) {
      // Without parameters `pg` uses the simple query protocol, which accepts several statements.
      await client.query(text);
    },
  };
}

export interface PgDriverOptions {
  connectionString: string;
  /** Pool size per replica; a hook call needs at most one connection at a time. */
  max?: number;
  connectTimeoutMs?: number;
}

/** Opens a pool; no connection is made until the first query. */
export function createPgDriver(options: PgDriverOptions): SqlDriver {
  // A bounded connect lets readiness and hook calls fail fast while the database is unreachable.
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const base = executorOf(pool);

  async function withSession<T>(fn: (session: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      return await fn(executorOf(client));
    } catch (error) {
      // A failed session may hold an aborted transaction or a dead socket: never hand it back to the pool.
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    name: 'postgres',
    ...base,
    withSession,
    transaction: (fn) => withSession((session) => inTransaction(session, fn)),
    // With synchronous_commit on (the server default) COMMIT returns only after the WAL is flushed to disk.
    flush: async () => undefined,
    close: () => pool.end(),
  };
}
