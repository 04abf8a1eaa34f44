import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../hooks-service/store/migrate.ts';
import { createPgliteDriver } from '../../../hooks-service/store/pglite-driver.ts';
import { hookRequest, loadFixture, prefetchFor } from '../support/synthea.ts';
import { figures, FOUND_AUDIT_SQL, FOUND_SQL, loadThenKill, type MakeRequest } from './durability.ts';
import { startServiceProcess } from './service-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cairn-durability-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' };

describe('service durability on embedded PGlite', () => {
  it('keeps every acknowledged feedback after kill -9 and starts again on the same data', async () => {
    const { acked, ms } = await loadThenKill(await startServiceProcess(env), 1_500);
    expect(acked.length).toBeGreaterThan(10);

    // Restart as an operator would (the dead process's directory lock is taken over, the WAL replayed).
    const restarted = await startServiceProcess(env);
    await restarted.stop();
    const driver = await createPgliteDriver(join(dataDir, 'pglite'));
    expect(await migrate(driver)).toEqual([]);
    const [row] = await driver.query<{ found: number }>(FOUND_SQL, [acked]);
    await driver.close();
    const result = figures(acked, Number(row?.found), ms);
    console.info('PGlite service durability', JSON.stringify(result));
    expect(result.found).toBe(result.acknowledged);
  }, 120_000);

  it('keeps the audit of every answered hook call after kill -9 (a response is sent after its audit commits)', async () => {
    const fx = loadFixture('af-warfarin-naproxen-9de30b5a.json');
    const prefetch = prefetchFor(fx);
    const hookCall: MakeRequest = () => {
      const body = hookRequest('patient-view', fx, { prefetch });
      return { path: '/cds-services/cairn-patient-view', body, id: body.hookInstance as string };
    };
    const { acked, ms } = await loadThenKill(await startServiceProcess(env), 2_500, 16, hookCall);
    // A hook call costs far more than a feedback post; on a loaded machine a handful are answered.
    expect(acked.length).toBeGreaterThan(2);
    const driver = await createPgliteDriver(join(dataDir, 'pglite'));
    const [row] = await driver.query<{ found: number }>(FOUND_AUDIT_SQL, [acked]);
    await driver.close();
    const result = figures(acked, Number(row?.found), ms);
    console.info('PGlite audit durability', JSON.stringify(result));
    expect(result.found).toBe(result.acknowledged);
  }, 120_000);
});
