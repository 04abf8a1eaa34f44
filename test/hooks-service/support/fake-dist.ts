/** A `vite build` output in miniature (the three pages and one hashed asset) in a temporary directory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const builtPage = (name: string) =>
  `<!doctype html><html><head><title>${name}</title><script type="module" src="/assets/${name}-C0ffee12.js"></script></head><body></body></html>`;

export function fakeDist(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-dist-'));
  for (const page of ['launch', 'app', 'admin']) {
    mkdirSync(join(dir, page));
    writeFileSync(join(dir, page, 'index.html'), builtPage(page));
  }
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app-C0ffee12.js'), 'export {};\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
