/**
 * Serves the administrators' analytics page at `/admin/` (built by `vite build` from admin/ into
 * dist/admin/index.html; its script and style are hashed assets under `/assets/`). Like `/api/analytics`, the
 * page exists only when CAIRN_ADMIN_TOKEN is set; it holds no data itself — the administrator types the token
 * and the page calls the API with it.
 */
import type { FastifyInstance } from 'fastify';
import { pageHeaders } from './security-headers';

// Only our own script and style, API calls to our own origin, and never inside a frame (clickjacking).
const HEADERS = pageHeaders([
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
]);

/** Registers `/admin/` (and `/admin` → `/admin/`) with the built page's HTML. */
export function registerAdminPage(app: FastifyInstance, html: string): void {
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/'));
  // no-store: the page is tiny, and a stale copy after an upgrade would name asset hashes that no longer exist.
  app.get('/admin/', { config: HEADERS }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html),
  );
}
