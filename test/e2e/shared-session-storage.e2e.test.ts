/**
 * Oracle Health's embedded browsers may give every app instance one shared sessionStorage (and the EHR may give
 * the frames one name). Two launches for two patients in one browser, in real Chromium, with sessionStorage made
 * shared between the windows and both windows named alike: each window shows its own patient — on first load and
 * after a reload, whichever launched last — and never the other's.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const url = inject('demoUrl');
let browser: Browser;
let context: BrowserContext;

// Every page of the context sees one storage: sessionStorage is replaced by a view over the origin's localStorage
// (shared between windows), as an embedded browser that shares sessionStorage behaves. The EHR names every frame
// alike. Both are in place before any page script runs.
const SHARED_STORAGE = `
  Object.defineProperty(window, 'sessionStorage', { configurable: true, get: () => window.localStorage });
  if (window.name === '') window.name = 'ehr-app-frame';
`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  await context.addInitScript(SHARED_STORAGE);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function launch(page: Page, patientId: string): Promise<void> {
  const res = await fetch(`${url}/demo-ehr/api/launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ patientId }),
  });
  const { launch: code, iss } = (await res.json()) as { launch: string; iss: string };
  await page.goto(`${url}/launch?iss=${encodeURIComponent(iss)}&launch=${code}`);
}

/** The patient this window's app is showing, once its record has loaded. */
async function shownPatient(page: Page): Promise<string | null> {
  const main = page.locator('main[data-patient-id]');
  await main.waitFor({ timeout: 30_000 });
  await page.waitForSelector('section.progress.done', { timeout: 30_000 });
  return main.getAttribute('data-patient-id');
}

describe('two launches for two patients in one browser sharing sessionStorage', () => {
  it("each window shows its own patient's record, also after a reload", async () => {
    const a = await context.newPage();
    const b = await context.newPage();
    await launch(a, 'teach-hyperkalemia');
    expect(await shownPatient(a)).toBe('teach-hyperkalemia');
    await launch(b, 'teach-aki');
    expect(await shownPatient(b)).toBe('teach-aki');
    // The storage really is shared, and the two windows are named alike: the worst case.
    expect(await a.evaluate(() => [window.name, sessionStorage === localStorage])).toEqual(['ehr-app-frame', true]);
    expect(await b.evaluate(() => window.name)).toBe('ehr-app-frame');

    // Window A reloads after B launched last: still A's patient, with A's findings.
    await a.reload();
    expect(await shownPatient(a)).toBe('teach-hyperkalemia');
    expect(await a.locator('article.finding', { hasText: /Potassium 6\.1/ }).count()).toBeGreaterThan(0);
    await b.reload();
    expect(await shownPatient(b)).toBe('teach-aki');
    expect(await b.locator('article.finding', { hasText: /Potassium 6\.1/ }).count()).toBe(0);
    await a.close();
    await b.close();
  });
});
