/**
 * Serves the admin analytics page at `/admin/` (index.html, admin.js, admin.css). Like `/api/analytics`, the
 * page exists only when CAIRN_ADMIN_TOKEN is set (README, "Configuration"); it holds no data itself — the
 * admin types the token and the page calls the API with it.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { pageHeaders } from '../../hooks-service/web/security-headers';

const files = {
  'index.html': 'text/html; charset=utf-8',
  'admin.js': 'text/javascript; charset=utf-8',
  'admin.css': 'text/css; charset=utf-8',
} as const;

// Only our own script and style, API calls to our own origin, and never inside a frame (clickjacking).
const HEADERS = pageHeaders(["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self'",
  "form-action 'self'", "base-uri 'none'"]);

export interface AdminPageOptions {
  /** True when CAIRN_ADMIN_TOKEN is set; otherwise no route is added and `/admin/` answers 404. */
  enabled: boolean;
}

/** Fastify plugin: `app.register(adminPage, { enabled: Boolean(adminToken) })`. */
export async function adminPage(app: FastifyInstance, options: AdminPageOptions): Promise<void> {
  if (!options.enabled) return;
  const bodies = new Map(
    Object.keys(files).map((name) => [name, readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')]),
  );
  const send = (name: keyof typeof files) => bodies.get(name) ?? '';

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/'));
  for (const name of Object.keys(files) as (keyof typeof files)[]) {
    const path = name === 'index.html' ? '/admin/' : `/admin/${name}`;
    app.get(path, { helmet: HEADERS }, async (_request, reply) =>
      reply.header('content-type', files[name]).header('cache-control', 'no-store').send(send(name)),
    );
  }
}
