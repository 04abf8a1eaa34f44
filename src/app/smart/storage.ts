/**
 * Storage for fhirclient's launch state. fhirclient keeps it in sessionStorage; inside a sandboxed EHR iframe
 * (no `allow-same-origin`) or with storage disabled, touching sessionStorage throws. Then we keep the state in
 * memory: a launch that completes without leaving the page still works, and a launch that needed the redirect
 * fails with fhirclient's "No state found" error, which the app shows as a relaunch screen instead of a blank frame.
 */

/** The shape fhirclient expects (fhirclient.Storage). */
export interface StateStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
  unset(key: string): Promise<boolean>;
}

/** In-memory storage: lives as long as the page. */
export class MemoryStorage implements StateStorage {
  private readonly items = new Map<string, string>();

  async get(key: string): Promise<unknown> {
    const value = this.items.get(key);
    return value === undefined ? null : (JSON.parse(value) as unknown);
  }

  async set(key: string, value: unknown): Promise<unknown> {
    this.items.set(key, JSON.stringify(value));
    return value;
  }

  async unset(key: string): Promise<boolean> {
    return this.items.delete(key);
  }
}

/**
 * sessionStorage-backed storage, in the format fhirclient's BrowserStorage writes. Each launch's state lives under its
 * own random key, named by the `state` in its window's URL (smart-api.ts), so app instances sharing one
 * sessionStorage never read each other's launch.
 */
export class SessionStateStorage implements StateStorage {
  constructor(private readonly store: Storage) {}

  async get(key: string): Promise<unknown> {
    const value = this.store.getItem(key);
    return value ? (JSON.parse(value) as unknown) : null;
  }

  async set(key: string, value: unknown): Promise<unknown> {
    this.store.setItem(key, JSON.stringify(value));
    return value;
  }

  async unset(key: string): Promise<boolean> {
    const had = this.store.getItem(key) !== null;
    this.store.removeItem(key);
    return had;
  }
}

/** A usable sessionStorage, or undefined when reading or writing it throws (sandboxed frame, disabled storage). */
export function probeSessionStorage(getStore: () => Storage = () => globalThis.sessionStorage): Storage | undefined {
  try {
    const store = getStore();
    const probe = '__cairn_probe__';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return undefined;
  }
}

/** sessionStorage when it works, memory otherwise; `kind` lets the app explain a failed relaunch. */
export function createStateStorage(getStore?: () => Storage): { storage: StateStorage; kind: 'session' | 'memory' } {
  const store = probeSessionStorage(getStore);
  return store
    ? { storage: new SessionStateStorage(store), kind: 'session' }
    : { storage: new MemoryStorage(), kind: 'memory' };
}
