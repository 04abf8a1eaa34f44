/**
 * CORS for the service's browser-called routes, one helper for both groups; only the origin policy differs.
 * - The CDS routes allow any origin (`'*'`): the CDS Hooks spec (§Cross-Origin Resource Sharing) expects
 *   browser-based CDS Clients, and the public sandbox calls from the browser with an Authorization header.
 * - The SMART app's APIs allow only the listed origins (CAIRN_APP_ORIGINS, when the app is served from another
 *   origin than the service; CAIRN_APP_SERVICE_URL on the app's host): they act with a clinician's SMART token, so
 *   only a listed origin is echoed, and with none listed nothing is installed and the same-origin policy stands.
 * Calls authenticate with bearer tokens, never cookies, so there is no credentials mode (Fetch standard, CORS
 * protocol). Installed in the caller's Fastify scope only, so it cannot collide with another plugin's CORS.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// What the clients send: the sandbox and EHRs; the app (src/app/api/narrative.ts, feedback.ts).
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept';

export interface CorsPolicy {
  /** `'any'` answers `*`; a list echoes only a listed Origin (and an empty list installs nothing). */
  origins: 'any' | readonly string[];
  /** The Access-Control-Allow-Methods a preflight answers, e.g. `'POST, OPTIONS'`. */
  methods: string;
}

/** Adds the CORS answers for `paths` in `app`'s scope: the allowed origin on every response, and the preflights. */
export function installCors(app: FastifyInstance, paths: readonly string[], policy: CorsPolicy): void {
  const { origins } = policy;
  if (origins !== 'any' && origins.length === 0) return;
  const allowed = origins === 'any' ? undefined : new Set(origins);
  const allowOrigin = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (allowed === undefined) {
      reply.header('access-control-allow-origin', '*');
      return true;
    }
    // The answer depends on Origin, so a shared cache must not serve one origin's answer to another.
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return false;
    reply.header('access-control-allow-origin', origin);
    return true;
  };
  app.addHook('onRequest', async (request, reply) => {
    allowOrigin(request, reply);
  });
  const preflight = async (request: FastifyRequest, reply: FastifyReply) => {
    // An origin not listed gets no allow headers, so the browser refuses the real request.
    if (allowOrigin(request, reply)) {
      reply
        .header('access-control-allow-methods', policy.methods)
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', '600');
    }
    return reply.code(204).send();
  };
  for (const path of paths) app.options(path, preflight);
}
