// The import page in real Chromium against the production build: a signed-out visitor is sent to
// sign in; a signed-in editor checks a file (every row listed, errors in words, nothing stored),
// fixes it, checks again and imports it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { createStaffAccount, type StaffAccount } from '../support/staff';
import { figureCsv, type CsvRow } from '../support/figure-csv';

let running: AppOnFreshDatabase;
let browser: Browser;
let editor: StaffAccount;

const importPath = '/admin/operations/kabul-2021/import';
const screenshots = join(process.cwd(), 'test-results');

beforeAll(async () => {
  running = await startAppOnFreshDatabase('import-ui');
  mkdirSync(screenshots, { recursive: true });
  editor = await createStaffAccount(running.databaseUrl, 'editor');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** A page signed in the way the sign-in page does it: a same-origin POST that sets the cookie. */
async function signedInPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${running.app.url}/operations`);
  const status = await page.evaluate(async (account) => {
    const response = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(account),
    });
    return response.status;
  }, { email: editor.email, password: editor.password });
  expect(status).toBe(200);
  return page;
}

async function chooseFile(page: Page, name: string, rows: CsvRow[]) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(figureCsv(rows, { hxl: true })) });
}

const figureCount = async () => Number((await queryDatabase(running.databaseUrl, 'SELECT count(*) AS n FROM figure')).rows[0].n);

describe('the import page', () => {
  it('sends a signed-out visitor to the sign-in page', async () => {
    const response = await fetch(`${running.app.url}${importPath}`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(response.status);
    expect(response.headers.get('location')).toBe(`/admin/sign-in?next=${encodeURIComponent(importPath)}`);
  });

  it('checks a file, lists every row, then imports the corrected file', async () => {
    const page = await signedInPage();
    await page.goto(`${running.app.url}${importPath}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Import figures');
    const before = await figureCount();

    // A file with a mistake: the check lists every row and the error, and offers no import.
    const rows: CsvRow[] = [
      { revision_id: '501', value: '26000', as_of: '2021-08-23T00:00:00+04:30' },
      { revision_id: '502', value: '26,4OO', as_of: '2021-08-24T00:00:00+04:30' },
      { revision_id: '503', group: 'afghans', value: '9000', source_title: "'=a title that looks like a formula" },
    ];
    await chooseFile(page, 'kabul-update.csv', rows);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const table = page.getByRole('table', { name: 'Rows of kabul-update.csv' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    const badRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4' }) });
    expect(await badRow.innerText()).toContain('value: must be a whole number from 0 to 1,000,000,000');
    expect(await page.getByRole('status').filter({ hasText: '3 rows' }).innerText()).toContain('3 rows: 2 to add, none already present, 1 with an error.');
    expect(await page.getByText('row 4: value: must be a whole number from 0 to 1,000,000,000').count()).toBe(1);
    expect(await page.getByText('The HXL hashtag row under the header was recognised and skipped.').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    expect(await figureCount()).toBe(before);
    await page.screenshot({ path: join(screenshots, 'import-preview-errors.png'), fullPage: true });

    // The fixed file: every row OK, then imported.
    rows[1] = { ...rows[1], value: '26,400' };
    await chooseFile(page, 'kabul-update.csv', rows);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const commit = page.getByRole('button', { name: 'Import 3 new figures' });
    await commit.waitFor();
    expect(await table.getByText('OK: to add').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);

    await commit.click();
    await page.getByRole('heading', { name: 'Imported kabul-update.csv' }).waitFor();
    expect(await page.getByText('3 figures added, none skipped.').count()).toBe(1);
    expect(await table.getByText('Added').count()).toBe(3);
    expect(await figureCount()).toBe(before + 3);
    await page.screenshot({ path: join(screenshots, 'import-committed.png'), fullPage: true });
    const { rows: stored } = await queryDatabase(
      running.databaseUrl,
      `SELECT f.id, f.value, s.title FROM figure f JOIN source s ON s.id = f.source_id WHERE f.id >= 501 ORDER BY f.id`,
    );
    expect(stored).toEqual([
      { id: 501, value: 26_000, title: 'Count relayed by a test' },
      { id: 502, value: 26_400, title: 'Count relayed by a test' },
      { id: 503, value: 9_000, title: '=a title that looks like a formula' },
    ]);

    // Checking the same file again: every row is already there.
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Every row is already present: importing this file would add nothing.').waitFor();
    expect(await table.getByText('Already present: skipped').count()).toBe(3);
    await page.context().close();
  });

  it('says beside its row that a running total would fall, and offers no import', async () => {
    const page = await signedInPage();
    await page.goto(`${running.app.url}${importPath}`);
    const before = await figureCount();
    // 26,400 as of 24 August is stored (the import above); a lower total the next day is refused.
    await chooseFile(page, 'kabul-lower.csv', [
      { revision_id: '601', value: '26500', as_of: '2021-08-26T00:00:00+04:30' },
      { revision_id: '602', value: '26,000', as_of: '2021-08-25T00:00:00+04:30' },
    ]);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const table = page.getByRole('table', { name: 'Rows of kabul-lower.csv' });
    await table.waitFor();
    const message =
      'row 4: value: is lower than the latest figure on this basis (26,400 as of 2021-08-24T00:00:00+04:30, figure 502). ' +
      'A running total does not fall: if that figure was wrong, correct it with a reason instead.';
    expect(await page.getByText(message).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: '2 rows' }).innerText()).toContain('2 rows: 1 to add, none already present, 1 with an error.');
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    expect(await figureCount()).toBe(before);
    await page.context().close();
  });

  it('refuses a file that is not CSV, saying why', async () => {
    const page = await signedInPage();
    await page.goto(`${running.app.url}${importPath}`);
    await page.getByLabel('CSV file').setInputFiles({ name: 'figures.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The file cannot be imported' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The file is not text (it holds NUL bytes)');
    await page.context().close();
  });
});
