// The reader pages paint before their scripts load (lib/server/paint-first-response.ts), and are
// whole pages all the same: hydrated, live, every script fetched once; usable without JavaScript.
// Over real HTTP and in real Chromium, against the production build.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/app-server';
import { launchBrowser } from '../support/browser';
import { decodedText, rawRequest } from '../support/raw-request';
import { startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';

let running: AppOnFreshDatabase;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  running = await startAppOnFreshDatabase('paint-first');
  app = running.app;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const LIVE = 'Live: new figures appear without reloading.';
const ASYNC_SCRIPT = /<script\b[^>]*\bsrc="[^"]*"[^>]*\basync\b[^>]*>/g;
const LOADER = /<script nonce="[^"]+">\(function\(s\)[^<]*<\/script><\/body><\/html>$/;

async function html(path: string, encoding: 'br' | 'gzip' | 'identity') {
  const response = await rawRequest(`${app.url}${path}`, { 'accept-encoding': encoding });
  return { response, text: decodedText(response) };
}

describe('paint-first reader pages', () => {
  it('serve their HTML with one loader at the end instead of script tags, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity'] as const) {
      const { response, text } = await html('/', encoding);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding'] ?? 'identity').toBe(encoding);
      expect(text.match(ASYNC_SCRIPT), encoding).toBeNull();
      expect(text).not.toContain('rel="preload" as="script"');
      expect(text).toMatch(LOADER);
      expect(text).toContain('class="verdict');
    }
    for (const path of ['/operations/kabul-2021', '/operations', '/embed/kabul-2021']) {
      expect((await html(path, 'gzip')).text, path).toMatch(LOADER);
    }
  });

  it('leave the staff pages as Next.js wrote them', async () => {
    const { text } = await html('/admin/sign-in', 'gzip');
    expect(text.match(ASYNC_SCRIPT)?.length ?? 0).toBeGreaterThan(3);
    expect(text).not.toMatch(LOADER);
  });

  it('have no script of their own in the document as parsed, then hydrate: each script fetched once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // What the parser built, before any script of the page ran.
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => {
      window.__scriptsAtParse = [...document.scripts].filter((s) => s.src && !s.noModule).map((s) => s.src);
    })`);
    await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
    expect(await page.evaluate('window.__scriptsAtParse')).toEqual([]);
    await expect.poll(() => page.locator('.live-status').innerText()).toBe(LIVE);
    expect(await page.locator('#view-as-of').getAttribute('type')).toBe('date');
    await expect.poll(() => page.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    const fetched = (await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')),
    )) as string[];
    expect(fetched.length).toBeGreaterThan(5);
    expect(fetched.filter((name, index) => fetched.indexOf(name) !== index)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('do not move when they hydrate: the as-of field keeps its size as it becomes a date picker', async () => {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'en-US' });
      const page = await context.newPage();
      await page.addInitScript(`window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const shift of list.getEntries()) window.__shifts.push(shift.sources.map((s) => s.node && s.node.outerHTML.slice(0, 60)));
        }).observe({ type: 'layout-shift', buffered: true });`);
      await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
      await expect.poll(() => page.locator('#view-as-of').getAttribute('type')).toBe('date');
      expect(await page.evaluate('window.__shifts'), `${width} px`).toEqual([]);
      await context.close();
    }
  });

  it('work without JavaScript: the as-of field takes a typed date and the form shows that view', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    const field = page.locator('#view-as-of');
    expect(await field.getAttribute('type')).toBe('text');
    expect(await field.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    await field.fill('2021-08-22');
    await Promise.all([page.waitForURL(/asOf=2021-08-22/), page.getByRole('button', { name: 'Show' }).click()]);
    expect(await page.locator('[data-verdict]').innerText()).toContain('3,525 short of the goal of 60,000');
    await context.close();
  });

  it('load their scripts when no frame is painted: a background tab at once, otherwise within a second', async () => {
    for (const visibility of ['hidden', 'visible']) {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      // As in a background tab or an embed scrolled out of view: no animation frame comes.
      await page.addInitScript(`window.requestAnimationFrame = () => 0;
        Object.defineProperty(document, 'visibilityState', { get: () => '${visibility}' });`);
      await page.goto(`${app.url}/`);
      await expect.poll(() => page.locator('.live-status').innerText(), { timeout: 5_000 }).toBe(LIVE);
      await context.close();
    }
  });
});
