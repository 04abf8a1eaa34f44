/**
 * The one seam between the SQL store and its two drivers (docs/architecture.md, "Storage": one schema, one migration set,
 * embedded PGlite or real PostgreSQL through `pg`). Everything above this file speaks plain Postgres SQL.
 */

/** Runs SQL on one connection or transaction. */
export interface SqlExecutor {
  /** One statement with `$n` parameters; resolves the rows. */
  query<R>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly name: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs `fn` on one dedicated connection; session-level advisory locks need that. */
  withSession<T>(fn: (session: SqlExecutor) => Promise<T>): Promise<T>;
  /** Makes every committed transaction survive a crash of this process and of the machine (best effort). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `fn` between BEGIN and COMMIT on `session`, which must be one connection nothing else writes to meanwhile;
 * ROLLBACK when `fn` throws, then rethrows.
 */
export async function inTransaction<T>(session: SqlExecutor, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  await session.exec('BEGIN');
  try {
    const result = await fn(session);
    await session.exec('COMMIT');
    return result;
  } catch (error) {
    await session.exec('ROLLBACK');
    throw error;
  }
}
