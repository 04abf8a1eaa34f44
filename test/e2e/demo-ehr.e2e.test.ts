/**
 * The demo EHR in real Chromium against the real demo process: cards on chart open, an NSAID order for the
 * warfarin patient, accepting a suggestion, overriding with a reason (feedback reaches analytics), and the
 * SMART app launched from a card link inside the EHR's iframe through the real authorization flow, and a refill
 * and a new allergy (medication-refill, allergyintolerance-create) with their cards.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, shoot, watchCsp } from './browser';
import { E2E_ADMIN_TOKEN } from './global-setup';

const url = inject('demoUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openEhr(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${url}/`);
  return page;
}

async function openPatient(page: Page, id: string): Promise<void> {
  await page.click(`[data-patient-id="${id}"]`);
  await page.waitForSelector('.banner-name');
  await page.waitForFunction(() => document.querySelector('.cds')?.getAttribute('aria-busy') === 'false');
}

async function orderDrug(page: Page, search: string, name: string): Promise<void> {
  await page.fill('input[type=search]', search);
  await page.getByRole('option', { name }).click();
  await page.getByRole('button', { name: 'Add to orders' }).click();
  await page.waitForSelector('.cds-group[aria-label="Order selection"] .card');
}

const nsaidCard = (page: Page) =>
  page.locator('.cds-group[aria-label="Order selection"] .card', { hasText: /ibuprofen/i }).first();

describe('demo EHR', () => {
  it.each([1440, 320])('shows decision-support cards when a chart opens (%i px)', async (width) => {
    const page = await openEhr(width);
    await openPatient(page, 'teach-hyperkalemia');
    await expect.poll(() => page.locator('.cds-group[aria-label="Chart review"] .card').count()).toBeGreaterThan(0);
    await shoot(page, 'chart-review');
    await page.close();
  });

  it('warns about an NSAID for the patient on warfarin, and accepting the suggestion removes the draft', async () => {
    const page = await openEhr(1440);
    await openPatient(page, 'teach-warfarin-inr');
    await orderDrug(page, 'ibuprofen', 'ibuprofen 400 MG Oral Tablet');
    const card = nsaidCard(page);
    expect(await card.getAttribute('class')).toMatch(/card--(critical|warning)/);
    await shoot(page, 'nsaid-warning');
    await card
      .getByRole('button', { name: /remove|cancel|stop|delete/i })
      .first()
      .click();
    await expect.poll(() => page.locator('[data-draft-id]').count()).toBe(0);
    await expect.poll(() => card.locator('.outcome--accepted').count()).toBe(1);
    await page.close();
  });

  it('records an override with its coded reason as feedback', async () => {
    const page = await openEhr(1440);
    await openPatient(page, 'teach-warfarin-inr');
    await orderDrug(page, 'ibuprofen', 'ibuprofen 400 MG Oral Tablet');
    const card = nsaidCard(page);
    await card.getByRole('button', { name: 'Override…' }).click();
    const reason = card.locator('select');
    if (await reason.count()) await reason.selectOption({ index: 1 });
    await card.getByRole('button', { name: 'Submit override' }).click();
    await expect.poll(() => card.locator('.outcome--overridden').count()).toBe(1);
    await expect
      .poll(async () => page.locator('.inspector-list li', { hasText: 'feedback' }).first().textContent())
      .toMatch(/200/);
    const analytics = await (
      await fetch(`${url}/api/analytics`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } })
    ).json();
    const overridden = (analytics.rules as { overridden: number }[]).reduce((n, r) => n + r.overridden, 0);
    expect(overridden).toBeGreaterThan(0);
    expect((await fetch(`${url}/admin/`)).status).toBe(200);
    await page.close();
  });

  it.each([1440, 320])(
    'opens the SMART app from a card link inside the EHR frame, through the real auth flow (%i px)',
    async (width) => {
      const page = await openEhr(width);
      const csp = watchCsp(page);
      await openPatient(page, 'teach-hyperkalemia');
      const card = page.locator('.cds-group[aria-label="Chart review"] .card').first();
      const summary = await card.locator('.card-summary').innerText();
      await card.locator('.card-actions .btn--link').first().click();
      const app = page.frameLocator('iframe[name="smart-app"]');
      await expect.poll(() => app.locator('body').innerText(), { timeout: 30_000 }).toContain(summary.slice(0, 30));
      await shoot(page, 'app-in-frame', false);
      expect(csp).toEqual([]);
      await page.close();
    },
  );

  it('checks again at signing: an allergy card stops the order until the clinician signs anyway', async () => {
    const page = await openEhr(1440);
    await openPatient(page, 'teach-penicillin-allergy');
    await orderDrug(page, 'amoxicillin', 'amoxicillin 500 MG Oral Capsule');
    await page.getByRole('button', { name: 'Sign orders' }).click();
    const signCard = page.locator('.cds-group[aria-label="Before signing"] .card').first();
    await signCard.waitFor();
    expect(await signCard.getAttribute('class')).toContain('card--critical');
    await shoot(page, 'order-sign-allergy');
    await page.getByRole('button', { name: 'Sign anyway' }).click();
    await expect.poll(() => page.locator('.drafts--signed li').count()).toBe(1);
    await page.close();
  });

  it('refills a medication and records an allergy: each hook answers under its own heading, the first kept', async () => {
    const page = await openEhr(1440);
    await openPatient(page, 'teach-hyperkalemia');
    await page.getByRole('button', { name: /^Refill spironolactone/i }).click();
    const refillCard = page.locator('.cds-group[aria-label="Refill"] .card', { hasText: /potassium/i }).first();
    await refillCard.waitFor();
    await page.getByLabel('Allergy to').selectOption({ label: 'lisinopril' });
    await page.getByRole('button', { name: 'Record allergy' }).click();
    await page
      .locator('.cds-group[aria-label="New allergy"] .card', { hasText: /lisinopril/i })
      .first()
      .waitFor();
    expect(await refillCard.isVisible()).toBe(true);
    await expect.poll(() => page.locator('[aria-label="Added this session"] li').count()).toBe(2);
    await shoot(page, 'refill-and-allergy');
    await page.close();
  });

  it('is usable at 320 px: cards come before the chart', async () => {
    const page = await openEhr(320);
    await openPatient(page, 'teach-warfarin-inr');
    await orderDrug(page, 'ibuprofen', 'ibuprofen 400 MG Oral Tablet');
    const cardsTop = (await page.locator('.cds').boundingBox())?.y ?? 0;
    const chartTop = (await page.locator('.workspace').boundingBox())?.y ?? 0;
    expect(cardsTop).toBeLessThan(chartTop);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shoot(page, 'nsaid-warning');
    await page.close();
  });
});
