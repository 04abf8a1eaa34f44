import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../hooks-service/store/create-store.ts';
import { createThreadedPgliteDriver, startWorker } from '../../../hooks-service/store/pglite-thread.ts';
import type { Worker } from 'node:worker_threads';
import type { SqlDriver } from '../../../hooks-service/store/sql-driver.ts';
import { describeSharedStoreContracts } from './store-contract.ts';

// The default with CAIRN_DATA_DIR: PGlite on disk, owned by a worker thread. One database for the file.
const dataDir = mkdtempSync(join(tmpdir(), 'cairn-pglite-thread-'));
const openShared = describeSharedStoreContracts(
  'PGlite in a worker thread',
  () => createStore({ kind: 'pglite', dataDir }, { jtiSweepMs: 0 }),
  () => rmSync(dataDir, { recursive: true, force: true }),
);

describe('the threaded PGlite driver', () => {
  // One more database for the driver-level cases, each in its own table (creating a cluster costs seconds).
  const dir = mkdtempSync(join(tmpdir(), 'cairn-pglite-thread-driver-'));
  let driver: SqlDriver;
  beforeAll(async () => {
    driver = await createThreadedPgliteDriver(dir);
  }, 60_000);
  afterAll(async () => {
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls a failed transaction back and reports the SQLSTATE of the error', async () => {
    await driver.exec('CREATE TABLE t1 (id int PRIMARY KEY)');
    const failed = driver.transaction(async (tx) => {
      await tx.query('INSERT INTO t1 VALUES ($1)', [1]);
      await tx.query('INSERT INTO t1 VALUES ($1)', [1]);
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await driver.query('SELECT id FROM t1')).toEqual([]);
  });

  it('keeps statements of other callers out of an open transaction', async () => {
    await driver.exec('CREATE TABLE t2 (id int)');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = driver.transaction(async (t) => {
      await t.query('INSERT INTO t2 VALUES (1)');
      await held;
      throw new Error('abandon');
    });
    // Posted while the transaction is open: it must run after the ROLLBACK, not inside the transaction.
    const outside = driver.query('INSERT INTO t2 VALUES (2)');
    release();
    await expect(tx).rejects.toThrow('abandon');
    await outside;
    expect(await driver.query('SELECT id FROM t2')).toEqual([{ id: 2 }]);
  });

  it('refuses a second driver on a directory in use (the directory lock)', async () => {
    await openShared();
    await expect(createThreadedPgliteDriver(join(dataDir, 'pglite'))).rejects.toThrow();
  });

  it('fails calls while its worker is dead, then starts a new one on the same data and answers again', async () => {
    const crashDir = mkdtempSync(join(tmpdir(), 'cairn-pglite-thread-crash-'));
    const workers: Worker[] = [];
    const crashing = await createThreadedPgliteDriver(crashDir, {
      startWorker: (dir) => {
        const worker = startWorker(dir);
        workers.push(worker);
        return worker;
      },
      respawnMs: 50,
    });
    try {
      await crashing.exec('CREATE TABLE kept (id int)');
      await crashing.query('INSERT INTO kept VALUES (1)');
      await workers[0]?.terminate(); // as a WebAssembly abort would end it
      await expect(crashing.query('SELECT id FROM kept')).rejects.toThrow(/worker exited/);
      await expect
        .poll(() => crashing.query('SELECT id FROM kept').catch(() => 'down'), { timeout: 30_000 })
        .toEqual([{ id: 1 }]);
      expect(workers).toHaveLength(2);
    } finally {
      await crashing.close();
      rmSync(crashDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects a statement once its worker is gone instead of leaving the caller waiting', async () => {
    const goneDir = mkdtempSync(join(tmpdir(), 'cairn-pglite-thread-gone-'));
    const closing = await createThreadedPgliteDriver(goneDir);
    await closing.close();
    await expect(closing.query('SELECT 1')).rejects.toThrow(/worker exited/);
    rmSync(goneDir, { recursive: true, force: true });
  }, 60_000);
});
