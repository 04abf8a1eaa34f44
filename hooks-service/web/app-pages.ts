/**
 * Serves the built SMART app beside the CDS routes: the launch URI `/launch`, the redirect URI `/app/` and the
 * hashed assets under `/assets/`. Pages are read once at start with the deployment's app config written in, and
 * are never cached (a new build must reach the next launch); assets have content-hashed names, so they are
 * cached for a year as immutable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appConfigScriptTag } from '../../src/app-config/app-config';
import type { AppHostConfig } from './app-host-config';
import { appPageHeaders } from './security-headers';

export class AppNotBuiltError extends Error {
  override readonly name = 'AppNotBuiltError';
}

const PAGES = {
  launch: join('launch', 'index.html'),
  app: join('app', 'index.html'),
  admin: join('admin', 'index.html'),
};

/** The page with the config block at the end of <head>; the page's module scripts run after parsing, so they find it. */
function withConfig(html: string, tag: string): string {
  const end = html.search(/<\/head>/i);
  return end < 0 ? tag + html : html.slice(0, end) + tag + html.slice(end);
}

export interface AppPages {
  launch: string;
  app: string;
  /** The administrators' analytics page (web/admin-page.ts); carries no app config. */
  admin: string;
  assetsDir: string;
  frameAncestors: readonly string[];
}

/** Reads the pages (the app's two with the config written in), or throws AppNotBuiltError naming what is missing and the command. */
export function readAppPages(distDir: string, config: AppHostConfig): AppPages {
  const dir = resolve(distDir);
  const missing = [...Object.values(PAGES), 'assets'].filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new AppNotBuiltError(
      `the SMART app is not built (${missing.map((f) => join(dir, f)).join(', ')} missing): run \`npm run build\` first`,
    );
  }
  const tag = appConfigScriptTag(config.app);
  return {
    launch: withConfig(readFileSync(join(dir, PAGES.launch), 'utf8'), tag),
    app: withConfig(readFileSync(join(dir, PAGES.app), 'utf8'), tag),
    admin: readFileSync(join(dir, PAGES.admin), 'utf8'),
    assetsDir: join(dir, 'assets'),
    frameAncestors: config.frameAncestors,
  };
}

const sendPage = (html: string) => async (_request: FastifyRequest, reply: FastifyReply) =>
  reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);

/** Registers `/launch`, `/app/` (and `/app` → `/app/`) and `/assets/*`. */
export async function registerAppPages(app: FastifyInstance, pages: AppPages): Promise<void> {
  const headers = appPageHeaders(pages.frameAncestors);
  await app.register(fastifyStatic, {
    root: pages.assetsDir,
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: '365d',
    immutable: true,
  });
  app.get('/launch', { config: headers }, sendPage(pages.launch));
  app.get('/app/', { config: headers }, sendPage(pages.app));
  // The redirect URI is `/app/`; keep the query (code, state) when a client drops the slash.
  app.get('/app', (request, reply) => reply.redirect(`/app/${request.url.slice('/app'.length)}`, 302));
}
