// Three instances against one database behave as one: a figure written through one reaches a page
// open on another through its live stream, a session made on one is valid on another, and the
// sign-in throttle counts failures wherever they happen.
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/app-server';
import { launchBrowser } from '../support/browser';
import { createApiTokenFor, createStaffAccount, signIn } from '../support/staff';
import { standaloneDatabase, startInstances, type StandaloneDatabase } from '../support/standalone-database';
import { figureInput, writeClient } from '../support/write-api';

let database: StandaloneDatabase;
let instances: RunningApp[] = [];
let browser: Browser;

beforeAll(async () => {
  database = await standaloneDatabase();
  instances = await startInstances(3, database.url, {
    env: { AUTH_SECRET: randomBytes(32).toString('hex'), DATABASE_POOL_MAX: '4' },
  });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(instances.map((app) => app.stop()));
  await database?.stop();
});

const instance = (number: 1 | 2 | 3) => instances[number - 1]!;

describe('three instances on one database', () => {
  it('a figure written through instance 1 reaches a page open on instance 2 within 2 s, over its live stream', async () => {
    const editor = await createStaffAccount(database.url, 'editor');
    const writer = writeClient(instance(1).url, { token: await createApiTokenFor(database.url, editor.email) });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    // Counts the page's live streams and their errors, as the page itself sees them.
    await context.addInitScript(() => {
      const counts = { opened: 0, errors: 0 };
      Object.assign(window, { liveStreams: counts });
      const Native = window.EventSource;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          counts.opened += 1;
          this.addEventListener('error', () => (counts.errors += 1));
        }
      };
    });
    const page = await context.newPage();
    await page.goto(`${instance(2).url}/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.live-status').innerText()).toBe('Live: new figures appear without reloading.');
    // Survives only if the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    const evacuated = page.locator('.figure-card').filter({ has: page.getByText('Evacuated so far', { exact: true }) }).locator('.figure-value');
    expect(await evacuated.innerText()).toBe('25,100');

    const response = await writer.post('kabul-2021/figures', figureInput({ value: 31_700, asOf: '2021-08-23' }));
    expect(response.status).toBe(201);
    // Stored (committed) by now: from here to the number on the screen of the other instance.
    const stored = Date.now();
    await expect.poll(() => evacuated.innerText(), { timeout: 15_000, interval: 50 }).toBe('31,700');
    const shownAfter = Date.now() - stored;
    console.log(`multi-instance: the figure written through instance 1 was shown on instance 2 after ${shownAfter} ms`);
    expect(shownAfter).toBeLessThan(2_000);

    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { liveStreams: unknown }).liveStreams)).toEqual({ opened: 1, errors: 0 });
    expect(await page.locator('.live-status').innerText()).toBe('Live: new figures appear without reloading.');
    await context.close();
  });

  it('a session made on instance 1 is valid on instance 3', async () => {
    const admin = await createStaffAccount(database.url, 'admin');
    const cookie = await signIn(instance(1).url, admin);

    const session = await fetch(`${instance(3).url}/api/auth/session`, { headers: { Cookie: cookie } });
    expect(await session.json()).toMatchObject({ user: { email: admin.email, role: 'admin' } });

    const page = await fetch(`${instance(3).url}/admin/users`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(admin.email);
    // The same request without the cookie is sent to sign in: the cookie is what let it through.
    const signedOut = await fetch(`${instance(3).url}/admin/users`, { redirect: 'manual' });
    expect(signedOut.status).toBeGreaterThanOrEqual(300);
    expect(signedOut.status).toBeLessThan(400);
    expect(signedOut.headers.get('location')).toContain('/admin/sign-in');
  });

  // Last: five failures block every sign-in from this address for 15 minutes.
  it('counts failed sign-ins across instances: the sixth attempt, on any instance, gets 429 with Retry-After', async () => {
    const editor = await createStaffAccount(database.url, 'editor');
    const attempt = async (app: RunningApp) => {
      const response = await fetch(`${app.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: app.url },
        body: JSON.stringify({ email: editor.email, password: 'not the password at all' }),
      });
      return { status: response.status, retryAfter: response.headers.get('retry-after') };
    };
    const spread = [1, 2, 3, 1, 2] as const;
    for (const number of spread) expect((await attempt(instance(number))).status, `instance ${number}`).toBe(401);
    for (const number of [3, 1, 2] as const) {
      const refused = await attempt(instance(number));
      expect(refused.status, `instance ${number}`).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(800);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(900);
    }
    // Refused even with the right password: the count, not the password, decides.
    const right = await fetch(`${instance(3).url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: instance(3).url },
      body: JSON.stringify({ email: editor.email, password: editor.password }),
    });
    expect(right.status).toBe(429);
  });
});
