/**
 * The demo EHR as a CDS Client (CDS Hooks 2.0): discovery, hook calls and feedback, each signed with a fresh
 * ES384 JWT whose `aud` is the exact endpoint called (§"Trusting CDS Clients"). Runs server-side so the
 * private key never reaches the browser. `fetch` is injected for tests.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { SigningKey } from '../auth/keys';

export interface CdsClientDeps {
  key: SigningKey;
  /** The EHR's issuer URL, e.g. http://127.0.0.1:3000/demo-ehr. */
  issuer: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface CdsExchange {
  status: number;
  /** Parsed JSON body, or null when the body was empty or not JSON. */
  body: unknown;
  durationMs: number;
}

const JWT_SECONDS = 300;

/** A fresh CDS Hooks client JWT for one endpoint (header alg/kid/typ/jku; claims iss/aud/exp/iat/jti). */
export function signClientJwt(deps: CdsClientDeps, audience: string): string {
  const iat = Math.floor((deps.now ?? Date.now)() / 1000);
  return jwt.sign(
    { iss: deps.issuer, aud: audience, iat, exp: iat + JWT_SECONDS, jti: randomUUID() },
    deps.key.privateKey,
    {
      algorithm: deps.key.alg,
      keyid: deps.key.kid,
      header: { alg: deps.key.alg, typ: 'JWT', jku: `${deps.issuer}/.well-known/jwks.json` },
    },
  );
}

async function exchange(deps: CdsClientDeps, url: string, init: RequestInit): Promise<CdsExchange> {
  const started = performance.now();
  const res = await (deps.fetch ?? fetch)(url, {
    ...init,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${signClientJwt(deps, url)}`,
      ...(init.headers ?? {}),
    },
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, body, durationMs: Math.round(performance.now() - started) };
}

const trim = (base: string): string => base.replace(/\/+$/, '');

export function discover(deps: CdsClientDeps, serviceBase: string): Promise<CdsExchange> {
  return exchange(deps, `${trim(serviceBase)}/cds-services`, { method: 'GET' });
}

export function callService(
  deps: CdsClientDeps,
  serviceBase: string,
  serviceId: string,
  request: unknown,
): Promise<CdsExchange> {
  return exchange(deps, `${trim(serviceBase)}/cds-services/${encodeURIComponent(serviceId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}

export function sendFeedback(
  deps: CdsClientDeps,
  serviceBase: string,
  serviceId: string,
  feedback: unknown,
): Promise<CdsExchange> {
  return exchange(deps, `${trim(serviceBase)}/cds-services/${encodeURIComponent(serviceId)}/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(feedback),
  });
}
