// What an admin does besides figures, in real Chromium against the production build: API tokens
// (shown once), accounts (disable, the password rule) and the audit log.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAdminPage, signInThroughPage } from '../support/admin-pages';
import { startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { launchBrowser } from '../support/browser';
import { createStaffAccount } from '../support/staff';

/** A save re-renders the page in the same response: on this shared machine that can take seconds. */
const eventually = { timeout: 20_000, interval: 200 };
let running: AppOnFreshDatabase;
let browser: Browser;

beforeAll(async () => {
  running = await startAppOnFreshDatabase('admin-accounts');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const url = (path: string) => `${running.app.url}${path}`;

describe('the admin pages for tokens, accounts and the audit log', () => {
  it('lets an admin make a token shown once, revoke it, disable an account and read the audit log', async () => {
    const admin = await createStaffAccount(running.databaseUrl, 'admin');
    const otherEditor = await createStaffAccount(running.databaseUrl, 'editor');
    const page = await newAdminPage(browser);
    await signInThroughPage(page, running.app.url, admin, '/admin/tokens');
    const tokenForm = page.getByRole('form', { name: 'Create a token' });
    await tokenForm.getByLabel('Name').fill('newsroom import');
    await tokenForm.getByRole('button', { name: 'Create the token' }).click();
    const shown = page.getByLabel('Your new token');
    await expect.poll(() => shown.count(), eventually).toBe(1);
    const token = await shown.inputValue();
    expect(token).toMatch(/^evac_[\w-]{40,}$/);
    expect(await page.locator('.new-token').innerText()).toContain('shown only this once');
    const listed = page.locator('.token').filter({ hasText: 'newsroom import' });
    expect(await listed.locator('code').innerText()).toBe(`${token.slice(0, 12)}…`);
    await page.reload();
    expect(await page.content()).not.toContain(token);
    await page.locator('.token').filter({ hasText: 'newsroom import' }).getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.locator('.token').filter({ hasText: 'newsroom import' }).innerText(), eventually).toContain('Revoked');

    await page.goto(url('/admin/users'));
    const person = page.locator('.user').filter({ hasText: otherEditor.email });
    await person.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => person.innerText(), eventually).toContain('Disabled');
    const userForm = page.getByRole('form', { name: 'Create an account' });
    await userForm.getByLabel('Email address').fill('short-password@example.org');
    await userForm.getByLabel('Name').fill('Shorty');
    await userForm.getByLabel('Initial password').fill('short');
    await userForm.getByRole('button', { name: 'Create the account' }).click();
    await expect.poll(() => userForm.locator('.field-error').innerText(), eventually).toMatch(/^Initial password must be at least 12 characters/);

    await page.goto(url('/admin/audit'));
    const rows = page.locator('.audit-table tbody tr');
    expect(await rows.first().innerText()).toContain('user.disable');
    expect(await rows.first().innerText()).toContain(admin.email);
    expect(await page.locator('.audit-table').innerText()).toMatch(/token\.create/);
    expect(await rows.first().locator('time').innerText()).toMatch(/UTC$/);
    await page.context().close();
  }, 120_000);
});
