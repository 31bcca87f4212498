// Largest Contentful Paint of the production page against a static page with the same key figures
// (bench/static-page.ts), in headless Chromium, measured side by side: N alternating runs each, a
// fresh browser context (empty cache, no cookies) per run, median of each, ratio ours / static.
//
// Run alone: npx tsx --conditions=react-server bench/lcp.ts   (BENCH_LCP_RUNS=7 by default)
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { isMain, runAlone, type BenchApp } from './support/bench-app';
import { pidListeningOn, treeCpuSeconds } from './support/process-cpu';
import { ms, ratio, type BenchSection } from './support/report';
import { captureStaticContent, serveStaticPage } from './static-page';

const RUNS = Math.max(1, Number(process.env.BENCH_LCP_RUNS ?? 7));

interface PaintSample {
  lcp: number;
  /** Time to the first byte of the HTML: separates server time from what the browser does. */
  ttfb: number;
  element: string;
}

async function measureOnce(browser: Browser, url: string): Promise<PaintSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    // A new context already starts with an empty cache; this also keeps the run from reusing
    // anything it fetched itself, so each run is a true first visit.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // networkidle: hydration and client rendering may paint a larger element after `load`.
    await page.goto(url, { waitUntil: 'networkidle' });
    return await page.evaluate(
      () =>
        new Promise<PaintSample>((resolve, reject) => {
          let last: LargestContentfulPaint | undefined;
          const observer = new PerformanceObserver((list) => {
            last = list.getEntries().at(-1) as LargestContentfulPaint | undefined;
          });
          // buffered: true hands over the entries recorded before the observer existed.
          observer.observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => {
            observer.disconnect();
            const navigation = performance.getEntriesByType('navigation')[0] as
              | PerformanceNavigationTiming
              | undefined;
            if (!last) return reject(new Error('no largest-contentful-paint entry'));
            const element = last.element;
            const classes = element?.className ? `.${String(element.className).split(' ').join('.')}` : '';
            resolve({
              lcp: last.startTime,
              ttfb: navigation?.responseStart ?? Number.NaN,
              element: element ? `${element.tagName.toLowerCase()}${classes}` : '(removed)',
            });
          }, 200);
        }),
    );
  } finally {
    await context.close();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

function mostCommon(values: string[]): string {
  const count = (value: string) => values.filter((v) => v === value).length;
  return [...new Set(values)].sort((a, b) => count(b) - count(a))[0] ?? '';
}

const medianTtfb = (samples: PaintSample[]) => ms(median(samples.map((s) => s.ttfb)));

export async function measureLcp(app: Pick<BenchApp, 'url'>): Promise<BenchSection> {
  const browser = await launchBrowser();
  const staticServer = await serveStaticPage(await captureStaticContent(browser, app.url));
  try {
    const ours: PaintSample[] = [];
    const baseline: PaintSample[] = [];
    // One discarded visit each: the first request after start loads the route's server code.
    await measureOnce(browser, `${app.url}/`);
    await measureOnce(browser, `${staticServer.url}/`);
    // The server's CPU for a whole first visit (the HTML, every script and stylesheet, the
    // prefetches after hydration): steadier than LCP on a busy machine.
    const serverPid = pidListeningOn(Number(new URL(app.url).port));
    let serverCpuSeconds = 0;
    const visitOurs = async () => {
      const before = serverPid === null ? 0 : treeCpuSeconds([serverPid]);
      ours.push(await measureOnce(browser, `${app.url}/`));
      if (serverPid !== null) serverCpuSeconds += treeCpuSeconds([serverPid]) - before;
    };
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate which goes first, so a drift in machine load falls on both sides alike.
      const order = run % 2 === 0 ? (['ours', 'static'] as const) : (['static', 'ours'] as const);
      for (const side of order) {
        if (side === 'ours') await visitOurs();
        else baseline.push(await measureOnce(browser, `${staticServer.url}/`));
      }
    }
    const cpuPerVisit = serverPid === null ? 'unknown (no /proc)' : ms((serverCpuSeconds * 1000) / RUNS);
    const lcpOurs = median(ours.map((s) => s.lcp));
    const lcpStatic = median(baseline.map((s) => s.lcp));
    const list = (samples: PaintSample[]) => samples.map((s) => s.lcp.toFixed(0)).join(', ');
    return {
      title: `Largest Contentful Paint, median of ${RUNS} alternating runs`,
      rows: [
        {
          measure: `LCP of / (median of ${RUNS})`,
          ours: ms(lcpOurs),
          baseline: `static ${ms(lcpStatic)}`,
          ratio: ratio(lcpOurs, lcpStatic),
          aim: '≤ 2',
          note: `TTFB ${medianTtfb(ours)} vs ${medianTtfb(baseline)}; server CPU per first visit ${cpuPerVisit}; Chromium ${browser.version()}`,
        },
      ],
      details: [
        `ours, LCP ms: ${list(ours)}; LCP element: ${mostCommon(ours.map((s) => s.element))}`,
        `static, LCP ms: ${list(baseline)}; LCP element: ${mostCommon(baseline.map((s) => s.element))}`,
        '1280×900 viewport, no CPU or network throttling, loopback; fresh context and cache disabled per run.',
      ],
    };
  } finally {
    await staticServer.close();
    await browser.close();
  }
}

if (isMain(import.meta.url)) runAlone('lcp', measureLcp);
