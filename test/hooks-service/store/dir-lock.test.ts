import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDirectory } from '../../../hooks-service/store/dir-lock.ts';

let dir: string;
const releases: (() => void)[] = [];
afterEach(() => {
  for (const release of releases.splice(0)) release();
  rmSync(dir, { recursive: true, force: true });
});
const freshDir = () => (dir = mkdtempSync(join(tmpdir(), 'cairn-lock-')));
const lockFile = () => join(dir, 'cairn.lock');
const take = async (options?: Parameters<typeof lockDirectory>[1]) => {
  const release = await lockDirectory(dir, options);
  releases.push(release);
  return release;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PGlite data directory lock (a renewed lease, not a process id)', () => {
  it('refuses a second holder while the first renews its lease', async () => {
    freshDir();
    await take({ heartbeatMs: 20, leaseMs: 200 });
    await sleep(300);
    await expect(lockDirectory(dir, { heartbeatMs: 20, leaseMs: 200 })).rejects.toThrow(/in use by another process/);
  });

  it('takes over a lock nobody renews — e.g. one left by "PID 1" of a container that died — whatever PID this process has', async () => {
    writeFileSync(join(freshDir(), 'cairn.lock'), JSON.stringify({ owner: 'other-container', pid: 1 }));
    const started = Date.now();
    await take({ heartbeatMs: 40, leaseMs: 60_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90); // watched ~2.5 heartbeats for a renewal first
    expect(readFileSync(lockFile(), 'utf8')).not.toContain('other-container');
  });

  it('refuses a lock another container renews, though both are PID 1 and pids are never compared', async () => {
    writeFileSync(join(freshDir(), 'cairn.lock'), JSON.stringify({ owner: 'other-container', pid: 1 }));
    const renew = setInterval(() => {
      const now = new Date();
      utimesSync(lockFile(), now, now);
    }, 20);
    try {
      await expect(lockDirectory(dir, { heartbeatMs: 40 })).rejects.toThrow(/in use by another process/);
    } finally {
      clearInterval(renew);
    }
  });

  it('takes over at once a lock last renewed longer ago than the lease', async () => {
    writeFileSync(join(freshDir(), 'cairn.lock'), String(process.pid)); // the old format: a bare pid
    const past = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), past, past);
    const started = Date.now();
    await take({ heartbeatMs: 10_000, leaseMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a lost lock to a holder that stalled past its lease', async () => {
    freshDir();
    let lost = false;
    await take({
      heartbeatMs: 30,
      leaseMs: 100_000,
      onLost: () => {
        lost = true;
      },
    });
    writeFileSync(lockFile(), JSON.stringify({ owner: 'someone-else' }));
    await sleep(120);
    expect(lost).toBe(true);
  });

  it("can be taken again at once after release, and a release never removes another holder's lock", async () => {
    (await lockDirectory(freshDir()))();
    const release = await take();
    writeFileSync(lockFile(), JSON.stringify({ owner: 'someone-else' }));
    release();
    expect(readFileSync(lockFile(), 'utf8')).toContain('someone-else');
  });
});
