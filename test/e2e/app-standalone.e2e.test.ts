/** The SMART app on its own: standalone launch, the demo auth server's patient picker, then the findings. */
import type { Browser } from 'playwright-core';
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

describe('SMART app, standalone launch', () => {
  it.each([1440, 320])('signs in through the picker and shows the chosen patient at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const csp = watchCsp(page);
    await page.goto(`${url}/launch?iss=${encodeURIComponent(`${url}/fhir`)}`);
    await page.waitForSelector('form[action="authorize"]');
    await page.getByRole('radio', { name: /Margaret Osei/ }).check();
    await shoot(page, 'standalone-picker');
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/app\//);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toMatch(/spironolactone/i);
    await shoot(page, 'standalone-app');
    expect(csp).toEqual([]);
    await page.close();
  });

  it('sends the clinician\'s "useful" feedback from the app to the service', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/launch?iss=${encodeURIComponent(`${url}/fhir`)}`);
    await page.getByRole('radio', { name: /Margaret Osei/ }).check();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('button', { name: 'Useful', exact: true }).first().click();
    await expect.poll(() => page.locator('body').innerText()).toContain('feedback sent');
    await page.close();
  });

  it('returns to the app with access_denied when the user denies', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/launch?iss=${encodeURIComponent(`${url}/fhir`)}`);
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(/error=access_denied/);
    expect(page.url()).toContain('/app/');
    await page.close();
  });
});
