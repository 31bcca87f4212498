// One first visit in headless Chromium and what it painted: the Largest Contentful Paint, the
// HTML's first byte, and the element. Optionally the visit starts on a page of another site, as a
// reader's does who follows a link: Chromium then gives the page a new renderer process whatever
// its headers, as it does for most real first visits.
import type { Browser } from 'playwright-core';

export interface PaintSample {
  lcp: number;
  /** Time to the first byte of the HTML: separates server time from what the browser does. */
  ttfb: number;
  element: string;
}

export async function measureOnce(browser: Browser, url: string, comingFrom?: string): Promise<PaintSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    // A new context already starts with an empty cache; this also keeps the run from reusing
    // anything it fetched itself, so each run is a true first visit.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (comingFrom) await page.goto(comingFrom);
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

export function mostCommon(values: string[]): string {
  const count = (value: string) => values.filter((v) => v === value).length;
  return [...new Set(values)].sort((a, b) => count(b) - count(a))[0] ?? '';
}
