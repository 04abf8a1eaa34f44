/**
 * Store factory (docs/architecture.md, "Storage"): DATABASE_URL → PostgreSQL through `pg` (several replicas share it);
 * otherwise embedded PGlite in CAIRN_DATA_DIR (default ./data). Migrations run before the store is returned.
 */
import { mkdirSync } from 'node:fs';
import { readEnv, type RawEnv } from '../env.ts';
import { join, resolve } from 'node:path';
import { migrate } from './migrate.ts';
import { createPgDriver } from './pg-driver.ts';
import { createPgliteDriver } from './pglite-driver.ts';
import { createThreadedPgliteDriver } from './pglite-thread.ts';
import type { SqlDriver } from './sql-driver.ts';
import { createSqlStore } from './sql-store.ts';
import { startJtiSweeper } from './jti-sweeper.ts';
import type { DurableStore } from './types.ts';

export type StoreConfig =
  | { kind: 'postgres'; databaseUrl: string; poolSize?: number }
  /**
   * `dataDir` undefined = in memory (tests). `thread` (default: on with a `dataDir`) runs PGlite in a worker thread,
   * off the event loop (pglite-thread.ts).
   */
  | { kind: 'pglite'; dataDir?: string; thread?: boolean };

export interface StoreOptions {
  now?: () => Date;
  /** How often expired jti rows are removed (ms); 0 disables the timer. Default 10 minutes. */
  jtiSweepMs?: number;
  onSweepError?: (error: unknown) => void;
  /** Readiness probe budget (ms), default 2000. */
  readyTimeoutMs?: number;
}

/** Reads the storage part of the environment (env.ts): DATABASE_URL, else CAIRN_DATA_DIR. */
export function storeConfigFromEnv(env: RawEnv): StoreConfig {
  const e = readEnv(env);
  return e.DATABASE_URL !== undefined
    ? { kind: 'postgres', databaseUrl: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: e.CAIRN_DATA_DIR };
}

async function openDriver(config: StoreConfig): Promise<SqlDriver> {
  switch (config.kind) {
    case 'postgres':
      return createPgDriver({ connectionString: config.databaseUrl, max: config.poolSize });
    case 'pglite': {
      if (config.dataDir === undefined) return createPgliteDriver();
      // PGlite keeps its cluster in a sub-directory so CAIRN_DATA_DIR can also hold the demo's keys.
      const dir = join(resolve(config.dataDir), 'pglite');
      mkdirSync(dir, { recursive: true });
      return (config.thread ?? true) ? createThreadedPgliteDriver(dir) : createPgliteDriver(dir);
    }
  }
}

/** Opens the configured driver, migrates, and starts the jti sweeper; `close()` stops both. */
export async function createStore(config: StoreConfig, options: StoreOptions = {}): Promise<DurableStore> {
  const driver = await openDriver(config);
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close();
    throw error;
  }
  const store = createSqlStore(driver, { now: options.now, readyTimeoutMs: options.readyTimeoutMs });
  const sweepMs = options.jtiSweepMs ?? 600_000;
  const sweeper =
    sweepMs > 0 ? startJtiSweeper(store, { intervalMs: sweepMs, onError: options.onSweepError }) : undefined;
  return {
    ...store,
    close: async () => {
      sweeper?.stop();
      await store.close();
    },
  };
}
