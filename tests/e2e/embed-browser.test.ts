// The embed as another site shows it: framed in a page of another origin, in real Chromium,
// against the production build. Also the framing rules over HTTP, and the code the operation page
// offers to copy.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFigure, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { EMBED_FRAME_SIZE } from '../../lib/embed-snippet';
import { directiveOf } from '../../lib/security/content-security-policy';
import type { RunningApp } from '../support/app-server';
import { axeViolations, launchBrowser, openPage } from '../support/browser';
import { articlePage, startOtherOrigin, type OtherOrigin } from '../support/other-origin';

const screenshots = join(process.cwd(), 'test-results');
let running: AppOnFreshDatabase;
let app: RunningApp;
let otherSite: OtherOrigin;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  running = await startAppOnFreshDatabase('embed');
  app = running.app;
  otherSite = await startOtherOrigin();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await otherSite?.close();
  await running?.stop();
});

interface Article {
  page: Page;
  /** What the browser logged, from the first moment (frames included). */
  console: string[];
  /** Every URL the page and its frames requested, from the first moment. */
  requests: string[];
}

/** Opens a page of the other site holding `frames` (src, title) and waits until they settled. */
async function openArticle(frames: { src: string; title: string }[]): Promise<Article> {
  otherSite.serve(
    articlePage(
      'A news article',
      frames
        .map(
          ({ src, title }) =>
            `<iframe src="${src}" title="${title}" width="${EMBED_FRAME_SIZE.width}" height="${EMBED_FRAME_SIZE.height}"></iframe>`,
        )
        .join('\n'),
    ),
  );
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  const article: Article = { page, console: [], requests: [] };
  page.on('console', (message) => article.console.push(message.text()));
  page.on('request', (request) => article.requests.push(request.url()));
  await page.goto(`${otherSite.url}/article`, { waitUntil: 'networkidle' });
  return article;
}

/** The frame whose iframe element has this title. */
async function frameTitled(page: Page, title: string): Promise<Frame> {
  const handle = await page.locator(`iframe[title="${title}"]`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame titled ${title}`);
  return frame;
}

const evacuatedValue = (frame: Frame | Page) =>
  frame.locator('.figure-card-emphasis .figure-value').innerText();

/** The sources of the response's CSP frame-ancestors directive. */
const frameAncestors = (response: Response) =>
  directiveOf(response.headers.get('content-security-policy') ?? '', 'frame-ancestors');

describe('framing rules over HTTP', () => {
  it('lets any site frame the embeds, and no site frame anything else', async () => {
    for (const path of ['/embed/kabul-2021', '/embed/kabul-2021?asOf=2021-08-22&group=all-evacuees']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(frameAncestors(response), path).toEqual(['*']);
      // X-Frame-Options has no "allow all": sent at all, it would forbid the embed in old browsers.
      expect(response.headers.get('x-frame-options'), path).toBeNull();
    }
    for (const path of ['/', '/operations/kabul-2021', '/operations', '/no-such-page', '/embedded']) {
      const response = await fetch(`${app.url}${path}`);
      expect(frameAncestors(response), path).toEqual(["'none'"]);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('keeps the API working, refusing to be framed too', async () => {
    const response = await fetch(`${app.url}/api/operations/kabul-2021/summary`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const summary = (await response.json()) as { latestFigure: { value: number } };
    expect(summary.latestFigure.value).toBe(25_100);
  });

  it('answers an embed of an unknown operation with 404, still frameable', async () => {
    const response = await fetch(`${app.url}/embed/no-such-operation`);
    expect(response.status).toBe(404);
    expect(frameAncestors(response)).toEqual(['*']);
  });
});

describe('the embed inside another site', () => {
  it("shows the chart and 25,100 in the frame, while the dashboard's own page is refused", async () => {
    const { page, console: logged } = await openArticle([
      { src: `${app.url}/embed/kabul-2021`, title: 'Embedded chart' },
      { src: `${app.url}/operations/kabul-2021`, title: 'Framed dashboard' },
    ]);

    const embed = await frameTitled(page, 'Embedded chart');
    await expect.poll(() => evacuatedValue(embed)).toBe('25,100');
    await embed.locator('svg.recharts-surface').first().waitFor({ state: 'visible' });
    expect(await embed.locator('figure.chart figcaption').innerText()).toBe(
      'People evacuated since August 14: All evacuees',
    );
    // Inside the frame: no site header or navigation, the sources and a way to the full page.
    expect(await embed.locator('.site-header').count()).toBe(0);
    expect(await embed.locator('.embed-sources').innerText()).toContain('White House (via AFP)');
    const back = embed.getByRole('link', { name: /Full dashboard/ });
    expect(await back.getAttribute('href')).toBe('/operations/kabul-2021');
    expect(await back.getAttribute('target')).toBe('_blank');
    // Links to sources leave the frame alone too.
    for (const link of await embed.locator('.source-note a, .embed-footer a').all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
    }

    // Chromium refuses to show the dashboard in the frame: the frame holds its error page,
    // none of the dashboard.
    const refused = await frameTitled(page, 'Framed dashboard');
    await expect.poll(() => refused.url()).not.toContain('/operations/kabul-2021');
    expect(await refused.locator('.figure-value').count()).toBe(0);
    expect(await refused.locator('text=25,100').count()).toBe(0);
    const refusal = logged.find((message) => message.startsWith(`Framing '${app.url}/' violates`));
    expect(refusal, logged.join('\n')).toContain(`"frame-ancestors 'none'". The request has been blocked.`);
    await page.screenshot({ path: join(screenshots, 'embed-in-other-site.png'), fullPage: true });
    await page.context().close();
  });

  it('shows a frozen view at ?asOf= and opens no live stream for it', async () => {
    const { page, requests } = await openArticle([
      { src: `${app.url}/embed/kabul-2021?asOf=2021-08-20`, title: 'Frozen' },
    ]);
    const frozen = await frameTitled(page, 'Frozen');
    await expect.poll(() => frozen.locator('.notice').innerText()).toBe(
      'Showing what was known by the end of August 20, 2021.',
    );
    expect(await frozen.locator('.figure-card-emphasis').innerText()).toContain('No figures have been published');
    await page.waitForTimeout(1_000);
    expect(requests.some((url) => url.includes('/embed/kabul-2021?asOf=2021-08-20'))).toBe(true);
    expect(requests.filter((url) => url.includes('/live'))).toEqual([]);
    expect(await frozen.locator('.embed-footer [role="status"]').count()).toBe(0);
    await page.context().close();
  });

  it('shows all of itself in a frame of the size the Embed code gives, without scrolling', async () => {
    const { page } = await openArticle([{ src: `${app.url}/embed/kabul-2021`, title: 'Sized' }]);
    const frame = await frameTitled(page, 'Sized');
    await frame.locator('svg.recharts-surface').first().waitFor({ state: 'visible' });
    const room = await frame.evaluate(() => ({
      content: document.documentElement.scrollHeight,
      frame: window.innerHeight,
      sideways: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(room.content).toBeLessThanOrEqual(room.frame);
    expect(room.sideways).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('says so inside the frame for an unknown operation, without the site header', async () => {
    const { page } = await openArticle([{ src: `${app.url}/embed/no-such-operation`, title: 'Unknown' }]);
    const frame = await frameTitled(page, 'Unknown');
    await expect.poll(() => frame.locator('main').innerText()).toContain('No such operation');
    expect(await frame.locator('.site-header').count()).toBe(0);
    expect(await frame.getByRole('link', { name: 'See all operations' }).getAttribute('target')).toBe('_blank');
    await page.context().close();
  });

  it('explains a bad parameter inside the frame and shows the latest figures', async () => {
    const { page } = await openArticle([{ src: `${app.url}/embed/kabul-2021?asOf=2021-08-01`, title: 'Bad' }]);
    const frame = await frameTitled(page, 'Bad');
    await expect.poll(() => frame.locator('.notice-error').innerText()).toContain(
      'asOf is before the operation started on 2021-08-14',
    );
    expect(await evacuatedValue(frame)).toBe('25,100');
    await page.context().close();
  });

  it('fits a 375 px wide frame without sideways scrolling (screenshots)', async () => {
    for (const width of [375, 640]) {
      const page = await openPage(browser, `${app.url}/embed/kabul-2021`, { width, height: 900 });
      await page.locator('svg.recharts-surface').first().waitFor({ state: 'visible' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshots, `embed-${width}.png`), fullPage: true });
      await page.context().close();
    }
  });

  it('passes an automated accessibility check (axe-core, WCAG 2.2 AA) in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openPage(browser, `${app.url}/embed/kabul-2021?asOf=2021-08-22`, { colorScheme });
      await page.locator('svg.recharts-surface').first().waitFor({ state: 'visible' });
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the site around the embeds', () => {
  // The header moved into the (site) route group so that embeds go without it: every other page,
  // not-found pages included, still has it exactly once.
  it('keeps one site header and one main region on every page, not-found pages included', async () => {
    for (const path of ['/', '/operations', '/operations/kabul-2021', '/operations/no-such-operation', '/no-such-page']) {
      const page = await openPage(browser, `${app.url}${path}`);
      await page.locator('main h1').first().waitFor();
      expect(await page.locator('header.site-header').count(), path).toBe(1);
      expect(await page.locator('main').count(), path).toBe(1);
      expect(await page.getByRole('link', { name: 'Skip to the figures' }).count(), path).toBe(1);
      await page.context().close();
    }
  });
});

describe('the Embed code on the operation page', () => {
  it('offers the iframe of the view on screen, copies it, and the copied code works on another site', async () => {
    const page = await openPage(browser, `${app.url}/operations/kabul-2021?asOf=2021-08-22`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.getByText('Embed', { exact: true }).click();
    const code = page.getByLabel('Code to paste into your page');
    const snippet = await code.inputValue();
    expect(snippet).toBe(
      `<iframe src="${app.url}/embed/kabul-2021?asOf=2021-08-22" title="Kabul airlift, August 2021: key figures and chart" width="${EMBED_FRAME_SIZE.width}" height="${EMBED_FRAME_SIZE.height}"></iframe>`,
    );
    expect(await page.locator('.embed-code').innerText()).toContain(
      'shows what was known by the end of August 22, 2021 and does not change',
    );
    await page.getByRole('button', { name: 'Copy the code' }).click();
    await expect.poll(() => page.locator('.embed-code [role="status"]').innerText()).toBe('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(snippet);
    await page.context().close();

    // Pasted into another site's page, as is.
    otherSite.serve(articlePage('Pasted', copied));
    const article = await openPage(browser, `${otherSite.url}/pasted`);
    const frame = await frameTitled(article, 'Kabul airlift, August 2021: key figures and chart');
    await expect.poll(() => evacuatedValue(frame)).toBe('25,100');
    await article.context().close();
  });

  it('gives the live embed for the latest view', async () => {
    const page = await openPage(browser, `${app.url}/operations/kabul-2021?group=all-evacuees`);
    await page.getByText('Embed', { exact: true }).click();
    expect(await page.getByLabel('Code to paste into your page').inputValue()).toContain(
      `src="${app.url}/embed/kabul-2021?group=all-evacuees"`,
    );
    expect(await page.locator('.embed-code').innerText()).toContain('updates itself as new ones are published');
    await page.context().close();
  });
});

describe('a live embed', () => {
  // Last: it adds a figure to the database the other tests read.
  it('shows a figure entered elsewhere without a reload, like the dashboard', async () => {
    const { page, requests } = await openArticle([{ src: `${app.url}/embed/kabul-2021`, title: 'Live' }]);
    const frame = await frameTitled(page, 'Live');
    await expect.poll(() => frame.locator('.embed-footer [role="status"]').innerText(), { timeout: 10_000 }).toBe('Live');
    expect(requests.some((url) => url.endsWith('/api/operations/kabul-2021/live'))).toBe(true);
    await insertFigure(running.databaseUrl, { value: 27_400, asOf: '2021-08-22T12:00:00+04:30' });
    await expect.poll(() => evacuatedValue(frame), { timeout: 5_000, interval: 100 }).toBe('27,400');
    await page.context().close();
  });
});
