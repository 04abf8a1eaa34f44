/**
 * The service serves a built SMART app: pages with the deployment's config and the app CSP, never cached; hashed
 * assets cached as immutable; a clear error naming the command when nothing is built.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServiceConfig } from '../../../hooks-service/config';
import { composeDependencies } from '../../../hooks-service/compose';
import { buildServer } from '../../../hooks-service/server';
import { MemoryStore } from '../../../hooks-service/store/memory';
import { parseAppHostConfig } from '../../../hooks-service/web/app-host-config';
import { AppNotBuiltError, readAppPages, registerAppPages } from '../../../hooks-service/web/app-pages';
import { APP_CONFIG_ELEMENT_ID, parseAppConfig } from '../../../src/app-config/app-config';
import { fakeDist } from '../support/fake-dist';

const config = parseAppHostConfig({
  CAIRN_APP_CLIENT_ID: 'ehr-client-7',
  CAIRN_APP_SERVICE_URL: 'https://cairn.example.org/',
  CAIRN_FRAME_ANCESTORS: 'https://ehr.example.org, https://*.ehr.example.net',
});

const dist = fakeDist();
let app: FastifyInstance;

function server(): FastifyInstance {
  return buildServer(
    composeDependencies({ config: defaultServiceConfig({ logLevel: 'silent' }), store: new MemoryStore() }),
  );
}

/** The JSON a page carries in its config block. */
function configIn(html: string): unknown {
  const match = new RegExp(`<script id="${APP_CONFIG_ELEMENT_ID}" type="application/json">(.*?)</script>`).exec(html);
  return match ? JSON.parse(match[1] ?? '') : undefined;
}

beforeAll(async () => {
  app = server();
  await registerAppPages(app, readAppPages(dist.dir, config));
});
afterAll(async () => {
  await app.close();
  dist.remove();
});

describe('the built SMART app, served by the service', () => {
  it.each(['/launch', '/app/'])('%s carries the deployment config, the app CSP and no-cache', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(parseAppConfig(configIn(res.body))).toEqual({
      clientId: 'ehr-client-7',
      serviceUrl: 'https://cairn.example.org',
    });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://ehr.example.org https://*.ehr.example.net");
    // Framing is decided by frame-ancestors alone (X-Frame-Options cannot name the EHR's origin).
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('caches content-hashed assets for a year as immutable, and answers 404 for unknown ones', async () => {
    const asset = await app.inject({ url: '/assets/app-C0ffee12.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect((await app.inject({ url: '/assets/missing-00000000.js' })).statusCode).toBe(404);
  });

  it('redirects /app to the redirect URI /app/ keeping the authorization response', async () => {
    const res = await app.inject({ url: '/app?code=abc&state=xyz' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/app/?code=abc&state=xyz');
  });

  it('refuses to start without a build, naming what is missing and the command to run', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cairn-nodist-'));
    try {
      expect(() => readAppPages(empty, config)).toThrow(AppNotBuiltError);
      expect(() => readAppPages(empty, config)).toThrow(/launch\/index\.html.*missing.*npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
