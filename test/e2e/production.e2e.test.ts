/**
 * The production deployment as an administrator runs it: the build (`npm run build`: the app by the e2e global
 * setup, the service here), then `node dist-service/main.js` — what `npm run start:service` runs — on a free port,
 * configured by environment only. The SMART authorization server and FHIR server are the demo's, started on
 * their own, outside the service's process, as a hospital's EHR would be. An EHR launch goes through that
 * authorization server to the app the service serves, and a finding and the narrative show in Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLaunch } from '../../demo/auth/launch';
import { shiftDaysFor } from '../../demo/patients/load';
import { startSmartStack, type RunningSmartStack } from '../../demo/smart-stack';
import { freePort } from '../hooks-service/store/service-process';
import { launchBrowser, shoot, watchCsp } from './browser';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT_ID = 'cairn-hospital-registration-7';
const EHR_ORIGIN = 'https://ehr.hospital.example';
const ADMIN_TOKEN = 'production-e2e-admin-token-not-a-secret';

let stack: RunningSmartStack;
let service: ChildProcess;
let url = '';
let browser: Browser;
const logs: string[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'cairn-production-e2e-'));

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr}`)),
    );
  });
}

// Generous: a first start creates the PGlite cluster, which takes a minute on a loaded 2-core CI machine.
async function waitReady(): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) throw new Error(`the service exited (${service.exitCode}):\n${logs.join('')}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the service did not become ready:\n${logs.join('')}`);
}

beforeAll(async () => {
  // The auth + FHIR servers on their own origin, with the teaching cases moved to today like the demo does.
  [stack] = await Promise.all([
    startSmartStack({ shiftDays: shiftDaysFor(new Date()), teachingOnly: true }),
    run('npm', ['run', '--silent', 'build:service']),
  ]);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  service = spawn(process.execPath, ['--enable-source-maps', 'dist-service/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      CAIRN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Production settings: client JWTs required (no hook calls here), one allow-listed FHIR server, the EHR's
      // own client id for the app, the EHR origin that frames it, the admin page on.
      CDS_TRUSTED_ISSUERS: JSON.stringify({ [EHR_ORIGIN]: `${EHR_ORIGIN}/.well-known/jwks.json` }),
      CAIRN_FHIR_ALLOWLIST: stack.fhirBase,
      CAIRN_APP_CLIENT_ID: CLIENT_ID,
      CAIRN_FRAME_ANCESTORS: EHR_ORIGIN,
      CAIRN_ADMIN_TOKEN: ADMIN_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  service.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
  service.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  [browser] = await Promise.all([launchBrowser(), waitReady()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (service && service.exitCode === null) {
    service.kill('SIGKILL');
    await new Promise((r) => service.once('exit', r));
  }
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("production: start:service with an EHR's own SMART and FHIR servers", () => {
  it('launches the app it serves through the outside authorization server and shows a finding with its narrative', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const csp = watchCsp(page);
    const authorizations: URL[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${stack.origin}/auth/authorize`)) authorizations.push(new URL(request.url()));
    });
    const launch = encodeLaunch({
      patient: 'teach-hyperkalemia',
      fhirUser: 'Practitioner/demo-clinician',
      needPatientBanner: false,
    });
    await page.goto(`${url}/launch?iss=${encodeURIComponent(stack.fhirBase)}&launch=${launch}`);
    await page.waitForURL(`${url}/app/**`);
    const finding = page.locator('article.finding', { hasText: /Potassium 6\.1/ }).first();
    await finding.waitFor({ timeout: 20_000 });

    // The client id came from the service's environment, not from the build.
    expect(authorizations.map((a) => a.searchParams.get('client_id'))).toEqual([CLIENT_ID]);
    expect(authorizations[0]?.searchParams.get('redirect_uri')).toBe(`${url}/app/`);
    // The narrative is the service's /api/narrative, reading the allow-listed FHIR server with the app's token.
    const narrative = page.getByRole('region', { name: 'Model narrative' });
    await expect.poll(() => narrative.innerText(), { timeout: 20_000 }).toMatch(/review before acting/);
    await shoot(page, 'production-app');
    expect(csp).toEqual([]);
    await page.close();
  });

  it('serves the pages uncached with the app CSP naming the EHR origin, assets as immutable, and the admin page', async () => {
    const launch = await fetch(`${url}/launch`);
    expect(launch.headers.get('cache-control')).toBe('no-cache');
    expect(launch.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${EHR_ORIGIN}`);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await launch.text())?.[1];
    expect((await fetch(`${url}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${url}/admin/`)).status).toBe(200);
    expect((await fetch(`${url}/api/analytics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(
      200,
    );
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => service.once('exit', (code) => resolve(code)));
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
