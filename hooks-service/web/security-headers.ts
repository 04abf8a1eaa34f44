/**
 * Security headers on every response, in one place for the production service and the demo (both build on the
 * same Fastify instance): `nosniff`, no referrer, HSTS over https, and a Content-Security-Policy. Answers that are
 * not pages (JSON, assets, errors) get a policy that allows nothing and may not be framed; an HTML page passes its
 * own policy as the route's `config`, built here with `pageHeaders` or `appPageHeaders`.
 *
 * helmet computes the headers, once per policy at start: it is a middleware that only sets and removes headers, so
 * it runs against a recording response here instead of on every request (where @fastify/helmet rebuilt it).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

type Directives = Record<string, string[]>;

/** A route's security headers, computed once: pass it as the route's `config`. */
export interface SecurityHeadersConfig {
  securityHeaders: readonly (readonly [string, string])[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    securityHeaders?: SecurityHeadersConfig['securityHeaders'];
  }
}

const NOTHING: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

// One year, the HSTS preload list's floor. No includeSubDomains: sibling hosts of a hospital's domain are not ours.
const HSTS = 'max-age=31536000';

/** Behind a TLS-terminating proxy the socket is plain http; the proxy's `X-Forwarded-Proto` or the public URL tell. */
function isHttps(request: FastifyRequest, publicUrl: string | undefined): boolean {
  if (publicUrl?.startsWith('https:')) return true;
  const forwarded = request.headers['x-forwarded-proto'];
  return (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() === 'https';
}

export interface SecurityHeaderOptions {
  /** CAIRN_PUBLIC_URL: when https, every response carries HSTS. */
  publicUrl?: string;
}

const BASELINE: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: NOTHING },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
  // RFC 6797 §8.1: a user agent ignores HSTS received over http, so it is sent only where the request was https.
  strictTransportSecurity: false,
};

/** The headers helmet sets for the baseline with `overrides` (a page's own policy) applied. */
function headersOf(overrides: HelmetOptions = {}): SecurityHeadersConfig['securityHeaders'] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet({ ...BASELINE, ...overrides } as HelmetOptions)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    () => undefined,
  );
  return [...headers];
}

const DEFAULT_HEADERS = headersOf();

/** Registers the headers for every route of `app` (and its 404s and errors); call it before adding any route. */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions = {}): void {
  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of request.routeOptions.config.securityHeaders ?? DEFAULT_HEADERS)
      reply.header(name, value);
    if (isHttps(request, options.publicUrl)) reply.header('strict-transport-security', HSTS);
  });
}

/** A CSP directive list from `default-src 'self'`-style lines, each `name value value…`. */
function directives(lines: readonly string[]): Directives {
  return Object.fromEntries(
    lines.map((line) => {
      const [name = '', ...values] = line.split(' ');
      return [name, values];
    }),
  );
}

/** Route `config` for a page of ours that no one may frame (the demo EHR, the admin page). */
export function pageHeaders(policy: readonly string[]): SecurityHeadersConfig {
  return {
    securityHeaders: headersOf({
      contentSecurityPolicy: { useDefaults: false, directives: directives([...policy, "frame-ancestors 'none'"]) },
    }),
  };
}

/**
 * Route option for the SMART app's pages. Own scripts and styles only; the app talks to whichever FHIR server
 * launched it (connect-src http(s)); only this origin and the EHR origins configured (CAIRN_FRAME_ANCESTORS) may
 * frame it — clickjacking otherwise. X-Frame-Options cannot list origins, so frame-ancestors alone decides
 * (CSP Level 2, frame-ancestors: it obsoletes X-Frame-Options); an EHR may open the app in its own window, so no
 * Cross-Origin-Opener-Policy cuts that window off from its opener, and no Cross-Origin-Resource-Policy stands in
 * the way of an EHR page that embeds it.
 */
export function appPageHeaders(frameAncestors: readonly string[]): SecurityHeadersConfig {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self' https: http:",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    ['frame-ancestors', "'self'", ...frameAncestors].join(' '),
  ];
  return {
    securityHeaders: headersOf({
      contentSecurityPolicy: { useDefaults: false, directives: directives(policy) },
      xFrameOptions: false,
      crossOriginOpenerPolicy: false,
      crossOriginResourcePolicy: false,
    }),
  };
}
