// The LCP baseline: a small static page carrying the same key figures as the production page,
// served by node:http with no JavaScript at all. Its text is copied from the production page as
// rendered (header, title, verdict, key figures), and its CSS is the production stylesheet, so the
// two pages paint the same words in the same layout; what remains is the cost of the app itself
// (server rendering with database reads, scripts, hydration).
//
// It can be served bare, or with the production page's security headers (the policies a site
// sets for all its pages, static or not): Cross-Origin-Opener-Policy among them makes Chromium
// start a new renderer process for the page, which a bare page opened in a fresh tab is spared.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';

export interface StaticContent {
  lang: string;
  dir: string;
  title: string;
  css: string;
  bodyHtml: string;
  /** The production page's security headers (Content-Security-Policy, COOP, framing, …). */
  securityHeaders: Record<string, string>;
}

/** Response headers that are site policy rather than about this one response's body. */
const SECURITY_HEADER =
  /^(?:content-security-policy|cross-origin-[a-z-]+|x-frame-options|x-content-type-options|referrer-policy|permissions-policy|origin-agent-cluster|strict-transport-security)$/;

// The parts of the page a reader sees first. Anything not there (a redesign) is skipped, and the
// page's visible text is used instead, so the baseline never silently becomes an empty page.
const KEY_SELECTORS = ['.site-header', '.operation-header', '.verdict', '.key-figures'];

/** Loads the production page once and copies its key figures and its stylesheets. */
export async function captureStaticContent(browser: Browser, appUrl: string): Promise<StaticContent> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${appUrl}/`, { waitUntil: 'networkidle' });
    if (!response) throw new Error(`no response for ${appUrl}/`);
    const securityHeaders = Object.fromEntries(
      Object.entries(await response.allHeaders()).filter(([name]) => SECURITY_HEADER.test(name)),
    );
    const captured = await page.evaluate((selectors) => {
      const parts = selectors
        .map((selector) => document.querySelector(selector))
        .filter((element): element is Element => element !== null)
        .map((element) => element.outerHTML);
      const fallback = `<p>${(document.querySelector('main')?.textContent ?? '').slice(0, 2000)}</p>`;
      return {
        lang: document.documentElement.lang || 'en',
        dir: document.documentElement.dir || 'ltr',
        title: document.title,
        stylesheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href),
        inlineCss: [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n'),
        bodyHtml: parts.length >= 2 ? parts.join('\n') : fallback,
      };
    }, KEY_SELECTORS);
    const sheets = await Promise.all(
      captured.stylesheets.map(async (href) => (await fetch(href)).text()),
    );
    return {
      lang: captured.lang,
      dir: captured.dir,
      title: captured.title,
      css: [...sheets, captured.inlineCss].join('\n'),
      bodyHtml: captured.bodyHtml,
      securityHeaders,
    };
  } finally {
    await context.close();
  }
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function staticHtml(content: StaticContent): string {
  // The stylesheet stays an external, render-blocking <link>, as on the production page.
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(content.lang)}" dir="${escapeHtml(content.dir)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)}</title><link rel="stylesheet" href="/static.css"></head>`,
    `<body><main id="main">${content.bodyHtml}</main></body></html>`,
  ].join('\n');
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function serveStaticPage(content: StaticContent, options: { withSecurityHeaders: boolean }): Promise<StaticServer> {
  const html = staticHtml(content);
  const server: Server = createServer((request, response) => {
    const isCss = request.url === '/static.css';
    if (request.url !== '/' && !isCss) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      ...(options.withSecurityHeaders ? content.securityHeaders : {}),
      'content-type': isCss ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(isCss ? content.css : html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
