/**
 * The administrators' analytics page as `start:service` composes it: served at `/admin/` from the build with a
 * strict CSP when CAIRN_ADMIN_TOKEN is set, absent (404, like `/api/analytics`) when it is not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { composeService, type ComposedService } from '../../../hooks-service/compose';
import { fakeDist } from '../support/fake-dist';
import { memoryDurable } from '../support/full-service';

const dist = fakeDist();
const services: ComposedService[] = [];

async function compose(env: Record<string, string>): Promise<ComposedService> {
  const service = await composeService(
    { CDS_AUTH: 'off', LOG_LEVEL: 'silent', ...env },
    { appDir: dist.dir, store: memoryDurable() },
  );
  services.push(service);
  return service;
}

afterAll(async () => {
  for (const service of services) await service.close();
  dist.remove();
});

describe('the admin page of the production service', () => {
  it('is served from the build, never framed, never cached, when an admin token is set', async () => {
    const { app } = await compose({ CAIRN_ADMIN_TOKEN: 'an-admin-token-for-this-test' });
    const page = await app.inject({ url: '/admin/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script type="module" src="/assets/admin-C0ffee12.js">');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    const bare = await app.inject({ url: '/admin' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/admin/');
  });

  it('does not exist without an admin token', async () => {
    const { app } = await compose({});
    expect((await app.inject({ url: '/admin/' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/analytics' })).statusCode).toBe(404);
  });
});
