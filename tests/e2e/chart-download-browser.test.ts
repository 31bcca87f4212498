// "Download PNG" and "Download SVG" under each chart, in real Chromium against the production
// build: the files a reader gets, named for what they show, with the title, the sources and the
// as-of date written into the image itself.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import type { RunningApp } from '../support/app-server';
import { launchBrowser, openPage } from '../support/browser';

const results = join(process.cwd(), 'test-results');
let running: AppOnFreshDatabase;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(results, { recursive: true });
  running = await startAppOnFreshDatabase('download');
  app = running.app;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const CHARTS = [
  { index: 0, kind: 'cumulative', title: 'People evacuated since August 14: All evacuees' },
  { index: 1, kind: 'daily', title: 'People evacuated per day: All evacuees' },
] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function openCharts(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await openPage(browser, `${app.url}${path}`, { colorScheme });
  await page.locator('figure.chart svg.recharts-surface').nth(1).waitFor({ state: 'visible' });
  return page;
}

/** Clicks a chart's download button; the file's suggested name and its bytes. */
async function download(page: Page, chart: number, format: 'PNG' | 'SVG') {
  const button = page.locator('figure.chart').nth(chart).getByRole('button', { name: `Download ${format}` });
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  const name = file.suggestedFilename();
  copyFileSync(path, join(results, name));
  return { name, bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What a browser makes of an image file on its own, away from the page: size and pixels. */
async function decodeImage(page: Page, bytes: Buffer, type: string, blue: [number, number, number]) {
  return page.evaluate(
    async ({ base64, type, blue }) => {
      const image = new Image();
      image.src = `data:${type};base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let figureBlue = 0;
      let corner = '';
      for (let at = 0; at < data.length; at += 4) {
        const [r, g, b] = [data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0];
        if (Math.abs(r - blue[0]) < 24 && Math.abs(g - blue[1]) < 24 && Math.abs(b - blue[2]) < 24) figureBlue += 1;
        if (at === 0) corner = `${r},${g},${b}`;
      }
      return { width: image.naturalWidth, height: image.naturalHeight, figureBlue, corner };
    },
    { base64: bytes.toString('base64'), type, blue },
  );
}

/** Parses an SVG file as a browser does; its text, and whether it stands alone. */
async function readSvg(page: Page, svg: string) {
  return page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = document.documentElement;
    return {
      error: document.querySelector('parsererror')?.textContent ?? null,
      rootName: root.localName,
      namespace: root.namespaceURI,
      width: root.getAttribute('width'),
      height: root.getAttribute('height'),
      viewBox: root.getAttribute('viewBox'),
      title: root.querySelector(':scope > title')?.textContent ?? null,
      texts: [...root.querySelectorAll('text')].map((text) => text.textContent ?? ''),
    };
  }, svg);
}

describe('chart downloads', () => {
  it('gives a PNG of each chart, named for the operation, the chart and the as-of day', async () => {
    const page = await openCharts('/operations/kabul-2021?asOf=2021-08-22');
    for (const chart of CHARTS) {
      const { name, bytes } = await download(page, chart.index, 'PNG');
      expect(name).toBe(`kabul-2021-${chart.kind}-all-evacuees-2021-08-22.png`);
      expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(bytes.length).toBeGreaterThan(20_000);
      // Twice the size drawn on the page (1280 px wide window), for sharp print and screens.
      const size = pngSize(bytes);
      const drawn = await page.locator('figure.chart').nth(chart.index).locator('svg.recharts-surface').boundingBox();
      expect(size.width).toBe(2 * (Math.round(drawn?.width ?? 0) + 32));
      expect(size.height).toBeGreaterThan(2 * Math.round(drawn?.height ?? 0));
      // A real picture of the chart: a white background and plenty of the figures' blue.
      const pixels = await decodeImage(page, bytes, 'image/png', [11, 92, 173]);
      expect(pixels.corner).toBe('255,255,255');
      expect(pixels.figureBlue).toBeGreaterThan(2_000);
    }
    await page.context().close();
  });

  it('gives an SVG of each chart that says its title, its sources and its as-of date', async () => {
    const page = await openCharts('/operations/kabul-2021?asOf=2021-08-22');
    for (const chart of CHARTS) {
      const { name, bytes } = await download(page, chart.index, 'SVG');
      expect(name).toBe(`kabul-2021-${chart.kind}-all-evacuees-2021-08-22.svg`);
      const svg = bytes.toString('utf8');
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      const parsed = await readSvg(page, svg);
      expect(parsed.error).toBeNull();
      expect(parsed.rootName).toBe('svg');
      expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
      expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
      expect(parsed.title).toBe(chart.title);
      const text = parsed.texts.join('\n');
      expect(parsed.texts).toContain(chart.title);
      expect(text).toMatch(/^Sources: White House \(via AFP\); Josep Borrell/m);
      expect(parsed.texts).toContain('As known by the end of August 22, 2021');
      // Standalone: no CSS variables or classes to resolve, no scripts, nothing fetched.
      expect(svg).not.toContain('var(');
      expect(svg).not.toMatch(/<script|<foreignObject|href="http/);
      // The same pixels away from the page as on it: the figures' blue is drawn.
      const pixels = await decodeImage(page, bytes, 'image/svg+xml', [11, 92, 173]);
      expect(pixels.width).toBe(Number(parsed.width));
      expect(pixels.figureBlue).toBeGreaterThan(500);
    }
    const cumulative = await readSvg(page, (await download(page, 0, 'SVG')).bytes.toString('utf8'));
    // The chart's own marks and its key come along.
    expect(cumulative.texts).toContain('25,100 (latest)');
    expect(cumulative.texts).toContain('Goal 60,000');
    expect(cumulative.texts).toContain('Projection at the observed pace of 3,138 a day');
    expect(cumulative.texts).toContain('1 Taliban enter Kabul (August 15)');
    await page.context().close();
  });

  it('dates the latest view by its latest figure', async () => {
    const page = await openCharts('/');
    const { name, bytes } = await download(page, 1, 'SVG');
    expect(name).toBe('kabul-2021-daily-all-evacuees-2021-08-22.svg');
    const parsed = await readSvg(page, bytes.toString('utf8'));
    expect(parsed.texts).toContain('Latest figure as of August 22, 2021');
    await page.context().close();
  });

  it('draws the image as the reader sees the chart, in dark mode too', async () => {
    const page = await openCharts('/operations/kabul-2021?asOf=2021-08-22', 'dark');
    const { bytes } = await download(page, 0, 'PNG');
    const pixels = await decodeImage(page, bytes, 'image/png', [125, 183, 240]);
    expect(pixels.corner).toBe('17,19,21');
    expect(pixels.figureBlue).toBeGreaterThan(2_000);
    await page.context().close();
  });
});
