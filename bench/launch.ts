/**
 * Launch row: EHR launch → first finding visible in headless Chromium on the local demo (`demo/main.ts` in a child
 * process), next to a blank page loaded from the same server by the same browser. Each run uses a fresh browser
 * context (cold cache), as a clinician opening the app for the first time in a session does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/e2e/browser';
import { freePort } from '../test/hooks-service/store/service-process';
import { row, type Row } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PATIENT = 'teach-hyperkalemia';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function waitReady(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('demo exited before it was ready');
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('demo not ready in time');
}

/** Needs the app built in dist/ (bundleRows builds it first). */
export async function launchRows(smoke: boolean): Promise<Row[]> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-bench-demo-'));
  const demo = spawn(process.execPath, ['--import', 'tsx', 'demo/main.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CAIRN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  const url = `http://127.0.0.1:${port}`;
  const browser = await (async () => {
    await waitReady(url, () => demo.exitCode !== null);
    return launchBrowser();
  })().catch((error: unknown) => {
    demo.kill('SIGKILL');
    throw error;
  });
  try {
    const launches: number[] = [];
    const blanks: number[] = [];
    for (let i = 0; i < (smoke ? 1 : 5); i++) {
      const res = await fetch(`${url}/demo-ehr/api/launch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ patientId: PATIENT }),
      });
      const { launch, iss } = (await res.json()) as { launch: string; iss: string };
      const context = await browser.newContext();
      const page = await context.newPage();
      let t = performance.now();
      await page.goto(`${url}/launch?iss=${encodeURIComponent(iss)}&launch=${launch}`);
      await page.locator('article.finding').first().waitFor({ state: 'visible', timeout: 30_000 });
      launches.push(performance.now() - t);
      await context.close();
      const blank = await browser.newContext();
      const blankPage = await blank.newPage();
      t = performance.now();
      await blankPage.goto(`${url}/healthz`, { waitUntil: 'load' });
      blanks.push(performance.now() - t);
      await blank.close();
    }
    return [
      row(
        'launch → first finding visible',
        median(launches),
        'ms',
        median(blanks),
        'reference: a blank page from the same server; headless Chromium, cold cache; goal ≤ 1000 ms',
      ),
    ];
  } finally {
    await browser.close();
    demo.kill('SIGTERM');
    await new Promise((r) => (demo.exitCode !== null ? r(null) : demo.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
