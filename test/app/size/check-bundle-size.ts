/**
 * Bundle budget (issue 6): the JavaScript each page loads before it can render — its entry script plus the
 * chunks the HTML preloads — must stay ≤ 45 KB gzip. Lazy chunks (engine, trend plot, resource viewer) are not
 * counted. Also checks that the pages load nothing from another origin (no CDN scripts, styles or fonts).
 * `npm run size` builds and checks; `tsx check-bundle-size.ts [distDir]` checks an existing build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 45 * 1024;
// `npm run size` builds into a cache folder so it never empties the demo's dist/ (dist/demo-ehr) while it runs.
const dist = process.argv[2] ?? join(import.meta.dirname, '../../../dist');

function initialScripts(html: string): string[] {
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  return [...new Set(srcs.map((m) => m[1] ?? ''))].filter((s) => s.endsWith('.js'));
}

function gzipSize(path: string): number {
  return gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
}

let failed = false;
for (const page of ['app/index.html', 'launch/index.html']) {
  const html = readFileSync(join(dist, page), 'utf8');
  const external = [...html.matchAll(/(?:src|href)="((?:https?:)?\/\/[^"]+)"/g)].map((m) => m[1]);
  if (external.length > 0) {
    failed = true;
    process.stdout.write(`${page}: loads from another origin: ${external.join(', ')}\n`);
  }
  const scripts = initialScripts(html);
  const sizes = scripts.map((s) => [s, gzipSize(s)] as const);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  const ok = total <= BUDGET_BYTES;
  failed ||= !ok;
  process.stdout.write(
    `${page}: ${(total / 1024).toFixed(1)} KB gzip initial JS (budget 45 KB) ${ok ? 'OK' : 'OVER'}\n`,
  );
  for (const [s, n] of sizes) process.stdout.write(`  ${s} ${(n / 1024).toFixed(1)} KB\n`);
}
process.exitCode = failed ? 1 : 0;
