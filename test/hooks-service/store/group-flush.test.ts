import { describe, expect, it, vi } from 'vitest';
import { groupFlushes } from '../../../hooks-service/store/group-flush.ts';
import { startJtiSweeper } from '../../../hooks-service/store/jti-sweeper.ts';

function controlledFlush() {
  const pending: (() => void)[] = [];
  let started = 0;
  const flushOnce = () =>
    new Promise<void>((resolve) => {
      started += 1;
      pending.push(resolve);
    });
  return { flushOnce, started: () => started, finish: () => pending.shift()?.() };
}

describe('grouped flushes', () => {
  it('runs one flush for a caller when none is running', async () => {
    const f = controlledFlush();
    const flush = groupFlushes(f.flushOnce);
    const done = flush();
    f.finish();
    await done;
    expect(f.started()).toBe(1);
  });

  it('makes callers arriving during a flush share one later flush, not the running one', async () => {
    const f = controlledFlush();
    const flush = groupFlushes(f.flushOnce);
    const first = flush();
    let laterDone = false;
    const later = Promise.all([flush(), flush(), flush()]).then(() => (laterDone = true));
    f.finish();
    await first;
    await vi.waitFor(() => expect(f.started()).toBe(2));
    expect(laterDone).toBe(false);
    f.finish();
    await later;
    expect(f.started()).toBe(2);
  });

  it('still flushes for later callers after a flush failed', async () => {
    let calls = 0;
    const flush = groupFlushes(async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
    });
    const first = flush();
    const second = flush();
    await expect(first).rejects.toThrow('disk full');
    await expect(second).resolves.toBeUndefined();
  });
});

describe('jti sweeper', () => {
  it('purges on demand and on its timer', async () => {
    let purges = 0;
    const sweeper = startJtiSweeper({ purgeExpiredJti: async () => ((purges += 1), 3) }, { intervalMs: 10 });
    expect(await sweeper.sweep()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sweeper.stop();
    expect(purges).toBeGreaterThan(1);
  });

  it('reports a failed sweep instead of throwing', async () => {
    const errors: unknown[] = [];
    const sweeper = startJtiSweeper(
      { purgeExpiredJti: () => Promise.reject(new Error('db down')) },
      { intervalMs: 5, onError: (e) => errors.push(e) },
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    sweeper.stop();
    expect(errors.length).toBeGreaterThan(0);
  });
});
