/** Embedded Postgres (PGlite, WASM) in CAIRN_DATA_DIR: the single-process default driver. */
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDirectory } from './dir-lock.ts';
import { groupFlushes } from './group-flush.ts';
import type { SqlDriver, SqlExecutor } from './sql-driver.ts';

interface PgliteLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(text: string): Promise<unknown>;
}

function executorOf(db: PgliteLike): SqlExecutor {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await db.query<R>(text, [...params])).rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
  };
}

/**
 * Forces the write-ahead log to disk. PGlite starts Postgres with `-F` (fsync off) and Emscripten's NODEFS has
 * no fsync operation, so a COMMIT only reaches the OS page cache: that survives `kill -9` but not a power cut.
 * The WAL holds every committed transaction (synchronous_commit is on), so fsyncing its segment files and their
 * directory is enough for crash recovery to replay them. Async (libuv thread pool) so hook calls are not blocked.
 */
export async function fsyncWal(dataDir: string): Promise<void> {
  const walDir = join(dataDir, 'pg_wal');
  const entries = await readdir(walDir, { withFileTypes: true });
  await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => fsyncPath(join(walDir, entry.name))));
  await fsyncPath(walDir);
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Opens (creating when absent) a PGlite database in `dataDir`, or in memory when `dataDir` is undefined. */
export async function createPgliteDriver(dataDir?: string): Promise<SqlDriver> {
  const unlock = dataDir === undefined ? () => undefined : await lockDirectory(dataDir);
  // relaxedDurability false: queries resolve only after PGlite has written to its filesystem (PGlite docs).
  const db = await PGlite.create(dataDir ?? 'memory://', { relaxedDurability: false }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const base = executorOf(db);
  return {
    name: 'pglite',
    ...base,
    transaction: (fn) => db.transaction((tx) => fn(executorOf(tx))),
    // PGlite is one session; everything already runs on it, one query at a time.
    withSession: (fn) => fn(base),
    flush: dataDir === undefined ? async () => undefined : groupFlushes(() => fsyncWal(dataDir)),
    close: async () => {
      await db.close();
      unlock();
    },
  };
}
