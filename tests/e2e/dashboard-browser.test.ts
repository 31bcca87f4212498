// What a reader sees, in real Chromium against the production build.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/app-server';
import { axeViolations, launchBrowser, openPage } from '../support/browser';
import { insertFigure, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';

const screenshots = join(process.cwd(), 'test-results');
let running: AppOnFreshDatabase;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  running = await startAppOnFreshDatabase('browser');
  app = running.app;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const card = (page: Page, label: string) =>
  page.locator('.figure-card').filter({ has: page.getByText(label, { exact: true }) });

const LIVE = 'Live: new figures appear without reloading.';
const POLLING = 'Live updates interrupted: checking for new figures every few seconds.';

const cardValue = async (page: Page, label: string) => {
  const text = await card(page, label).locator('.figure-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
};

describe('the operation page in a browser', () => {
  it('shows 25,100 evacuated with its source', async () => {
    const page = await openPage(browser, `${app.url}/`);
    const evacuated = card(page, 'Evacuated so far');
    await expect.poll(() => evacuated.locator('.figure-value').innerText()).toBe('25,100');
    expect(await evacuated.innerText()).toContain('Source: White House, via AFP');
    await page.context().close();
  });

  it('as of 2021-08-22 says the goal is out of reach: required pace above observed', async () => {
    const page = await openPage(browser, `${app.url}/operations/kabul-2021?asOf=2021-08-22`);
    const verdict = await page.locator('[data-verdict]').innerText();
    expect(verdict).toContain('3,525 short of the goal of 60,000');
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('off-track');
    expect(await cardValue(page, 'Required pace')).toBe(3490);
    expect(await cardValue(page, 'Observed pace')).toBe(3138);
    expect(await cardValue(page, 'Required pace')).toBeGreaterThan(await cardValue(page, 'Observed pace'));
    await page.context().close();
  });

  it('keeps the view in the URL: choosing a date gives a permalink that reopens the same view', async () => {
    const page = await openPage(browser, `${app.url}/`);
    await page.locator('#view-as-of').fill('2021-08-20');
    await Promise.all([page.waitForURL(/asOf=2021-08-20/), page.getByRole('button', { name: 'Show' }).click()]);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2021-08-20');
    expect(await card(page, 'Evacuated so far').innerText()).toContain(
      'No figures have been published',
    );
    await page.reload();
    expect(await page.locator('#view-as-of').inputValue()).toBe('2021-08-20');
    await page.context().close();
  });

  it('explains a bad asOf and shows the latest view instead', async () => {
    const page = await openPage(browser, `${app.url}/operations/kabul-2021?asOf=2021-08-01`);
    expect(await page.locator('.notice-error').innerText()).toContain('asOf is before the operation started on 2021-08-14');
    expect(await cardValue(page, 'Evacuated so far')).toBe(25100);
    await page.context().close();
  });

  it('shows a not-found page with a way back for an unknown operation', async () => {
    const page = await openPage(browser, `${app.url}/operations/no-such-operation`);
    await expect.poll(() => page.locator('main').innerText()).toContain('No such operation');
    await Promise.all([page.waitForURL(/\/operations$/), page.getByRole('link', { name: 'See all operations' }).click()]);
    await page.getByRole('link', { name: 'Kabul airlift, August 2021' }).click();
    await page.waitForURL(/\/operations\/kabul-2021$/);
    expect(await cardValue(page, 'Evacuated so far')).toBe(25100);
    await page.context().close();
  });

  it("lets a keyboard reader reach Borrell's point, whose tooltip gives the quote and the arithmetic", async () => {
    const page = await openPage(browser, `${app.url}/`);
    const chart = page.locator('figure.chart').first().locator('[aria-label*="use the left and right arrow keys"]');
    await chart.focus();
    const statementTip = page.locator('.recharts-tooltip-wrapper .chart-tooltip-statement');
    for (let step = 0; step < 12 && !(await statementTip.isVisible()); step += 1) {
      await page.keyboard.press('ArrowRight');
    }
    const tip = await statementTip.innerText();
    expect(tip).toContain('mathematically impossible');
    expect(tip).toContain('Josep Borrell');
    expect(tip).toMatch(/3,490/);
    expect(tip).toMatch(/3,138/);
    await page.context().close();
  });

  it("has a data table behind the chart with the chart's numbers and sources", async () => {
    const page = await openPage(browser, `${app.url}/`);
    const cumulative = page.locator('figure.chart').first();
    await cumulative.locator('summary').click();
    const table = cumulative.locator('table').first();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('25,100');
    expect(rows[0]).toContain('White House');
    // The point the chart draws carries the same value as the table row and the key figure.
    expect(await cardValue(page, 'Evacuated so far')).toBe(25100);
    await page.context().close();
  });

  it('says it is connecting, not that live updates broke, before any script has run', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    const status = /<p class="live-status[^"]*" role="status">([^<]*)<\/p>/.exec(html)?.[1];
    expect(status).toBe('Connecting to live updates…');
  });

  it('shows a figure entered elsewhere within 2 seconds, without a reload', async () => {
    const page = await openPage(browser, `${app.url}/`);
    await expect.poll(() => page.locator('.live-status').innerText()).toBe(LIVE);
    const started = Date.now();
    await insertFigure(running.databaseUrl, { value: 27_400, asOf: '2021-08-22T12:00:00+04:30' });
    await expect
      .poll(() => cardValue(page, 'Evacuated so far'), { timeout: 2_000, interval: 100 })
      .toBe(27400);
    expect(Date.now() - started).toBeLessThan(2_000);
    await page.context().close();
  });

  it('says when the live stream cannot be opened, and still shows a new figure by polling', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    // As a proxy that refuses event streams would: every attempt to open it fails.
    await context.route('**/api/operations/*/live', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await expect.poll(() => page.locator('.live-status').innerText()).toBe(POLLING);
    const before = await cardValue(page, 'Evacuated so far');
    await insertFigure(running.databaseUrl, { value: before + 500, asOf: '2021-08-22T14:00:00+04:30' });
    // Polling every 2 s: the new figure shows within one or two rounds.
    await expect
      .poll(() => cardValue(page, 'Evacuated so far'), { timeout: 6_000, interval: 100 })
      .toBe(before + 500);
    expect(await page.locator('.live-status').innerText()).toBe(POLLING);
    await context.close();
  });

  it('passes an automated accessibility check (axe-core, WCAG 2.2 AA) in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openPage(browser, `${app.url}/`, { colorScheme });
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await page.context().close();
    }
  });

  it('fits a 375 px phone without sideways scrolling, and a wide desktop (screenshots)', async () => {
    for (const width of [375, 1280]) {
      const page = await openPage(browser, `${app.url}/`, { width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshots, `operation-${width}.png`), fullPage: true });
      await page.context().close();
    }
  });
});
