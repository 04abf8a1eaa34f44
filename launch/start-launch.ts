/**
 * The launch URI. EHR launch: `/launch?iss=…&launch=…` (SMART App Launch 2.x §EHR launch). Standalone:
 * `/launch?iss=…`. Discovers the server, picks the least scopes, then hands over to fhirclient's authorize
 * (which generates the state and the PKCE verifier and redirects to the authorization server).
 */
import { DEFAULT_APP_CONFIG, type AppConfig } from '../src/app-config/app-config';
import type { SmartApi } from '../src/app/smart/smart-api';
import { discoverSmart } from './discover';
import { buildScope, choosePkceMode, configuredScope, parseSmartConfiguration } from './scopes';

export const CLIENT_ID = DEFAULT_APP_CONFIG.clientId;
/** The redirect URI registered for the app; absolute paths only (the demo serves `dist/app/` there). */
export const REDIRECT_PATH = '/app/';

export type LaunchProblem =
  | { kind: 'missing-iss' }
  | { kind: 'invalid-iss'; iss: string }
  | { kind: 'server-unreachable'; iss: string }
  | { kind: 'storage-blocked'; url: string }
  | { kind: 'authorize-failed'; message: string };

export interface LaunchDeps {
  url: string;
  smart: Pick<SmartApi, 'authorize' | 'storageKind'>;
  fetchImpl?: typeof fetch;
  /** The deployment's client id and scopes, as the serving page carries them (default: `cairn`, least scopes). */
  config?: AppConfig;
}

/**
 * SMART App Launch 2.x §"Obtain authorization code": "The app SHALL use an unpredictable value for the state
 * parameter with at least 122 bits of entropy". fhirclient's default is 16 characters from Math.random (about
 * 95 bits, not cryptographic), so we pass 256 bits from Web Crypto instead.
 */
export function newStateKey(random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Runs the launch; resolves to a problem to show, or undefined once the browser is being redirected. */
export async function startLaunch({
  url,
  smart,
  fetchImpl,
  config: app = DEFAULT_APP_CONFIG,
}: LaunchDeps): Promise<LaunchProblem | undefined> {
  const params = new URL(url).searchParams;
  const iss = params.get('iss')?.trim();
  const launch = params.get('launch') ?? undefined;
  if (!iss) return { kind: 'missing-iss' };
  if (!isHttpUrl(iss)) return { kind: 'invalid-iss', iss };
  // A sandboxed frame without storage keeps the launch state only in this page's memory, and the redirect to the
  // authorization server would lose it (and the PKCE verifier with it): say so now rather than fail after sign-in.
  if (smart.storageKind === 'memory') return { kind: 'storage-blocked', url };
  const found = await discoverSmart(iss, fetchImpl);
  if (!found.ok && found.reason === 'unreachable') return { kind: 'server-unreachable', iss };
  // A server without smart-configuration may still publish OAuth URIs in its CapabilityStatement (SMART v1);
  // fhirclient falls back to that, and we ask for v1 scopes.
  const config = found.ok ? found.config : parseSmartConfiguration({});
  try {
    await smart.authorize({
      clientId: params.get('client_id') ?? app.clientId,
      scope:
        app.scopes !== undefined
          ? configuredScope(app.scopes, Boolean(launch))
          : buildScope({ config, ehrLaunch: Boolean(launch) }),
      redirectUri: new URL(REDIRECT_PATH, url).href,
      iss,
      ...(launch ? { launch } : {}),
      pkceMode: choosePkceMode(config),
      stateKey: newStateKey(),
      // We run inside the EHR's iframe and finish the flow there (not in the parent window).
      completeInTarget: true,
    });
    return undefined;
  } catch (error) {
    return { kind: 'authorize-failed', message: error instanceof Error ? error.message : 'unknown error' };
  }
}
