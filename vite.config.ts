/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const alias = {
  '@fhir': here('./src/fhir'),
  '@reasoning': here('./src/reasoning'),
  '@model': here('./src/model'),
  '@cds-hooks': here('./src/cds-hooks'),
};

// fhirclient's CommonJS build pulls in Node polyfills and a logger that prints token responses; the browser has
// fetch and Web Crypto, and the no-PHI logging contract (docs/architecture.md) wants that logging off, so the app bundles small stand-ins instead.
const browserShims = {
  'cross-fetch': here('./src/app/shims/cross-fetch.ts'),
  'isomorphic-webcrypto': here('./src/app/shims/webcrypto.ts'),
  debug: here('./src/app/shims/debug.cjs'),
};

// The app's two pages and the administrators' analytics page. Vite names HTML outputs by their source path; the
// service serves `dist/app/index.html` at `/app/` (the SMART redirect URI), so the app page is renamed from
// `src/app/` to `app/`.
const pages = {
  launch: here('./launch/index.html'),
  app: here('./src/app/index.html'),
  admin: here('./admin/index.html'),
};

function appPagePaths(): Plugin {
  return {
    name: 'cairn-app-page-paths',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.fileName === 'src/app/index.html') output.fileName = 'app/index.html';
      }
    },
    // `vite` dev server: serve the pages at the same URLs the demo serves the build at.
    configureServer(server) {
      const pageFor: Record<string, string> = {
        '/app': '/src/app/index.html',
        '/app/': '/src/app/index.html',
        '/launch': '/launch/index.html',
      };
      server.middlewares.use((req, _res, next) => {
        const [path = '', query] = (req.url ?? '').split('?', 2);
        const page = pageFor[path];
        if (page) req.url = query === undefined ? page : `${page}?${query}`;
        next();
      });
    },
  };
}

const TEST_FILE = /\.test\.tsx?$/;

/**
 * Test files that declare a DOM environment (`// @vitest-environment happy-dom`): they share `window`, `location`
 * and storage, so each keeps its own module graph. The other files share one per worker (`isolate: false`):
 * importing the service graph again for every file was most of the suite's time (measured 237 s → 104 s).
 */
function domTestFiles(): string[] {
  return readdirSync(here('./test'), { recursive: true, encoding: 'utf8' })
    .map((f) => `test/${f.replaceAll('\\', '/')}`)
    .filter((f) => TEST_FILE.test(f) && !f.startsWith('test/e2e/'))
    .filter((f) => readFileSync(here(`./${f}`), 'utf8').startsWith('// @vitest-environment'));
}

const shared = {
  environment: 'node',
  testTimeout: 15_000,
  hookTimeout: 60_000, // PGlite and server start-up in beforeAll on a loaded 2-core machine
  pool: 'forks',
} as const;
const domFiles = process.env.VITEST ? domTestFiles() : [];

// One config for the app build and for vitest.
export default defineConfig({
  plugins: [preact(), appPagePaths()],
  resolve: { alias: process.env.VITEST ? alias : { ...alias, ...browserShims } },
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', rollupOptions: { input: pages } },
  test: {
    projects: [
      {
        extends: true,
        test: { ...shared, name: 'dom', include: domFiles },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**', ...domFiles],
          isolate: false,
        },
      },
    ],
  },
});
