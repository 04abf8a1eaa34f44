/**
 * One process per PGlite data directory. PGlite is Postgres in single-user mode inside this process: a second
 * process opening the same files would corrupt them, so it must fail at start instead.
 *
 * The lock is a lease, not a process id. Process ids say nothing across containers (two containers sharing a
 * volume both run as PID 1, so "is PID 1 alive?" is always yes for the wrong reason, or no for the wrong reason).
 * The holder writes a random owner token into `cairn.lock` and renews the file's modification time every
 * `heartbeatMs`. A process finding the file watches it for a few heartbeats: renewed = held (it fails at start);
 * not renewed, or last renewed longer than `leaseMs` ago = its holder died (kill -9, crash, lost node) and the
 * lock is taken over, so a restart after a crash waits a couple of seconds and just works. An OS-level lock (flock) would be
 * simpler but Node has no binding for it, and on network volumes it is not reliable either. A holder that finds
 * another token in the file (a takeover after it stalled past the lease) stops renewing and reports it.
 * Watching for renewal needs no shared clock; only the `leaseMs` shortcut assumes clocks within a few seconds.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'cairn.lock';

export interface LockOptions {
  heartbeatMs?: number;
  leaseMs?: number;
  now?: () => number;
  /** Called once if another process took the lock over (this one stalled past the lease). */
  onLost?: () => void;
}

const DEFAULT_HEARTBEAT_MS = 1_000;
const DEFAULT_LEASE_MS = 15_000;
/** Heartbeats a contender watches for a renewal before it calls the holder dead. */
const MISSED_BEATS = 2.5;

function tryCreate(path: string, token: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, JSON.stringify({ owner: token, pid: process.pid }));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function ownerOf(path: string): string | undefined {
  try {
    const owner = (JSON.parse(readFileSync(path, 'utf8')) as { owner?: unknown }).owner;
    return typeof owner === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

const mtimeOf = (path: string): number | undefined => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

/** True when the lock at `path` is renewed while we watch (or was renewed within the lease, for the shortcut). */
async function isRenewed(
  path: string,
  o: { heartbeatMs: number; leaseMs: number; now: () => number },
): Promise<boolean> {
  const first = mtimeOf(path);
  if (first === undefined || o.now() - first >= o.leaseMs) return false;
  const deadline = o.now() + o.heartbeatMs * MISSED_BEATS;
  while (o.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.max(10, o.heartbeatMs / 4)));
    const current = mtimeOf(path);
    if (current === undefined) return false;
    if (current !== first) return true;
  }
  return false;
}

/**
 * Moves a lapsed lock aside atomically (only one contender's rename can succeed) and checks that what moved is
 * still the lock we watched lapse, not one a faster contender created meanwhile (that one is put back).
 */
function takeOverLapsed(path: string, watchedMtime: number | undefined): void {
  const aside = `${path}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  if (mtimeOf(aside) !== watchedMtime) renameSync(aside, path);
  else rmSync(aside, { force: true });
}

function startHeartbeat(
  path: string,
  token: string,
  o: Required<Omit<LockOptions, 'onLost'>> & Pick<LockOptions, 'onLost'>,
): NodeJS.Timeout {
  const timer = setInterval(() => {
    if (ownerOf(path) !== token) {
      clearInterval(timer);
      o.onLost?.();
      return;
    }
    const at = new Date(o.now());
    utimesSync(path, at, at);
  }, o.heartbeatMs);
  timer.unref();
  return timer;
}

/** Takes the directory's lock, or throws while another process renews it; resolves the release function. */
export async function lockDirectory(dir: string, options: LockOptions = {}): Promise<() => void> {
  const o = { heartbeatMs: DEFAULT_HEARTBEAT_MS, leaseMs: DEFAULT_LEASE_MS, now: Date.now, ...options };
  const path = join(dir, LOCK_FILE);
  const token = randomUUID();
  if (!tryCreate(path, token)) {
    if (await isRenewed(path, o)) {
      throw new Error(
        'data directory is in use by another process (its lock is being renewed); use DATABASE_URL to share a store',
      );
    }
    takeOverLapsed(path, mtimeOf(path));
    if (!tryCreate(path, token)) throw new Error('data directory lock was taken concurrently by another process');
  }
  const timer = startHeartbeat(path, token, o);
  return () => {
    clearInterval(timer);
    if (ownerOf(path) === token) rmSync(path, { force: true });
  };
}
