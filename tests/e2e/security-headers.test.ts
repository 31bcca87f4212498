// The security headers over real HTTP against the production build, on every page and API route
// the app has (found by walking app/, so a new route cannot go unchecked), and the policy in real
// Chromium: the pages work under it, and nothing is refused.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSource, signInThroughPage } from '../support/admin-pages';
import { insertFigure, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { appRoutes, concrete } from '../support/app-routes';
import { launchBrowser } from '../support/browser';
import { watchedContext } from '../support/csp-watch';
import { articlePage, startOtherOrigin, type OtherOrigin } from '../support/other-origin';
import { RESOURCE_POLICY, expectCommonHeaders, expectPagePolicy } from '../support/security-header-expectations';
import { createStaffAccount } from '../support/staff';

let running: AppOnFreshDatabase;
let browser: Browser;
let otherSite: OtherOrigin;
const url = (path: string) => `${running.app.url}${path}`;

beforeAll(async () => {
  running = await startAppOnFreshDatabase('security-headers');
  browser = await launchBrowser();
  otherSite = await startOtherOrigin();
});

afterAll(async () => {
  await browser?.close();
  await otherSite?.close();
  await running?.stop();
});

/** Fetches without following redirects; an event stream is cut off once its headers are in. */
async function headersOf(path: string): Promise<Response> {
  const response = await fetch(url(path), { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  await response.body?.cancel();
  return response;
}

/** Signing in hashes a password and a save re-renders a page: seconds on a busy machine. */
const SLOW = 120_000;

describe('security headers over HTTP', () => {
  const routes = appRoutes();

  it('finds the pages and routes of the app', () => {
    expect(routes.filter((route) => route.kind === 'page').length).toBeGreaterThanOrEqual(11);
    expect(routes.filter((route) => route.kind === 'route').length).toBeGreaterThanOrEqual(14);
    expect(routes.map((route) => route.pattern)).toContain('/api/operations/[slug]/live');
  });

  it('sends them on every page: the public ones answer, the staff ones redirect to sign in', async () => {
    for (const { pattern } of routes.filter((route) => route.kind === 'page')) {
      const path = concrete(pattern);
      const response = await headersOf(path);
      expectCommonHeaders(response, path);
      expectPagePolicy(response, path);
      if (path.startsWith('/admin') && path !== '/admin/sign-in') {
        expect(response.status, path).toBe(307);
        expect(new URL(response.headers.get('location') ?? '', url('/')).pathname, path).toBe('/admin/sign-in');
      } else {
        expect(response.status, path).toBe(200);
      }
    }
  });

  it('sends them on every API route, with a policy that allows nothing', async () => {
    for (const { pattern } of routes.filter((route) => route.kind === 'route')) {
      const path = concrete(pattern);
      const response = await headersOf(path);
      expectCommonHeaders(response, path);
      expect(response.headers.get('content-security-policy'), path).toBe(RESOURCE_POLICY);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    // A refused write and an unknown operation carry them too.
    for (const response of [
      await fetch(url('/api/operations/kabul-2021/figures'), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }),
      await headersOf('/api/operations/no-such-operation/summary'),
    ]) {
      expect([401, 404]).toContain(response.status);
      expectCommonHeaders(response, response.url);
      expect(response.headers.get('content-security-policy')).toBe(RESOURCE_POLICY);
    }
  });

  it('sends them on static files and on pages that do not exist', async () => {
    const html = await (await fetch(url('/'))).text();
    const script = /<script[^>]*\bsrc="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await headersOf(script!);
    expect(asset.status).toBe(200);
    expectCommonHeaders(asset, script!);
    expect(asset.headers.get('content-security-policy')).toBe(RESOURCE_POLICY);
    const icon = await headersOf('/icon.svg');
    expectCommonHeaders(icon, '/icon.svg');
    for (const path of ['/no-such-page', '/operations/no-such-operation', '/embed/no-such-operation']) {
      const response = await headersOf(path);
      expect(response.status, path).toBe(404);
      expectCommonHeaders(response, path);
      expectPagePolicy(response, path);
    }
  });

  it.each(['/', '/operations/kabul-2021', '/embed/kabul-2021', '/admin/sign-in', '/operations', '/no-such-page'])(
    'gives %s a fresh nonce per request, carried by every script of the page',
    async (path) => {
      const nonces: string[] = [];
      for (let request = 0; request < 2; request += 1) {
        const response = await fetch(url(path));
        const nonce = expectPagePolicy(response, path);
        const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
        expect(scripts.length, path).toBeGreaterThan(3);
        const without = scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`));
        expect(without, path).toEqual([]);
        nonces.push(nonce);
      }
      expect(nonces[0]).not.toBe(nonces[1]);
    },
  );
});

describe('the policy in a browser', () => {
  it('refuses nothing on the dashboard: charts, tooltip, live update and both downloads work', async () => {
    const { context, problems } = await watchedContext(browser);
    const page = await context.newPage();
    await page.goto(url('/operations/kabul-2021'), { waitUntil: 'networkidle' });
    await page.locator('figure.chart svg.recharts-surface').nth(1).waitFor({ state: 'visible' });
    // Hydrated: the chart answers the keyboard with its tooltip, and the live stream is open.
    await page.locator('figure.chart').first().locator('[aria-label*="use the left and right arrow keys"]').focus();
    const statementTip = page.locator('.recharts-tooltip-wrapper .chart-tooltip-statement');
    for (let step = 0; step < 12 && !(await statementTip.isVisible()); step += 1) {
      await page.keyboard.press('ArrowRight');
    }
    expect(await statementTip.innerText()).toContain('mathematically impossible');
    await expect.poll(() => page.locator('.live-status').innerText(), { timeout: 10_000 }).toBe('Live: new figures appear without reloading.');
    await insertFigure(running.databaseUrl, { value: 27_400, asOf: '2021-08-22T12:00:00+04:30' });
    const evacuated = page.locator('.figure-card-emphasis .figure-value');
    await expect.poll(() => evacuated.innerText(), { timeout: 5_000, interval: 100 }).toBe('27,400');
    for (const format of ['PNG', 'SVG']) {
      const button = page.locator('figure.chart').first().getByRole('button', { name: `Download ${format}` });
      const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(readFileSync((await file.path())!).length, format).toBeGreaterThan(10_000);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, SLOW);

  it('refuses nothing in the embed, on its own and inside another site', async () => {
    const { context, problems } = await watchedContext(browser);
    const page = await context.newPage();
    await page.goto(url('/embed/kabul-2021'), { waitUntil: 'networkidle' });
    await page.locator('svg.recharts-surface').first().waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.embed-footer [role="status"]').innerText(), { timeout: 10_000 }).toBe('Live');
    otherSite.serve(articlePage('Article', `<iframe src="${url('/embed/kabul-2021')}" title="Chart" width="640" height="720"></iframe>`));
    await page.goto(`${otherSite.url}/article`, { waitUntil: 'networkidle' });
    const frame = page.frameLocator('iframe[title="Chart"]');
    await frame.locator('svg.recharts-surface').first().waitFor({ state: 'visible' });
    await expect.poll(() => frame.locator('.embed-footer [role="status"]').innerText(), { timeout: 10_000 }).toBe('Live');
    expect(problems).toEqual([]);
    await context.close();
  }, SLOW);

  it('refuses nothing in the admin area: sign-in, the figures editor and a Server Action', async () => {
    const editor = await createStaffAccount(running.databaseUrl, 'editor');
    const { context, problems } = await watchedContext(browser);
    const page = await context.newPage();
    await signInThroughPage(page, running.app.url, editor, '/admin/operations/kabul-2021');
    const form = page.getByRole('form', { name: 'Add a figure' });
    await form.getByLabel('Group').selectOption('all-evacuees');
    await form.getByLabel('Number of people').fill('28,000');
    await form.getByLabel('As of').fill('2021-08-23T06:00');
    await fillSource(form, { publisher: 'Pentagon', title: 'Briefing of 23 August' });
    await form.getByRole('button', { name: 'Add the figure' }).click();
    await expect.poll(() => form.getByRole('status').innerText(), { timeout: 20_000 }).toContain('Figure added');
    expect(problems).toEqual([]);
    await context.close();
  }, SLOW);

  it('reports an injected inline handler, and refuses to run it: the watch itself works', async () => {
    const { context, problems } = await watchedContext(browser);
    const page = await context.newPage();
    await page.goto(url('/operations'), { waitUntil: 'networkidle' });
    // What an injection amounts to: markup with an inline handler, as a stored XSS would bring.
    await page.evaluate(() => {
      const injected = document.createElement('div');
      injected.innerHTML = '<img src="data:," onerror="window.injected = true">';
      document.body.append(injected);
    });
    await expect.poll(() => problems.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect(problems.join('\n')).toContain('script-src');
    await context.close();
  });
});
