// What an editor does in the admin area, in real Chromium against the production build and its
// database: sign in, add and correct figures (seen on the public page), lose a correction race
// without losing their typing, sign out; and what the area refuses.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evacuatedSoFar, figureChain, fillSource, newAdminPage, pinnedFigureChain, signInThroughPage } from '../support/admin-pages';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { axeViolations, launchBrowser } from '../support/browser';
import { createStaffAccount, type StaffAccount } from '../support/staff';

const screenshots = join(process.cwd(), 'test-results');
const OPERATION_PAGE = '/admin/operations/kabul-2021';
/** A save re-renders the page in the same response: on this shared machine that can take seconds. */
const eventually = { timeout: 20_000, interval: 200 };
const SLOW = 120_000;
let running: AppOnFreshDatabase;
let browser: Browser;
let editor: StaffAccount;
let otherEditor: StaffAccount;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  running = await startAppOnFreshDatabase('admin-browser');
  browser = await launchBrowser();
  editor = await createStaffAccount(running.databaseUrl, 'editor');
  otherEditor = await createStaffAccount(running.databaseUrl, 'editor');
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const url = (path: string) => `${running.app.url}${path}`;
const figureRows = async (value: number) =>
  Number((await queryDatabase(running.databaseUrl, 'SELECT count(*) FROM figure WHERE value = $1', [value])).rows[0].count);

async function publicEvacuated(page: Page): Promise<number> {
  await page.goto(url('/operations/kabul-2021'));
  return evacuatedSoFar(page);
}

async function editorPage(account = editor): Promise<Page> {
  const page = await newAdminPage(browser);
  await signInThroughPage(page, running.app.url, account, OPERATION_PAGE);
  return page;
}

describe('the admin area in a browser', () => {
  it('sends a signed-out visitor to sign in, then back to the page asked for, with a __Host- Secure cookie', async () => {
    const page = await newAdminPage(browser);
    await page.goto(url(OPERATION_PAGE));
    expect(new URL(page.url()).searchParams.get('next')).toBe(OPERATION_PAGE);
    await signInThroughPage(page, running.app.url, editor, OPERATION_PAGE);
    expect(await page.locator('[data-signed-in]').innerText()).toContain(editor.email);
    const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-evac.session_token');
    expect(cookie, 'Chromium kept the __Host- cookie over http://127.0.0.1').toBeDefined();
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
    await page.context().close();
  });

  it('adds a figure once however often the form is sent, and the public page shows it', async () => {
    const page = await editorPage();
    const form = page.getByRole('form', { name: 'Add a figure' });
    await form.getByLabel('Group').selectOption('all-evacuees');
    await form.getByLabel('Number of people').fill('28,000');
    expect(await form.getByLabel('Counted since').inputValue()).toBe('2021-08-14');
    await form.getByLabel('As of').fill('2021-08-23T06:00');
    await fillSource(form, { publisher: 'Pentagon', title: 'Briefing of 23 August', url: 'https://example.org/briefing' });
    // A double submit: the second goes out before the first has answered, with the same key.
    await form.evaluate((element: HTMLFormElement) => {
      element.requestSubmit();
      element.requestSubmit();
    });
    await expect.poll(() => form.getByRole('status').innerText(), eventually).toContain('Figure added');
    expect(await form.getByRole('status').innerText()).toContain('sent twice; it was stored once');
    expect(await figureRows(28_000)).toBe(1);
    const chain = figureChain(page, '28,000');
    await expect.poll(() => chain.count(), eventually).toBe(1);
    expect(await chain.innerText()).toContain('Pentagon');
    expect(await chain.getByRole('link', { name: 'Briefing of 23 August' }).getAttribute('href')).toBe('https://example.org/briefing');
    expect(await chain.innerText()).toContain(`by ${editor.email}`);
    // Saved: the form is empty again, ready for the next figure.
    expect(await form.getByLabel('Number of people').inputValue()).toBe('');
    expect(await publicEvacuated(page)).toBe(28_000);
    await page.context().close();
  }, SLOW);

  it('corrects it: the old value stays in the history, superseded, and the public page shows the new one', async () => {
    const page = await editorPage();
    const chain = await pinnedFigureChain(page, '28,000');
    await chain.getByText('Correct', { exact: true }).click();
    const form = chain.getByRole('form', { name: /^Correct revision/ });
    await form.getByLabel('Corrected number').fill('28,500');
    await form.getByLabel('Reason').fill('The Pentagon revised its count');
    await fillSource(form, { publisher: 'Pentagon', title: 'Revised briefing' });
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => form.getByRole('status').innerText(), eventually).toContain('Correction saved');
    const corrected = figureChain(page, '28,500');
    await expect.poll(() => corrected.count(), eventually).toBe(1);
    const revisions = corrected.locator('.revision');
    expect(await revisions.count()).toBe(2);
    expect(await revisions.nth(0).innerText()).toMatch(/28,000\s+Superseded/);
    expect(await revisions.nth(1).innerText()).toMatch(/28,500\s+Current/);
    expect(await revisions.nth(1).innerText()).toContain('The Pentagon revised its count');
    expect(await publicEvacuated(page)).toBe(28_500);
    await page.context().close();
  }, SLOW);

  it('two editors correct the same figure: the second sees the value now in force and keeps what they typed', async () => {
    const [first, second] = [await editorPage(editor), await editorPage(otherEditor)];
    const [firstChain, secondChain] = [await pinnedFigureChain(first, '28,500'), await pinnedFigureChain(second, '28,500')];
    for (const chain of [firstChain, secondChain]) await chain.getByText('Correct', { exact: true }).click();
    const firstForm = firstChain.getByRole('form', { name: /^Correct revision/ });
    const secondForm = secondChain.getByRole('form', { name: /^Correct revision/ });
    await secondForm.getByLabel('Corrected number').fill('29,100');
    await secondForm.getByLabel('Reason').fill('Second editor’s reading');
    await fillSource(secondForm, { publisher: 'UK Ministry of Defence', title: 'Update' });

    await firstForm.getByLabel('Corrected number').fill('29,000');
    await firstForm.getByLabel('Reason').fill('First editor’s reading');
    await fillSource(firstForm, { publisher: 'White House', title: 'Update' });
    await firstForm.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => firstForm.getByRole('status').innerText(), eventually).toContain('Correction saved');

    await secondForm.getByRole('button', { name: 'Save the correction' }).click();
    const alert = secondForm.getByRole('alert');
    await expect.poll(() => alert.innerText(), eventually).toContain('Someone else corrected this figure first');
    expect(await alert.innerText()).toContain('Value now in force: 29,000');
    expect(await secondForm.getByLabel('Corrected number').inputValue()).toBe('29,100');
    expect(await secondForm.getByLabel('Reason').inputValue()).toBe('Second editor’s reading');
    expect(await secondForm.getByLabel('Publisher').inputValue()).toBe('UK Ministry of Defence');
    expect(await figureRows(29_100)).toBe(0);

    // Having seen 29,000, the second editor saves again: now a knowing correction of 29,000.
    await secondForm.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => secondForm.getByRole('status').innerText(), eventually).toContain('Correction saved');
    const revisions = secondChain.locator('.revision');
    await expect.poll(() => revisions.count(), eventually).toBe(4);
    expect(await revisions.nth(2).innerText()).toMatch(/29,000\s+Superseded/);
    expect(await revisions.nth(3).innerText()).toMatch(/29,100\s+Current/);
    await first.context().close();
    await second.context().close();
  }, SLOW);

  it('shows what is wrong beside each field and stores nothing; the page passes axe-core', async () => {
    const page = await editorPage();
    const before = Number((await queryDatabase(running.databaseUrl, 'SELECT count(*) FROM figure')).rows[0].count);
    const form = page.getByRole('form', { name: 'Add a figure' });
    await form.getByLabel('Number of people').fill('12.5');
    await form.getByRole('button', { name: 'Add the figure' }).click();
    await expect.poll(() => form.getByRole('alert').innerText(), eventually).toContain('Nothing was saved');
    const value = form.getByLabel('Number of people');
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await value.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toMatch(/^Number of people must be a whole number/);
    expect(await form.locator('.field-invalid').filter({ hasText: 'Publisher' }).innerText()).toContain('Publisher is required');
    expect(await value.inputValue()).toBe('12.5');
    expect(Number((await queryDatabase(running.databaseUrl, 'SELECT count(*) FROM figure')).rows[0].count)).toBe(before);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    }
    await page.context().close();
  }, SLOW);

  it('fits a 375 px phone and a 1280 px desktop (screenshots)', async () => {
    for (const width of [375, 1280]) {
      const page = await newAdminPage(browser, { width });
      await signInThroughPage(page, running.app.url, editor, OPERATION_PAGE);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshots, `admin-operation-${width}.png`), fullPage: true });
      await page.context().close();
    }
  }, SLOW);

  it('refuses an editor the users page', async () => {
    const page = await editorPage();
    await page.goto(url('/admin/users'));
    expect(await page.locator('[data-forbidden]').innerText()).toContain('Not allowed');
    expect(await page.getByRole('heading', { name: 'Staff accounts' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.context().close();
  });

  it('signs out: the admin area then asks to sign in again', async () => {
    const page = await editorPage();
    await Promise.all([page.waitForURL(/\/admin\/sign-in$/), page.getByRole('button', { name: 'Sign out' }).click()]);
    await page.goto(url('/admin'));
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    expect(await page.getByRole('heading', { name: 'Staff sign-in' }).count()).toBe(1);
    await page.context().close();
  });

  // Last: five failures from this address block every sign-in from it for 15 minutes.
  it('after five wrong passwords, the sixth attempt is refused with 429 and says when to retry', async () => {
    const account = await createStaffAccount(running.databaseUrl, 'editor');
    const page = await newAdminPage(browser);
    await page.goto(url('/admin/sign-in'));
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password').fill('not the password at all');
    const attempt = async () => {
      const [response] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isEnabled(), eventually).toBe(true);
      return response.status();
    };
    for (let failure = 1; failure <= 5; failure += 1) {
      expect(await attempt()).toBe(401);
      expect(await page.locator('[data-outcome]').innerText()).toBe('Wrong email address or password.');
    }
    expect(await attempt()).toBe(429);
    expect(await page.locator('[data-outcome]').innerText()).toMatch(/^Too many failed sign-ins\. Try again in 15 minutes, after \d/);
    await page.context().close();
  }, SLOW);
});
