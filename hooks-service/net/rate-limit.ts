/**
 * Rate limits (@fastify/rate-limit), configured by CAIRN_RATE_LIMIT_* and answered 429 with Retry-After:
 *  - the SMART app's routes (/api/reasoning, /api/narrative, /api/app-feedback) per access token: each call makes
 *    outbound FHIR requests with that token, so one leaked or looping token must not drive load to the EHR;
 *  - /api/analytics per client address (it runs aggregate queries on the store);
 *  - failed client JWTs per client address (counted only when a token is refused, checked before verifying);
 *  - CDS service calls per verified issuer, off unless set: a 429 to an EHR is a missing card for a clinician.
 * Counters live in this process. Behind a proxy or load balancer, set CAIRN_TRUST_PROXY: otherwise every client
 * has the proxy's address, and the per-address limits (refused JWTs above all) apply to all clients together.
 */
import { createHash } from 'node:crypto';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

export interface RateLimitConfig {
  enabled: boolean;
  windowMs: number;
  /** Requests per window per SMART access token on the app's routes. */
  appPerToken: number;
  /** Requests per window per client address on /api/analytics. */
  analyticsPerIp: number;
  /** Refused client JWTs per window per client address before further attempts get 429. */
  authFailuresPerIp: number;
  /** CDS service calls per window per verified issuer (client address with CDS_AUTH=off); 0 = no limit. */
  hooksPerIssuer: number;
}

/** Defaults, read by the config parser (CAIRN_RATE_LIMIT_* override them). */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  windowMs: 60_000,
  appPerToken: 120,
  analyticsPerIp: 60,
  authFailuresPerIp: 30,
  hooksPerIssuer: 0,
};

const rateLimited = (_request: FastifyRequest, context: { after: string }) =>
  new AppError('RATE_LIMITED', `too many requests; retry in ${context.after}`);

/** A hash, so counters never hold a bearer token itself. */
const tokenKey = (request: FastifyRequest): string => {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return token ? `token:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}` : `ip:${request.ip}`;
};

/** Options limiting every route registered after it in `app`'s scope to `max` per window, keyed by `key`. */
function scopeLimit(
  config: RateLimitConfig,
  max: number,
  key: (request: FastifyRequest) => string,
  hook: 'onRequest' | 'preHandler' = 'onRequest',
): RateLimitPluginOptions {
  return { global: true, max, timeWindow: config.windowMs, keyGenerator: key, hook, errorResponseBuilder: rateLimited };
}

/** Limits the SMART app's routes registered after it in this scope, per access token. */
export async function limitAppRoutes(app: FastifyInstance, config: RateLimitConfig): Promise<void> {
  if (config.enabled) await app.register(rateLimit, scopeLimit(config, config.appPerToken, tokenKey));
}

/** Limits the admin analytics routes registered after it in this scope, per client address. */
export async function limitAnalyticsRoutes(app: FastifyInstance, config: RateLimitConfig): Promise<void> {
  if (config.enabled)
    await app.register(
      rateLimit,
      scopeLimit(config, config.analyticsPerIp, (r) => `ip:${r.ip}`),
    );
}

/** Counts refused client JWTs per address; checked before a token is verified. */
export interface AuthFailureLimiter {
  /** Throws RATE_LIMITED (429, with Retry-After set) when this address already had too many tokens refused. */
  refuseIfBlocked(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Records one refused token from this address. */
  failed(request: FastifyRequest): Promise<void>;
}

/**
 * The CDS Hooks scope's limits: service calls per verified issuer when CAIRN_RATE_LIMIT_HOOKS is set (checked
 * after authentication, so the issuer is known), and the refused-JWT limiter the auth hook uses.
 */
export async function limitCdsRoutes(
  app: FastifyInstance,
  config: RateLimitConfig,
): Promise<AuthFailureLimiter | undefined> {
  if (!config.enabled) return undefined;
  const perIssuer = (r: FastifyRequest) => (r.cdsIssuer ? `iss:${r.cdsIssuer}` : `ip:${r.ip}`);
  await app.register(rateLimit, {
    ...scopeLimit(config, Math.max(1, config.hooksPerIssuer), perIssuer, 'preHandler'),
    global: config.hooksPerIssuer > 0,
  });
  const check = app.createRateLimit({
    max: config.authFailuresPerIp,
    timeWindow: config.windowMs,
    keyGenerator: (r) => `auth-fail:${r.ip}`,
  });
  return {
    async refuseIfBlocked(request, reply) {
      const status = await check(request, { increment: false });
      // A peek reports the count so far: blocked once the allowed failures are used up, not one failure later.
      if (status.isAllowed || (status.remaining > 0 && !status.isExceeded)) return;
      const seconds = String(Math.max(1, status.ttlInSeconds));
      reply.header('retry-after', seconds);
      request.log.warn({ rateLimit: 'auth-failures' }, 'client address refused: too many refused tokens');
      throw new AppError('RATE_LIMITED', `too many refused tokens from this address; retry in ${seconds} s`);
    },
    async failed(request) {
      await check(request);
    },
  };
}
