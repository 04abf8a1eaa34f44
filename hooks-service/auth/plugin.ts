/**
 * Every CDS Hooks call — discovery, service and feedback — must carry `Authorization: Bearer <JWT>` (spec §Trusting
 * CDS Clients: "this is for every single CDS Service call"). Failures answer a bare 401. CORS preflights carry no
 * credentials by design and pass through. With CDS_AUTH=off nothing is checked (development only).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../errors';
import type { AuthFailureLimiter } from '../net/rate-limit';
import { AuthFailure, verifyClientJwt, type VerifyDeps } from './verify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified CDS Client issuer, when auth is on. */
    cdsIssuer?: string;
  }
}

export interface AuthHookOptions {
  enabled: boolean;
  /** CAIRN_PUBLIC_URL: the base clients call; undefined = the URL as received. */
  publicUrl?: string;
  verify: VerifyDeps;
  /** Refused tokens per client address (CAIRN_RATE_LIMIT_AUTH_FAILURES); absent = unlimited. */
  failures?: AuthFailureLimiter;
}

/** The endpoint URL the client called, as the JWT `aud` must name it. */
export function audienceFor(request: FastifyRequest, publicUrl: string | undefined): string {
  const path = request.url.split('?')[0] ?? '';
  const base = publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base}${path}`;
}

/**
 * Longest token examined. EHR client JWTs are well under 2 KiB (a header, a handful of claims, one signature);
 * anything longer is refused before it is decoded, so an attacker cannot make every request parse megabytes.
 */
export const MAX_TOKEN_CHARS = 16 * 1024;
const BEARER_JWT = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)$/;

/** A Fastify onRequest hook enforcing the client JWT. */
export function createAuthHook(options: AuthHookOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // An unknown path serves nothing to protect: it answers its 404, as outside the CDS scope.
    if (!options.enabled || request.method === 'OPTIONS' || request.is404) return;
    const header = request.headers.authorization ?? '';
    await options.failures?.refuseIfBlocked(request, reply);
    try {
      if (header.length > MAX_TOKEN_CHARS + 'Bearer '.length) throw new AuthFailure('token too large');
      const token = BEARER_JWT.exec(header)?.[1];
      if (!token) throw new AuthFailure('no bearer JWT');
      const client = await verifyClientJwt(token, audienceFor(request, options.publicUrl), options.verify);
      request.cdsIssuer = client.iss;
    } catch (e) {
      if (!(e instanceof AuthFailure)) throw e;
      if (e.detail) request.log.warn({ authFailure: e.reason, ...e.detail }, 'client JWT refused');
      else request.log.info({ authFailure: e.reason }, 'client JWT refused');
      await options.failures?.failed(request);
      await sendError(reply, 'UNAUTHENTICATED', '');
    }
  };
}
