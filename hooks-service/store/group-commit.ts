/**
 * Group commit (issue 17): callers hand in one write each and await it; the writes waiting at one moment commit
 * together in one transaction. No timer: a batch starts at the next turn of the event loop when the writer is
 * idle, or as soon as the batch before it commits, so a lone call waits for nothing but its own commit and a burst
 * shares one transaction instead of queueing one each. A caller's promise settles only after its batch committed
 * (or failed): nothing is acknowledged that a crash could still lose.
 *
 * Under sustained load (the batch before held more than one write) the next batch lingers up to `lingerMs` for
 * more writes, like Postgres' commit_delay with commit_siblings: each statement has a fixed cost (about 0.2–1 ms
 * in PGlite whatever its size), and batches of two or three writes would spend most of it. A lone call never
 * lingers.
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
  /** Longest wait for more writes under load (default 0: none). */
  lingerMs?: number;
  /** Writes that end a linger at once (default 64). */
  lingerUntil?: number;
}

/** `commit(items)` writes a batch in one transaction and resolves one result per item, in order. */
export function groupCommit<T, R>(
  commit: (items: T[]) => Promise<R[]>,
  options: GroupCommitOptions = {},
): GroupCommit<T, R> {
  const maxBatch = options.maxBatch ?? 500;
  const lingerMs = options.lingerMs ?? 0;
  const lingerUntil = Math.min(options.lingerUntil ?? 64, maxBatch);
  let queue: Pending<T, R>[] = [];
  let busy = false;
  let idle: (() => void)[] = [];
  let lastBatch = 0;
  let enough: (() => void) | undefined;

  /** Resolves after `lingerMs`, or once `lingerUntil` writes are queued. */
  const linger = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        enough = undefined;
        resolve();
      }, lingerMs);
      enough = () => {
        clearTimeout(timer);
        enough = undefined;
        resolve();
      };
    });

  const settleIdle = () => {
    const waiters = idle;
    idle = [];
    for (const w of waiters) w();
  };

  async function run(): Promise<void> {
    while (queue.length > 0) {
      if (lingerMs > 0 && lastBatch > 1 && queue.length < lingerUntil) await linger();
      const batch = queue.slice(0, maxBatch);
      lastBatch = batch.length;
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
    lastBatch = 0;
    settleIdle();
  }

  return {
    add(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (enough && queue.length >= lingerUntil) enough();
        if (busy) return;
        busy = true;
        // One turn of the event loop collects every write the requests parsed in this turn are making.
        setImmediate(() => void run());
      });
    },
    drain: () => (busy ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve()),
  };
}
