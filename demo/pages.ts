/**
 * Serves the demo EHR page at `/` and its assets. The SMART app's pages (`/launch`, `/app/`, `/assets/*`) are the
 * service's own (hooks-service/web/app-pages.ts), exactly as `start:service` serves them.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { pageHeaders } from '../hooks-service/web/security-headers';

// The demo EHR frames SMART apps from card links (any origin) and is framed by no one.
const EHR_PAGE = pageHeaders([
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  'frame-src http: https:',
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
]);

/** Registers `/` and `/demo-ehr/assets/*` from `dist/demo-ehr` (built by the demo at start). */
export async function registerDemoPages(app: FastifyInstance, dist: string): Promise<void> {
  const ehrDir = join(resolve(dist), 'demo-ehr');
  await app.register(fastifyStatic, {
    root: join(ehrDir, 'assets'),
    prefix: '/demo-ehr/assets/',
    decorateReply: false,
    index: false,
  });
  // Read per request, so a rebuild of the demo EHR shows without a restart.
  app.get('/', { config: EHR_PAGE }, async (_r, reply) => {
    const html = await readFile(join(ehrDir, 'index.html'), 'utf8').catch(() => undefined);
    if (html === undefined)
      return reply.code(503).type('text/plain').send('The demo EHR is not built yet: run `npm start`.');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
  app.get('/favicon.ico', (_r, reply) => reply.code(204).send());
}
