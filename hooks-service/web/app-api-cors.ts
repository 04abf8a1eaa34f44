/**
 * CORS for the SMART app's APIs when the app is served from another origin than the service it calls
 * (CAIRN_APP_SERVICE_URL on the app's host, CAIRN_APP_ORIGINS here). Unlike the CDS routes, which allow any origin
 * (protocol/cors.ts: CDS Hooks clients are arbitrary browsers), these APIs act with a clinician's SMART token, so
 * only the listed origins are echoed; with none listed the browser's same-origin policy stands. Bearer tokens,
 * never cookies: no credentials mode (Fetch standard §3.2.5, CORS protocol).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// What the app sends (src/app/api/narrative.ts, feedback.ts).
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept';

/** Adds the CORS answers for `paths` in `app`'s scope: the allowed origin on every response, and the preflights. */
export function installAppApiCors(app: FastifyInstance, paths: readonly string[], origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  const allowOrigin = (request: FastifyRequest, reply: FastifyReply): boolean => {
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
        .header('access-control-allow-methods', 'POST, OPTIONS')
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', '600');
    }
    return reply.code(204).send();
  };
  for (const path of paths) app.options(path, preflight);
}
