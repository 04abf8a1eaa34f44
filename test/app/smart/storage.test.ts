// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSmartApi } from '../../../src/app/smart/smart-api';
import { MemoryStorage, SessionStateStorage, createStateStorage } from '../../../src/app/smart/storage';
import { startLaunch } from '../../../launch/start-launch';

const throwingStorage = () => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

afterEach(() => vi.unstubAllGlobals());

describe('launch state storage', () => {
  it('uses sessionStorage when it works', async () => {
    const { storage, kind } = createStateStorage();
    expect(kind).toBe('session');
    await storage.set('k', { a: 1 });
    expect(JSON.parse(sessionStorage.getItem('k') ?? 'null')).toEqual({ a: 1 });
    expect(await storage.unset('k')).toBe(true);
  });

  it('falls back to memory when sessionStorage throws (sandboxed iframe)', async () => {
    const { storage, kind } = createStateStorage(throwingStorage);
    expect(kind).toBe('memory');
    expect(storage).toBeInstanceOf(MemoryStorage);
    await storage.set('state', { serverUrl: 'https://fhir.example.org' });
    expect(await storage.get('state')).toEqual({ serverUrl: 'https://fhir.example.org' });
    expect(await storage.get('missing')).toBeNull();
  });

  it('lets fhirclient complete a launch in memory when sessionStorage is blocked', async () => {
    vi.stubGlobal('sessionStorage', new Proxy({}, { get: throwingStorage, set: throwingStorage }));
    let redirectedTo = '';
    const launch = createSmartApi({
      url: 'https://app.example.org/launch',
      redirect: (to) => void (redirectedTo = to),
    });
    expect(launch.storageKind).toBe('memory');
    // fhirServiceUrl = an open server: fhirclient stores the state and redirects without OAuth.
    await launch.authorize({ fhirServiceUrl: 'https://fhir.example.org/r4', patientId: 'p1', redirectUri: '/app/' });
    expect(redirectedTo).toMatch(/^https:\/\/app\.example\.org\/app\/\?state=/);
  });

  it('stops the launch with a clear screen before a redirect that would lose the state', async () => {
    vi.stubGlobal('sessionStorage', new Proxy({}, { get: throwingStorage, set: throwingStorage }));
    const url = 'https://app.example.org/launch?iss=https%3A%2F%2Ffhir.example.org&launch=abc';
    let redirected = false;
    const smart = createSmartApi({ url, redirect: () => void (redirected = true) });
    expect(await startLaunch({ url, smart })).toEqual({ kind: 'storage-blocked', url });
    expect(redirected).toBe(false);
  });

  it('explains a lost launch state instead of failing silently', async () => {
    vi.stubGlobal('sessionStorage', new Proxy({}, { get: throwingStorage, set: throwingStorage }));
    const app = createSmartApi({ url: new URL('/app/?state=abc&code=xyz', location.href).href });
    await expect(app.ready()).rejects.toThrow(/No state found/);
  });
});

describe('two app instances sharing one sessionStorage (Oracle Health embedded browsers)', () => {
  it("keep each launch apart through real fhirclient, so neither window can load the other patient's launch", async () => {
    const shared = new Map<string, string>();
    const store = {
      getItem: (k: string) => shared.get(k) ?? null,
      setItem: (k: string, v: string) => void shared.set(k, v),
      removeItem: (k: string) => void shared.delete(k),
      clear: () => shared.clear(),
      key: () => null,
      length: 0,
    } as Storage;
    const storage = new SessionStateStorage(store);
    // Two launches, one after the other, into one storage (fhirServiceUrl = an open server: no OAuth round trip).
    const redirects: Record<string, string> = {};
    for (const patientId of ['patient-A', 'patient-B']) {
      const launch = createSmartApi({
        url: new URL('/launch', location.href).href,
        storage,
        redirect: (to) => void (redirects[patientId] = to),
      });
      await launch.authorize({ fhirServiceUrl: 'https://fhir.example.org/r4', patientId, redirectUri: '/app/' });
    }
    // Each window lands on its own redirect, and again on a reload (the state stays in its URL, not in the storage).
    for (const patientId of ['patient-A', 'patient-B', 'patient-A']) {
      const client = await createSmartApi({ url: redirects[patientId], storage }).ready();
      expect(client.patient.id).toBe(patientId);
      expect(new URL(location.href).searchParams.get('state')).toBe(
        new URL(redirects[patientId] ?? '').searchParams.get('state'),
      );
    }
    // No shared "current launch" pointer is written that a later launch could take over.
    expect(shared.has('SMART_KEY')).toBe(false);
  });
});
