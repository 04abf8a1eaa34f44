/**
 * Bundle rows: the JavaScript each app page loads before it can render (entry + modulepreloaded chunks, gzip -9,
 * as `npm run size` counts it), next to a bare Preact + fhirclient page built with the same Vite, the same
 * fhirclient shims and in the same run: what any SMART app on this stack costs before it has a feature.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { row, type Row } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules/.cache/cairn-bench');

const BARE_MAIN = `import { h, render } from 'preact';
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
const smart = new BrowserAdapter({}).getSmartApi();
smart.ready().then((client) => render(h('p', null, client.patient.id), document.body));
`;

/** Gzip bytes of the scripts `page` loads up front. */
export function initialJsGzip(dist: string, page: string): number {
  const html = readFileSync(join(dist, page), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  const scripts = [...new Set(srcs.map((m) => m[1] ?? ''))].filter((s) => s.endsWith('.js'));
  return scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(dist, s)), { level: 9 }).length, 0);
}

/** Builds the app into dist/ (the launch row serves that build) and the bare page into the cache. */
export async function bundleRows(): Promise<Row[]> {
  const appOut = join(ROOT, 'dist');
  await build({ root: ROOT, logLevel: 'silent' });
  const bareRoot = join(CACHE, 'bare-src');
  mkdirSync(bareRoot, { recursive: true });
  writeFileSync(
    join(bareRoot, 'index.html'),
    '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>\n',
  );
  writeFileSync(join(bareRoot, 'main.js'), BARE_MAIN);
  const appConfig = (await import('../vite.config')).default;
  const bareOut = join(CACHE, 'bare');
  await build({
    configFile: false,
    root: bareRoot,
    logLevel: 'silent',
    plugins: [preact()],
    resolve: { alias: appConfig.resolve?.alias ?? {} },
    build: { outDir: bareOut, emptyOutDir: true },
  });
  const bare = initialJsGzip(bareOut, 'index.html') / 1024;
  const note = 'reference: bare Preact + fhirclient page, same Vite and shims; goal ≤ 45 KB';
  return [
    row('bundle: app page initial JS', initialJsGzip(appOut, 'app/index.html') / 1024, 'KB gzip', bare, note),
    row('bundle: launch page initial JS', initialJsGzip(appOut, 'launch/index.html') / 1024, 'KB gzip', bare, note),
  ];
}
