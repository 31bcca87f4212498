// The public JSON read API over real HTTP against the production build, on the embedded database
// by default or on TEST_DATABASE_URL: every route's happy path on the seeded Kabul data (each
// answer parsed with the zod schema the OpenAPI document is made from), paging, conditional GET,
// every refused parameter, unknown operations. The OpenAPI document and the /api page are in
// api-docs.test.ts.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { figurePageSchema, figureRevisionWithSuccessorSchema } from '@/lib/api/schemas/figures';
import { seriesSchema, summarySchema } from '@/lib/api/schemas/dashboard';
import {
  eventListSchema,
  groupListSchema,
  operationDetailSchema,
  operationListSchema,
  statementListSchema,
  targetListSchema,
} from '@/lib/api/schemas/operation';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';

let running: AppOnFreshDatabase;
const get = (path: string, init?: RequestInit) => fetch(`${running.app.url}${path}`, init);

async function read<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('etag'), path).toMatch(/^"[\w-]+"$/);
  return schema.parse(await response.json());
}

/** Adds a cumulative kabul-2021 figure (optionally correcting or retracting another); its id. */
async function addFigure(group: string, value: number, asOf: string, replaces?: { id: number; retract?: boolean }) {
  const { rows } = await queryDatabase(
    running.databaseUrl,
    `WITH src AS (INSERT INTO source (publisher, title) VALUES ('Test desk', 'Paging test') RETURNING id)
     INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id, replaces_id, correction_reason, retracted)
     SELECT o.id, g.id, $2, $3, 'CUMULATIVE', o.starts_at, src.id, $4, $5, $6
       FROM operation o JOIN population_group g ON g.operation_id = o.id AND g.slug = $1, src
      WHERE o.slug = 'kabul-2021' RETURNING figure.id`,
    [group, value, asOf, replaces?.id ?? null, replaces ? 'Test correction' : null, replaces?.retract ?? false],
  );
  return rows[0].id as number;
}

/** Every figure id of the list, following nextCursor and checking the Link header agrees. */
async function pageThrough(query: string, limit: number): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let path: string | null = `/api/operations/kabul-2021/figures?${query}${query ? '&' : ''}limit=${limit}`;
  let pages = 0;
  while (path) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    const page = figurePageSchema.parse(await response.json());
    pages += 1;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.id));
    const link = response.headers.get('link');
    if (page.nextCursor === null) {
      expect(link).toBeNull();
      path = null;
    } else {
      const target = /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1];
      expect(target).toBeDefined();
      expect(new URL(target!, running.app.url).searchParams.get('cursor')).toBe(page.nextCursor);
      path = target!;
    }
  }
  return { ids, pages };
}

async function csvCount(query: string): Promise<number> {
  const response = await get(`/api/operations/kabul-2021/figures.csv?${query}`);
  expect(response.status).toBe(200);
  return (parse(await response.text(), { columns: true }) as unknown[]).length;
}

beforeAll(async () => {
  running = await startAppOnFreshDatabase('json-api');
});

afterAll(async () => {
  await running?.stop();
});

describe('operations, groups, targets, events and statements', () => {
  it('lists kabul-2021 as the default operation, with its dates in Kabul time and links', async () => {
    const { items } = await read('/api/operations', operationListSchema);
    const kabul = items.find((operation) => operation.slug === 'kabul-2021');
    expect(kabul).toMatchObject({
      name: 'Kabul airlift, August 2021',
      timeZone: 'Asia/Kabul',
      startsAt: '2021-08-14T00:00:00+04:30',
      deadline: '2021-09-01T00:00:00+04:30',
      default: true,
      links: { self: '/api/operations/kabul-2021', figures: '/api/operations/kabul-2021/figures' },
    });
    expect((await get(kabul!.links.self)).status).toBe(200);
  });

  it('gives one operation with its three groups and its targets', async () => {
    const operation = await read('/api/operations/kabul-2021', operationDetailSchema);
    expect(operation.groups.map((group) => group.slug)).toEqual(['all-evacuees', 'us-nationals', 'afghans']);
    expect(operation.targets).toHaveLength(3);
    const groups = await read('/api/operations/kabul-2021/groups', groupListSchema);
    expect(groups.items).toEqual(operation.groups);
  });

  it('lists the targets with sources, including the 50,000–60,000 Afghans goal by 31 August', async () => {
    const { items } = await read('/api/operations/kabul-2021/targets', targetListSchema);
    expect(items.find((target) => target.group === 'afghans')).toMatchObject({
      low: 50_000,
      high: 60_000,
      deadline: '2021-09-01T00:00:00+04:30',
      source: { publisher: 'Biden administration', via: 'AFP', publishedAt: '2021-08-22T00:00:00+04:30' },
    });
  });

  it('lists the events in order and the statements, Borrell’s with his quote and source', async () => {
    const events = await read('/api/operations/kabul-2021/events', eventListSchema);
    expect(events.items.map((event) => event.title)[0]).toBe('Taliban enter Kabul');
    expect(events.items.find((event) => event.kind === 'incident')).toMatchObject({ count: 7, occurredAt: null });
    const { items } = await read('/api/operations/kabul-2021/statements', statementListSchema);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      speaker: 'Josep Borrell',
      group: 'all-evacuees',
      stance: 'infeasible',
      claimedGoal: 60_000,
      quote: expect.stringContaining('mathematically impossible'),
      source: { publisher: 'Josep Borrell, EU High Representative for Foreign Affairs' },
    });
  });

  it('answers the summary, series and one revision in the shapes the document gives them', async () => {
    const summary = await read('/api/operations/kabul-2021/summary?asOf=2021-08-22', summarySchema);
    expect(summary.latestFigure?.value).toBe(25_100);
    await read('/api/operations/kabul-2021/series', seriesSchema);
    const { items } = await read('/api/operations/kabul-2021/figures', figurePageSchema);
    const revision = await read(`/api/operations/kabul-2021/figures/${items[0]!.id}`, figureRevisionWithSuccessorSchema);
    expect(revision.value).toBe(25_100);
  });
});

describe('GET /api/operations/:slug/figures', () => {
  it('gives the seed figure with its source, as-of in Kabul time, status and kind', async () => {
    const page = await read('/api/operations/kabul-2021/figures', figurePageSchema);
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      expect.objectContaining({
        group: 'all-evacuees',
        value: 25_100,
        kind: 'cumulative',
        basisStart: '2021-08-14T00:00:00+04:30',
        asOf: '2021-08-22T00:00:00+04:30',
        provisional: false,
        status: 'current',
        replacesId: null,
        source: expect.objectContaining({ publisher: 'White House', via: 'AFP' }),
      }),
    ]);
  });

  it('pages with limit=2 through every figure exactly once, as many as the CSV export has', async () => {
    let previous = 25_100;
    const added: number[] = [];
    for (let day = 23; day <= 29; day += 1) {
      previous += 2_000;
      added.push(await addFigure(day % 2 ? 'all-evacuees' : 'afghans', previous, `2021-08-${day}T00:00:00+04:30`));
    }
    // Two at the same instant (the keyset's tie on as-of), a correction and a retraction.
    added.push(await addFigure('us-nationals', 4_000, '2021-08-25T00:00:00+04:30'));
    await addFigure('all-evacuees', 27_150, '2021-08-23T00:00:00+04:30', { id: added[0]! });
    await addFigure('afghans', 29_100, '2021-08-24T00:00:00+04:30', { id: added[1]!, retract: true });

    for (const query of ['', 'revisions=all', 'group=afghans&revisions=all', 'from=2021-08-24&to=2021-08-27', 'asOf=2021-08-25']) {
      const { ids, pages } = await pageThrough(query, 2);
      expect(new Set(ids).size, query).toBe(ids.length);
      expect(ids.length, query).toBe(await csvCount(query));
      expect(pages, query).toBe(Math.max(1, Math.ceil(ids.length / 2)));
    }
    const all = await pageThrough('revisions=all', 1_000);
    expect(all.ids).toHaveLength(11);
    expect((await pageThrough('revisions=all', 3)).ids).toEqual(all.ids);
    const statuses = (await read('/api/operations/kabul-2021/figures?revisions=all', figurePageSchema)).items.map((item) => item.status);
    expect(statuses.filter((status) => status === 'superseded')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'retracted')).toHaveLength(1);
  });
});

describe('conditional GET', () => {
  it('answers a matching If-None-Match with 304 and no body on every read', async () => {
    const paths = ['', '/kabul-2021', '/kabul-2021/groups', '/kabul-2021/targets', '/kabul-2021/events', '/kabul-2021/statements', '/kabul-2021/figures?limit=2'];
    for (const path of paths.map((rest) => `/api/operations${rest}`)) {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      expect(first.headers.get('cache-control'), path).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
      const again = await get(path, { headers: { 'If-None-Match': etag } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
    }
  });
});

describe('refusals', () => {
  async function cursorFor(query: string): Promise<string> {
    const page = figurePageSchema.parse(await (await get(`/api/operations/kabul-2021/figures?${query}&limit=1`)).json());
    return page.nextCursor!;
  }

  it('refuses each bad parameter with 400 naming it, never a stack trace', async () => {
    const cursor = await cursorFor('revisions=all');
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify([1, Date.parse('2021-08-24'), 1, JSON.parse(Buffer.from(payload, 'base64url').toString())[3]])).toString('base64url');
    const cases: [string, string, string][] = [
      ['/api/operations?page=2', 'page', 'is not a parameter'],
      ['/api/operations/kabul-2021?asOf=2021-08-22', 'asOf', 'is not a parameter'],
      ['/api/operations/kabul-2021/statements?stance=feasible', 'stance', 'is not a parameter'],
      ['/api/operations/kabul-2021/figures?group=nope', 'group', 'group "nope" is not a group of this operation'],
      ['/api/operations/kabul-2021/figures?group=NOPE!', 'group', 'group must be a group slug'],
      ['/api/operations/kabul-2021/figures?revisions=some', 'revisions', 'revisions must be current or all'],
      ['/api/operations/kabul-2021/figures?from=2021-02-30', 'from', 'from must be a date as YYYY-MM-DD'],
      ['/api/operations/kabul-2021/figures?asOf=yesterday', 'asOf', 'asOf must be a date'],
      ['/api/operations/kabul-2021/figures?from=2021-08-25&to=2021-08-24', 'from', 'from must be on or before to'],
      ['/api/operations/kabul-2021/figures?limit=0', 'limit', 'limit must be a whole number from 1 to 1,000'],
      ['/api/operations/kabul-2021/figures?limit=1001', 'limit', 'limit must be a whole number from 1 to 1,000'],
      ['/api/operations/kabul-2021/figures?limit=ten', 'limit', 'limit must be a whole number'],
      ['/api/operations/kabul-2021/figures?limit=2&limit=3', 'limit', 'limit must be given once'],
      ['/api/operations/kabul-2021/figures?excel=1', 'excel', 'is not a parameter'],
      ['/api/operations/kabul-2021/figures?cursor=garbled', 'cursor', 'not one this API gave out'],
      [`/api/operations/kabul-2021/figures?revisions=all&cursor=${payload}x.${mac}`, 'cursor', 'not one this API gave out'],
      [`/api/operations/kabul-2021/figures?revisions=all&cursor=${forged}.${mac}`, 'cursor', 'not one this API gave out'],
      [`/api/operations/kabul-2021/figures?cursor=${cursor}`, 'cursor', 'belongs to a list with other filters'],
    ];
    for (const [path, parameter, message] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.json();
      expect(body.error, path).toBe('invalid_parameters');
      expect(body.errors, path).toEqual([expect.objectContaining({ parameter, message: expect.stringContaining(message) })]);
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    // The genuine cursor still works with the filters it was made for.
    expect((await get(`/api/operations/kabul-2021/figures?revisions=all&cursor=${cursor}`)).status).toBe(200);
  });

  it('answers 404 JSON for an unknown operation on every read', async () => {
    for (const route of ['', '/groups', '/targets', '/events', '/statements', '/figures']) {
      const response = await get(`/api/operations/no-such-operation${route}`);
      expect(response.status, route).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found', message: 'No such operation' });
    }
  });
});
