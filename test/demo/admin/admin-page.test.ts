import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { adminPage } from '../../../demo/admin/admin-page.ts';
import { registerSecurityHeaders } from '../../../hooks-service/web/security-headers.ts';

async function serve(enabled: boolean) {
  const app = Fastify();
  registerSecurityHeaders(app);
  await app.register(adminPage, { enabled });
  return app;
}

describe('admin page route', () => {
  it('answers 404 when no admin token is configured', async () => {
    const app = await serve(false);
    expect((await app.inject({ url: '/admin/' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/admin/admin.js' })).statusCode).toBe(404);
  });

  it('serves the page, its script and style with a strict CSP', async () => {
    const app = await serve(true);
    const page = await app.inject({ url: '/admin/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('<script type="module" src="admin.js">');
    expect((await app.inject({ url: '/admin/admin.js' })).headers['content-type']).toContain('javascript');
    expect((await app.inject({ url: '/admin/admin.css' })).statusCode).toBe(200);
  });

  it('redirects /admin to /admin/ so relative asset URLs resolve', async () => {
    const response = await (await serve(true)).inject({ url: '/admin' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/admin/');
  });
});
