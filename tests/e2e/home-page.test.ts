// The promise of the README: start the app, open http://localhost:3000, see the seeded figures
// with their sources. Real HTTP against the production build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import type { RunningApp } from '../support/app-server';

const externalDatabase = process.env.TEST_DATABASE_URL;
let running: AppOnFreshDatabase;
let app: RunningApp;

function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:])/g, '$1');
}

beforeAll(async () => {
  running = await startAppOnFreshDatabase('home');
  app = running.app;
});

afterAll(async () => {
  await running?.stop();
});

describe('the home page', () => {
  it('says which database it uses, in one line', () => {
    const line = externalDatabase ? /Database: PostgreSQL at 127\.0\.0\.1:\d+/ : /Database: embedded PGlite/;
    expect(app.output()).toMatch(line);
  });

  it('shows 25,100 evacuated with its source and as-of date', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    const text = visibleText(await response.text());
    expect(text).toContain('Kabul airlift, August 2021');
    expect(text).toMatch(/Evacuated so far 25,100 since August 14, as of August 22, 2021/);
    expect(text).toContain('Source: White House, via AFP.');
  });

  it('shows the goals, the deadline and a verdict written from the numbers', async () => {
    const text = visibleText(await (await fetch(`${app.url}/`)).text());
    expect(text).toContain('US nationals: 10,000 to 15,000 by August 31, 2021');
    expect(text).toContain('Afghans and their families: 50,000 to 60,000 by August 31, 2021');
    expect(text).toContain(
      'At the observed pace of 3,138 a day, about 56,475 would be out by August 31: 3,525 short of the goal of 60,000, which needs 3,490 a day.',
    );
  });

  it("shows Borrell's statement with the arithmetic of that day", async () => {
    const text = visibleText(await (await fetch(`${app.url}/`)).text());
    expect(text).toContain('mathematically impossible');
    expect(text).toContain('Josep Borrell');
    expect(text).toContain('3,490 a day needed against 3,138 a day observed');
  });

  it('serves the same operation under its own URL, and 404 for an unknown one', async () => {
    const own = await fetch(`${app.url}/operations/kabul-2021`);
    expect(own.status).toBe(200);
    expect(visibleText(await own.text())).toContain('25,100');
    const unknown = await fetch(`${app.url}/operations/no-such-operation`);
    expect(unknown.status).toBe(404);
    // Next.js renders the not-found boundary of a dynamic route from its RSC payload in the
    // browser (vercel/next.js#62228); the browser tests check what a reader sees.
    expect(await unknown.text()).toContain('No such operation');
  });
});

describe('the public summary read', () => {
  it('keeps the same ETag between requests while nothing changes, and answers 304 to it', async () => {
    const first = await fetch(`${app.url}/api/operations/kabul-2021/summary`);
    const second = await fetch(`${app.url}/api/operations/kabul-2021/summary`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(second.headers.get('etag')).toBe(etag);
    const conditional = await fetch(`${app.url}/api/operations/kabul-2021/summary`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(conditional.status).toBe(304);
  });
});

describe('health checks', () => {
  it('says the process is live, and ready once the database answers with every migration applied', async () => {
    const live = await fetch(`${app.url}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'live' });
    const ready = await fetch(`${app.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready, saying why, while a migration of the build is not applied', async () => {
    const latest = `(SELECT migration_name FROM _prisma_migrations ORDER BY started_at DESC LIMIT 1)`;
    await queryDatabase(running.databaseUrl, `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${latest}`);
    try {
      const ready = await fetch(`${app.url}/api/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      expect(await ready.json()).toEqual({ status: 'not_ready', reason: expect.stringMatching(/^migrations pending: \d{14}_\w+$/) });
    } finally {
      await queryDatabase(running.databaseUrl, `UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE rolled_back_at IS NOT NULL`);
    }
    expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(200);
  });
});
