/** Fetches the FHIR server's SMART configuration before authorizing: the scopes we ask for depend on it. */
import { parseSmartConfiguration, type SmartConfiguration } from './scopes';

export type DiscoveryResult =
  { ok: true; config: SmartConfiguration } | { ok: false; reason: 'unreachable' | 'not-smart' };

/** GET {iss}/.well-known/smart-configuration with a timeout; never throws. */
export async function discoverSmart(
  iss: string,
  fetchImpl: typeof fetch = globalThis.fetch,
  timeoutMs = 8000,
): Promise<DiscoveryResult> {
  const url = `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;
  try {
    const res = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 404) return { ok: false, reason: 'not-smart' };
    if (!res.ok) return { ok: false, reason: 'unreachable' };
    return { ok: true, config: parseSmartConfiguration(await res.json()) };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}
