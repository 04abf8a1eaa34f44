/**
 * CORS for browser-based CDS Clients (spec §Cross-Origin Resource Sharing; the public sandbox calls from the
 * browser with an Authorization header, so the preflight must allow it). Calls authenticate with bearer JWTs,
 * never cookies, so any origin may be allowed without credentials mode. Scoped to the CDS Hooks routes only, so it
 * cannot collide with another plugin's CORS handling in the same Fastify instance.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept';

export function installCors(app: FastifyInstance, paths: readonly string[]): void {
  app.addHook('onRequest', async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.header('access-control-allow-origin', '*');
  });
  const preflight = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  for (const path of paths) app.options(path, preflight);
}
