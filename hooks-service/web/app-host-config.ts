/**
 * What the service tells the SMART app it serves (client id, scopes, the service URL for the narrative), who may
 * frame it, and which other origins serving the app may call its APIs, read once from the CAIRN_APP_* and
 * CAIRN_FRAME_ANCESTORS variables (env.ts); a bad value stops the start.
 */
import type { AppConfig } from '../../src/app-config/app-config';
import { ConfigError, readEnv, type RawEnv } from '../env';

export interface AppHostConfig {
  app: AppConfig;
  /** CAIRN_FRAME_ANCESTORS: EHR origins allowed to frame the app, besides the service's own. */
  frameAncestors: string[];
  /** CAIRN_APP_ORIGINS: origins that serve the app apart from this service and call its APIs (CORS). */
  appOrigins: string[];
}

// A CSP host-source with a scheme (CSP Level 3 §2.3.1 grammar, narrowed): https://ehr.example.org[:port], and a
// leading `*.` for every subdomain. Anything else (a path, a quote, a semicolon) could rewrite the policy.
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;
// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

const list = (raw: string | undefined): string[] => (raw ?? '').split(/[\s,]+/).filter(Boolean);

function parseFrameAncestors(raw: string | undefined): string[] {
  const origins = list(raw).map((o) => o.replace(/\/+$/, ''));
  const bad = origins.filter((o) => !ORIGIN.test(o));
  if (bad.length > 0)
    throw new ConfigError(
      `CAIRN_FRAME_ANCESTORS takes origins like https://ehr.example.org (no path); refused: ${bad.join(', ')}`,
    );
  return origins;
}

// A serialized origin (RFC 6454 §6.2) as a browser sends it in the Origin header: scheme, host, optional port.
const EXACT_ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

function parseAppOrigins(raw: string | undefined): string[] {
  const origins = list(raw).map((o) => o.replace(/\/+$/, ''));
  const bad = origins.filter((o) => !EXACT_ORIGIN.test(o));
  if (bad.length > 0)
    throw new ConfigError(
      `CAIRN_APP_ORIGINS takes exact lower-case origins like https://cairn-app.example.org (no path, no wildcard); refused: ${bad.join(', ')}`,
    );
  return origins;
}

function parseScopes(raw: string | undefined): string | undefined {
  const tokens = list(raw);
  if (tokens.length === 0) return undefined;
  const bad = tokens.filter((t) => !SCOPE_TOKEN.test(t));
  if (bad.length > 0)
    throw new ConfigError(`CAIRN_APP_SCOPES has characters a scope cannot hold (RFC 6749 §3.3): ${bad.join(' ')}`);
  return tokens.join(' ');
}

/** The schema has checked it starts with http(s)://; this normalises it and refuses what a URL parser cannot read. */
function parseServiceUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`CAIRN_APP_SERVICE_URL: "${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError('CAIRN_APP_SERVICE_URL must be http(s)');
  return url.href.replace(/\/+$/, '');
}

export function parseAppHostConfig(env: RawEnv): AppHostConfig {
  const e = readEnv(env);
  const scopes = parseScopes(e.CAIRN_APP_SCOPES);
  const serviceUrl = parseServiceUrl(e.CAIRN_APP_SERVICE_URL);
  return {
    app: { clientId: e.CAIRN_APP_CLIENT_ID, ...(scopes && { scopes }), ...(serviceUrl && { serviceUrl }) },
    frameAncestors: parseFrameAncestors(e.CAIRN_FRAME_ANCESTORS),
    appOrigins: parseAppOrigins(e.CAIRN_APP_ORIGINS),
  };
}
