// A browser context that records every Content-Security-Policy violation of its pages and frames:
// the `securitypolicyviolation` events the documents fire (reported through the console by an
// init script) and Chromium's own console messages about refused scripts, styles and headers.
import type { Browser, BrowserContext } from 'playwright-core';

export interface WatchedContext {
  context: BrowserContext;
  /** Every violation and refusal so far, in the browser's words. */
  problems: string[];
}

const MARK = 'securitypolicyviolation:';
// Chromium's own wording when it refuses something under the policy, or a header it cannot read.
const REFUSAL = /Content Security Policy|Refused to|Permissions-Policy|Permissions Policy/i;

export async function watchedContext(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<WatchedContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: 'light',
    locale: 'en-US',
    acceptDownloads: true,
  });
  const problems: string[] = [];
  // Init scripts run through the DevTools protocol, which the page's policy does not govern.
  await context.addInitScript((mark: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${mark} ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} in ${event.documentURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  }, MARK);
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(MARK) || REFUSAL.test(text)) problems.push(text);
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  return { context, problems };
}
