// The OpenAPI document as served, and the /api page built from it: over HTTP against the
// production build, and in Chromium (axe-core, a 375 px phone).
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi/document';
import { startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { axeViolations, launchBrowser, openPage } from '../support/browser';

let running: AppOnFreshDatabase;
let browser: Browser;
const screenshots = join(process.cwd(), 'test-results');

beforeAll(async () => {
  [running, browser] = await Promise.all([startAppOnFreshDatabase('api-docs'), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe('GET /api/openapi.json', () => {
  it('serves the generated OpenAPI 3.1 document, cacheable with an ETag', async () => {
    const response = await fetch(`${running.app.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const again = await fetch(`${running.app.url}/api/openapi.json`, { headers: { 'If-None-Match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('the /api page', () => {
  it('renders every endpoint of the document with its parameters and an example request', async () => {
    const response = await fetch(`${running.app.url}/api`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<h1[^>]*>API<\/h1>/);
    expect(html).toContain('href="/api/openapi.json"');
    const paths = Object.keys(openApiDocument().paths ?? {});
    expect(paths.length).toBeGreaterThanOrEqual(17);
    for (const path of paths) expect(html, path).toContain(`<code>${path}</code>`);
    expect(html).toContain(`curl -i &#x27;${running.app.url}/api/operations/kabul-2021/figures?group=all-evacuees&amp;limit=2&#x27;`);
    expect(html).toContain('Parameters of GET /api/operations/{slug}/figures');
  });

  it('passes axe-core (WCAG 2.2 AA) and fits a 375 px phone without sideways scrolling', async () => {
    for (const width of [375, 1280]) {
      const page = await openPage(browser, `${running.app.url}/api`, { width });
      expect(await page.locator('h1').textContent()).toBe('API');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      if (width === 375) {
        const violations = await axeViolations(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      }
      await page.screenshot({ path: join(screenshots, `api-${width}.png`), fullPage: false });
      await page.context().close();
    }
  });
});
