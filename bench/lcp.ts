// Largest Contentful Paint of the production page against a static page with the same key figures
// (bench/static-page.ts), in headless Chromium, measured side by side: N alternating runs each, a
// fresh browser context (empty cache, no cookies) per run, median of each, ratio ours / static.
//
// Two ways in:
// - a fresh tab (the context's blank page, then the URL): Chromium can reuse the blank page's
//   renderer process for a page without Cross-Origin-Opener-Policy, but not for ours, whose
//   header requires a new browsing context group and so a new process. So the static page is
//   measured twice here: served with the production page's security headers (the same policies,
//   the app's own cost left to compare) and bare;
// - arriving from a page of another site, as a reader following a link does: every page then
//   gets a new process, headers or not.
//
// Run alone: npx tsx --conditions=react-server bench/lcp.ts   (BENCH_LCP_RUNS=7 by default)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { isMain, runAlone, type BenchApp } from './support/bench-app';
import { measureOnce, median, mostCommon, type PaintSample } from './support/lcp-sample';
import { pidListeningOn, treeCpuSeconds } from './support/process-cpu';
import { ms, ratio, type BenchSection } from './support/report';
import { captureStaticContent, serveStaticPage } from './static-page';

const RUNS = Math.max(1, Number(process.env.BENCH_LCP_RUNS ?? 7));

/** A page on another site ("localhost" is not the same site as "127.0.0.1") to arrive from. */
async function serveOtherSite() {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Elsewhere</title><p>A page on another site.</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const medianLcp = (samples: PaintSample[]) => median(samples.map((s) => s.lcp));
const medianTtfb = (samples: PaintSample[]) => ms(median(samples.map((s) => s.ttfb)));
const list = (samples: PaintSample[]) => samples.map((s) => s.lcp.toFixed(0)).join(', ');

export async function measureLcp(app: Pick<BenchApp, 'url'>): Promise<BenchSection> {
  const browser: Browser = await launchBrowser();
  const content = await captureStaticContent(browser, app.url);
  const staticServer = await serveStaticPage(content, { withSecurityHeaders: false });
  const staticWithHeaders = await serveStaticPage(content, { withSecurityHeaders: true });
  const otherSite = await serveOtherSite();
  try {
    const serverPid = pidListeningOn(Number(new URL(app.url).port));
    let serverCpuSeconds = 0;
    const samples = {
      ours: [] as PaintSample[],
      staticWithHeaders: [] as PaintSample[],
      static: [] as PaintSample[],
      oursFromLink: [] as PaintSample[],
      staticFromLink: [] as PaintSample[],
    };
    const visits: Record<keyof typeof samples, () => Promise<PaintSample>> = {
      ours: async () => {
        // The server's CPU for a whole first visit (the HTML, every script and stylesheet, the
        // prefetches after hydration): steadier than LCP on a busy machine.
        const before = serverPid === null ? 0 : treeCpuSeconds([serverPid]);
        const sample = await measureOnce(browser, `${app.url}/`);
        if (serverPid !== null) serverCpuSeconds += treeCpuSeconds([serverPid]) - before;
        return sample;
      },
      staticWithHeaders: () => measureOnce(browser, `${staticWithHeaders.url}/`),
      static: () => measureOnce(browser, `${staticServer.url}/`),
      oursFromLink: () => measureOnce(browser, `${app.url}/`, otherSite.url),
      staticFromLink: () => measureOnce(browser, `${staticServer.url}/`, otherSite.url),
    };
    const sides = Object.keys(visits) as (keyof typeof samples)[];
    // One discarded visit each: the first request after start loads the route's server code.
    for (const side of sides) await visits[side]();
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate the order, so a drift in machine load falls on every side alike.
      for (const side of run % 2 === 0 ? sides : [...sides].reverse()) samples[side].push(await visits[side]());
    }
    const cpuPerVisit = serverPid === null ? 'unknown (no /proc)' : ms((serverCpuSeconds * 1000) / RUNS);
    const row = (measure: string, ours: PaintSample[], base: PaintSample[], baseLabel: string, aim: string, note: string) => ({
      measure,
      ours: ms(medianLcp(ours)),
      baseline: `${baseLabel} ${ms(medianLcp(base))}`,
      ratio: ratio(medianLcp(ours), medianLcp(base)),
      aim,
      note,
    });
    return {
      title: `Largest Contentful Paint, median of ${RUNS} alternating runs`,
      rows: [
        row(`LCP of /, fresh tab (median of ${RUNS})`, samples.ours, samples.staticWithHeaders, 'static, same headers', '≤ 2',
          `TTFB ${medianTtfb(samples.ours)} vs ${medianTtfb(samples.staticWithHeaders)}; server CPU per first visit ${cpuPerVisit}; Chromium ${browser.version()}`),
        row(`LCP of /, arriving from another site (median of ${RUNS})`, samples.oursFromLink, samples.staticFromLink, 'static', '≤ 2',
          `TTFB ${medianTtfb(samples.oursFromLink)} vs ${medianTtfb(samples.staticFromLink)}`),
        row('LCP of /, fresh tab, against the static page served bare', samples.ours, samples.static, 'bare static', '',
          'the bare page keeps the blank tab\'s process; ours needs a new one (Cross-Origin-Opener-Policy)'),
        row('↳ the static page, fresh tab: with the production security headers vs bare', samples.staticWithHeaders, samples.static, 'bare', '',
          'what the headers (the new process) cost on this machine'),
      ],
      details: [
        ...sides.map((side) => `${side}, LCP ms: ${list(samples[side])}; LCP element: ${mostCommon(samples[side].map((s) => s.element))}`),
        '1280×900 viewport, no CPU or network throttling, loopback; fresh context and cache disabled per run.',
      ],
    };
  } finally {
    await Promise.all([otherSite.close(), staticServer.close(), staticWithHeaders.close()]);
    await browser.close();
  }
}

if (isMain(import.meta.url)) runAlone('lcp', measureLcp);
