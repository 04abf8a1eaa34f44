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
 * fhirclient remembers "the current launch" under one fixed key, SMART_KEY, and a new launch deletes the state
 * that key points to. Embedded browsers (Oracle Health) may share one sessionStorage between app instances, so
 * a second launch for another patient would take over the first window's pointer: on its next load that window
 * would read the other patient's launch. The pointer is therefore kept per browsing context; each launch's own
 * state already lives under its random state key.
 */
const SMART_KEY = 'SMART_KEY';

/** sessionStorage-backed storage, the same format fhirclient's BrowserStorage writes, the pointer kept per `scope`. */
export class SessionStateStorage implements StateStorage {
  constructor(private readonly store: Storage, private readonly scope = '') {}

  private keyOf(key: string): string {
    return key === SMART_KEY && this.scope !== '' ? `${SMART_KEY}:${this.scope}` : key;
  }

  async get(key: string): Promise<unknown> {
    const value = this.store.getItem(this.keyOf(key));
    return value ? (JSON.parse(value) as unknown) : null;
  }

  async set(key: string, value: unknown): Promise<unknown> {
    this.store.setItem(this.keyOf(key), JSON.stringify(value));
    return value;
  }

  async unset(key: string): Promise<boolean> {
    const had = this.store.getItem(this.keyOf(key)) !== null;
    this.store.removeItem(this.keyOf(key));
    return had;
  }
}

/**
 * A name for this browsing context that survives the redirect to the authorization server and back, and
 * reloads, but is not shared with another window or frame: `window.name`, set once to a random value when
 * empty (a name the EHR gave its frame is kept: other windows may target the frame by it).
 */
export function browsingContextScope(win: { name: string } | undefined = globalThis as unknown as { name: string }): string {
  try {
    if (!win) return '';
    if (win.name === '') win.name = `cairn-${crypto.randomUUID()}`;
    return win.name;
  } catch {
    return '';
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
export function createStateStorage(getStore?: () => Storage, scope: () => string = browsingContextScope): { storage: StateStorage; kind: 'session' | 'memory' } {
  const store = probeSessionStorage(getStore);
  return store ? { storage: new SessionStateStorage(store, scope()), kind: 'session' } : { storage: new MemoryStorage(), kind: 'memory' };
}
