/**
 * Group commit (issue 17): callers hand in one write each and await it; the writes waiting at one moment commit
 * together in one transaction. No timer: a batch starts at the next turn of the event loop when the writer is
 * idle, or as soon as the batch before it commits, so a lone call waits for nothing but its own commit and a burst
 * shares one transaction instead of queueing one each. A caller's promise settles only after its batch committed
 * (or failed): nothing is acknowledged that a crash could still lose.
 */

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit<T, R> {
  /** Queues `item`; resolves its result once the batch holding it committed, rejects when that batch failed. */
  add(item: T): Promise<R>;
  /** Resolves when every write queued so far has settled (shutdown). */
  drain(): Promise<void>;
}

export interface GroupCommitOptions {
  /** Most writes in one batch, bounding one statement's size (default 500). */
  maxBatch?: number;
}

/** `commit(items)` writes a batch in one transaction and resolves one result per item, in order. */
export function groupCommit<T, R>(
  commit: (items: T[]) => Promise<R[]>,
  options: GroupCommitOptions = {},
): GroupCommit<T, R> {
  const maxBatch = options.maxBatch ?? 500;
  let queue: Pending<T, R>[] = [];
  let busy = false;
  let idle: (() => void)[] = [];

  const settleIdle = () => {
    const waiters = idle;
    idle = [];
    for (const w of waiters) w();
  };

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await commit(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i] as R));
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        // One bad write (say a NUL byte a text column refuses) must not fail the calls it happened to share a
        // transaction with: each is retried alone, so only the bad one fails.
        else for (const p of batch) await commit([p.item]).then(([r]) => p.resolve(r as R), p.reject);
      }
    }
    busy = false;
    settleIdle();
  }

  return {
    add(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (busy) return;
        busy = true;
        // One turn of the event loop collects every write the requests parsed in this turn are making.
        setImmediate(() => void run());
      });
    },
    drain: () => (busy ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve()),
  };
}
