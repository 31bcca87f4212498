// The public JSON API and the live stream, over HTTP against the production build, on the
// embedded database by default or on TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../support/app-database';
import { startEmbeddedDatabase } from '../../lib/embedded-database';
import { summaryUrl } from '../../lib/queries/operation-summary';
import { startApp, type RunningApp } from '../support/app-server';

const externalDatabase = process.env.TEST_DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), 'evac-api-'));
let app: RunningApp;
let databaseUrl: string;

// A short-lived connection to the app's database, as another editor or instance would use.
const query = (text: string, values: unknown[] = []) => queryDatabase(databaseUrl, text, values);

/** Adds a cumulative kabul-2021 figure since 14 August; returns its id. */
async function insertFigure(group: string, value: number, asOf: string): Promise<number> {
  const { rows } = await query(
    `WITH src AS (INSERT INTO source (publisher, title) VALUES ('Test desk', 'API test') RETURNING id)
     INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id)
     SELECT o.id, g.id, $2, $3, 'CUMULATIVE', o.starts_at, src.id
       FROM operation o JOIN population_group g ON g.operation_id = o.id AND g.slug = $1, src
      WHERE o.slug = 'kabul-2021'
     RETURNING figure.id`,
    [group, value, asOf],
  );
  return rows[0].id as number;
}

const api = (path: string, init?: RequestInit) => fetch(`${app.url}/api/operations/${path}`, init);

beforeAll(async () => {
  if (externalDatabase) {
    databaseUrl = externalDatabase;
    await query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    app = await startApp({ databaseUrl: externalDatabase });
  } else {
    app = await startApp({ embeddedDataDir: join(dataDir, 'pglite') });
    const port = /on 127\.0\.0\.1:(\d+)/.exec(app.output())?.[1];
    if (!port) throw new Error(`No embedded database port in:\n${app.output()}`);
    databaseUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  }
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/operations/:slug/summary', () => {
  it('gives 25,100 with its source and the verdict against 60,000 as of 22 August', async () => {
    const response = await api('kabul-2021/summary?asOf=2021-08-22');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const summary = await response.json();
    expect(summary.group.slug).toBe('all-evacuees');
    expect(summary.viewAsOf).toBe('2021-08-22T19:29:59.999Z');
    expect(summary.latestFigure).toMatchObject({ value: 25_100, source: { publisher: 'White House', via: 'AFP' } });
    expect(summary.target).toMatchObject({ low: 60_000, high: 60_000 });
    expect(summary.feasibility.againstHigh).toMatchObject({ goal: 60_000, verdict: 'off-track', remaining: 34_900 });
  });

  it('carries a strong ETag and cache rules; a finished day may be cached longer than now', async () => {
    const past = await api('kabul-2021/summary?asOf=2021-08-22');
    expect(past.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(past.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300');
    expect(past.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const current = await api('kabul-2021/summary');
    expect(current.status).toBe(200);
    expect(current.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
  });

  it('answers a matching If-None-Match (plain, weak or in a list) with 304 and no body', async () => {
    const first = await api('kabul-2021/summary?asOf=2021-08-22');
    const etag = first.headers.get('etag') as string;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await api('kabul-2021/summary?asOf=2021-08-22', { headers: { 'If-None-Match': header } });
      expect(again.status, header).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
      expect(await again.text()).toBe('');
    }
    const stale = await api('kabul-2021/summary?asOf=2021-08-22', { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status).toBe(200);
  });

  it('keeps the latest view’s ETag until the data changes, so readers revalidate with 304', async () => {
    for (const route of ['summary', 'series']) {
      const first = await api(`kabul-2021/${route}`);
      const etag = first.headers.get('etag') as string;
      expect((await first.json()).viewAsOf, route).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const again = await api(`kabul-2021/${route}`, { headers: { 'If-None-Match': etag } });
      expect(again.status, route).toBe(304);
    }
  });

  it.each([
    ['asOf=not-a-date', 'asOf', 'asOf must be a date as YYYY-MM-DD'],
    ['asOf=2021-02-30', 'asOf', 'asOf must be a date as YYYY-MM-DD'],
    ['asOf=2021-08-01', 'asOf', 'asOf is before the operation started on 2021-08-14'],
    ['group=nope', 'group', 'group "nope" is not a group of this operation'],
  ])('refuses ?%s with 400 naming %s', async (search, parameter, message) => {
    const response = await api(`kabul-2021/summary?${search}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('invalid_parameters');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].parameter).toBe(parameter);
    expect(body.errors[0].message).toContain(message);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it.each(['summary', 'series'])('%s refuses unknown and repeated parameters with 400 naming each', async (route) => {
    for (const [search, parameter, message] of [
      ['asof=2021-08-22', 'asof', 'asof is not a parameter of this route (it takes asOf, group)'],
      ['asOf=2021-08-22&_=1700000000', '_', '_ is not a parameter of this route'],
      ['group=afghans&group=us-nationals', 'group', 'group must be given once'],
      ['asOf=2021-08-22&asOf=2021-08-23', 'asOf', 'asOf must be given once'],
    ] as const) {
      const response = await api(`kabul-2021/${route}?${search}`);
      expect(response.status, search).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await response.json();
      expect(body).toMatchObject({ error: 'invalid_parameters', errors: [{ parameter, message: expect.stringContaining(message) }] });
      expect(body.errors, search).toHaveLength(1);
      expect(body.message).toContain(message);
    }
    // Every unknown one is named, once; an empty value still means "not given", as from the form.
    const both = await (await api(`kabul-2021/${route}?x=1&y=2&x=3`)).json();
    expect(both.errors.map((error: { parameter: string }) => error.parameter)).toEqual(['x', 'y']);
    expect((await api(`kabul-2021/${route}?asOf=&group=afghans&asOf=2021-08-22`)).status).toBe(200);
    // What the page's own client sends (lib/queries/) still reads.
    const client = summaryUrl({ slug: 'kabul-2021', asOf: '2021-08-22', group: 'us-nationals' }).replace('/summary', `/${route}`);
    expect((await fetch(`${app.url}${client}`)).status).toBe(200);
    expect((await api(`kabul-2021/${route}`)).status).toBe(200);
  });

  it('answers 404 JSON for an unknown operation, on every route', async () => {
    for (const route of ['summary', 'series', 'live']) {
      const response = await api(`no-such-operation/${route}`);
      expect(response.status, route).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found', message: 'No such operation' });
    }
  });
});

describe('GET /api/operations/:slug/series', () => {
  it('gives every point of the series, with revision, source and provisional flag', async () => {
    const hours = 480;
    await query(
      `WITH src AS (INSERT INTO source (publisher, title) VALUES ('Test desk', 'Hourly counts') RETURNING id)
       INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, provisional, source_id)
       SELECT o.id, g.id, 100 * h, o.starts_at + h * interval '1 hour', 'CUMULATIVE', o.starts_at, h % 2 = 0, src.id
         FROM operation o JOIN population_group g ON g.operation_id = o.id AND g.slug = 'afghans', src,
              generate_series(1, $1) AS h
        WHERE o.slug = 'kabul-2021'`,
      [hours],
    );
    const { rows } = await query(`SELECT id FROM figure WHERE value = 100 * 7 AND source_id =
                                    (SELECT max(id) FROM source WHERE title = 'Hourly counts')`);
    const corrected = rows[0].id as number;
    const { rows: correction } = await query(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id, replaces_id, correction_reason)
       SELECT operation_id, group_id, 750, as_of, kind, basis_start, source_id, id, 'Typo' FROM figure WHERE id = $1
       RETURNING id`,
      [corrected],
    );

    const response = await api('kabul-2021/series?group=afghans');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const series = await response.json();
    expect(series.group).toEqual({ slug: 'afghans', name: 'Afghans and their families' });
    expect(series.points).toHaveLength(hours);
    expect(series.points[0]).toMatchObject({ value: 100, provisional: false, source: { publisher: 'Test desk' } });
    expect(series.points[1]).toMatchObject({ value: 200, provisional: true });
    expect(series.points[6]).toMatchObject({
      value: 750,
      revisionId: correction[0].id,
      replacesRevisionId: corrected,
      correctionReason: 'Typo',
    });
    const asOfs = series.points.map((point: { asOf: string }) => point.asOf);
    expect([...asOfs].sort()).toEqual(asOfs);
  });

  it('applies the same view parameters as the summary', async () => {
    const response = await api('kabul-2021/series?asOf=2021-08-22');
    const series = await response.json();
    expect(series.points.map((point: { value: number }) => point.value)).toEqual([25_100]);
    expect((await api('kabul-2021/series?asOf=2021-08-01')).status).toBe(400);
  });
});

describe('GET /api/operations/:slug/live', () => {
  it('sends a change event within 2 s of a figure inserted in the database', async () => {
    const abort = new AbortController();
    const response = await api('kabul-2021/live', { signal: abort.signal });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      const events = eventReader(response);
      expect(await events.until('event: ready', 10_000)).toMatch(/^retry: \d+/m);

      // Read the latest view first, so the instance holds it (pages and the API keep a read for
      // a few seconds): the change must reach readers anyway.
      expect((await (await api('kabul-2021/summary')).json()).latestFigure.value).not.toBe(31_234);
      const inserted = Date.now();
      await insertFigure('all-evacuees', 31_234, '2021-08-23T00:00:00+04:30');
      const text = await events.until('event: change', 2_000);
      expect(Date.now() - inserted).toBeLessThan(2_000);
      expect(text).toContain('data: {"operation":"kabul-2021","reason":"change"}');
      // How the feed learns of changes is probed, not configured (see lib/live/change-detection).
      expect(app.output()).toContain(
        externalDatabase ? 'Live updates: listening for changes (LISTEN/NOTIFY)' : 'Live updates: polling for changes',
      );
    } catch (error) {
      // The app's log says how the change feed started (or why it could not).
      throw new Error(`${String(error)}\nApp output:\n${app.output()}`);
    } finally {
      abort.abort();
    }
    // The refetch the event prompts sees the new figure.
    const summary = await (await api('kabul-2021/summary')).json();
    expect(summary.latestFigure.value).toBe(31_234);
  });
});

describe('while the database is away', () => {
  it('answers 503 JSON with Retry-After, never a stack trace, and keeps serving', async () => {
    // A database of its own, so this test can stop it whatever the run uses.
    const database = await startEmbeddedDatabase({ port: 0 });
    const second = await startApp({ databaseUrl: database.url, env: { DATABASE_POOL_MAX: '4' } });
    try {
      const url = `${second.url}/api/operations/kabul-2021`;
      // A view read before the outage (the start-up check read `/`) may be answered from memory
      // for a few seconds (lib/data/read-cache.ts): the routes below ask for views never read.
      expect((await fetch(`${url}/summary?asOf=2021-08-22`)).status).toBe(200);
      await database.stop();
      for (const route of ['summary?group=us-nationals', 'series?group=afghans', 'live']) {
        const response = await fetch(`${url}/${route}`);
        expect(response.status, route).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        const body = await response.json();
        expect(body).toEqual({
          error: 'service_unavailable',
          message: 'The database is unavailable; try again shortly.',
        });
      }
      // Still up: the next request is answered, not refused.
      expect((await fetch(`${url}/summary?group=us-nationals`)).status).toBe(503);
    } finally {
      await second.stop();
      await database.stop().catch(() => undefined);
    }
  });
});

/** Reads an event stream's text until it contains a marker, within a time limit. */
function eventReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    async until(marker: string, timeoutMs: number): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      while (!text.includes(marker)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No "${marker}" within ${timeoutMs} ms; got:\n${text}`);
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`No "${marker}" within ${timeoutMs} ms; got:\n${text}`)), left)),
        ]);
        if (chunk.done) throw new Error(`The stream ended; got:\n${text}`);
        text += decoder.decode(chunk.value, { stream: true });
      }
      const seen = text;
      text = text.slice(text.indexOf(marker) + marker.length);
      return seen;
    },
  };
}

// Last, since it stops the app the other tests share.
describe('stopping the app', () => {
  it('exits cleanly on SIGTERM with a live stream open and the change feed running', async () => {
    const abort = new AbortController();
    const response = await api('kabul-2021/live', { signal: abort.signal });
    await eventReader(response).until('event: ready', 10_000);
    const started = Date.now();
    expect(await app.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    abort.abort();
  });
});
