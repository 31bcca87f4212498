// Steps through the admin pages the way an editor does, for the browser tests.
import type { Browser, Locator, Page } from 'playwright-core';
import type { StaffAccount } from './staff';

export async function newAdminPage(browser: Browser, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
  });
  return context.newPage();
}

/** Opens `path`, which sends a signed-out browser to the sign-in page, and signs in there. */
export async function signInThroughPage(page: Page, appUrl: string, account: StaffAccount, path = '/admin'): Promise<void> {
  await page.goto(`${appUrl}${path}`);
  await page.waitForURL(/\/admin\/sign-in/);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

export async function fillSource(form: Locator, source: { publisher: string; title: string; url?: string }): Promise<void> {
  await form.getByLabel('Publisher').fill(source.publisher);
  await form.getByLabel('Title').fill(source.title);
  if (source.url) await form.getByLabel('Web address').fill(source.url);
}

/** The figure whose value in force is `value` ("28,000"), with its history and its forms. */
export const figureChain = (page: Page, value: string) =>
  page.locator('.figure-chain').filter({ has: page.locator('.chain-title', { hasText: new RegExp(`^In force: ${value}(?![\\d,])`) }) });

/**
 * The same figure, found by the id of its first revision: it stays the same after a correction
 * changes the value in force.
 */
export async function pinnedFigureChain(page: Page, value: string): Promise<Locator> {
  const id = await figureChain(page, value).getAttribute('data-figure-chain');
  return page.locator(`[data-figure-chain="${id}"]`);
}

/** The number on the public page's "Evacuated so far" card. */
export async function evacuatedSoFar(page: Page): Promise<number> {
  const card = page.locator('.figure-card').filter({ has: page.getByText('Evacuated so far', { exact: true }) });
  return Number((await card.locator('.figure-value').innerText()).replace(/[^\d]/g, ''));
}
