/**
 * What a clinician reviews in the SMART app, in real Chromium at a narrow EHR sidebar (320 px) and a desktop
 * (1440 px): a finding with its inputs and trend plot, the evidence dialog, the labeled narrative, feedback.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, shoot, watchCsp } from './browser';

const url = inject('demoUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** An EHR launch minted by the demo EHR's own API, opened as a top-level page. */
async function openApp(width: number, patientId: string): Promise<Page> {
  const res = await fetch(`${url}/demo-ehr/api/launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ patientId }),
  });
  const { launch, iss } = (await res.json()) as { launch: string; iss: string };
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${url}/launch?iss=${encodeURIComponent(iss)}&launch=${launch}`);
  await page.waitForSelector('article.finding', { timeout: 30_000 });
  return page;
}

describe('SMART app review (hyperkalaemia teaching case)', () => {
  it.each([320, 1440])(
    'shows inputs, a labeled trend plot, the evidence dialog and the labeled narrative at %i px',
    async (width) => {
      const page = await openApp(width, 'teach-hyperkalemia');
      const csp = watchCsp(page);
      const finding = page.locator('article.finding', { hasText: /Potassium 6\.1/ }).first();
      await finding.locator('details > summary').first().click();
      const plot = finding.getByRole('img', { name: /Potassium trend/ });
      await plot.waitFor();
      expect(await plot.textContent()).toContain('6.1');
      expect(await finding.getByRole('table', { name: 'Inputs' }).isVisible()).toBe(true);

      await finding.getByRole('list', { name: 'Evidence' }).getByRole('button').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/6\.1 mmol\/L/);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);

      const narrative = page.getByRole('region', { name: 'Model narrative' });
      await expect.poll(() => narrative.innerText(), { timeout: 30_000 }).toMatch(/review before acting/);
      expect(await narrative.innerText()).not.toMatch(/ddi-|hyperkalemia-moderate:/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shoot(page, 'app-review');
      expect(csp).toEqual([]);
      await page.close();
    },
  );
});
