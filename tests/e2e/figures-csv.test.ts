// GET /api/operations/:slug/figures.csv over real HTTP against the production build, on the
// embedded database by default and on TEST_DATABASE_URL's PostgreSQL when set. Corrections and
// retractions are inserted straight into the app's database, as another editor would add them.
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW } from '@/lib/csv/columns';
import { startAppOnFreshDatabase, queryDatabase, type AppOnFreshDatabase } from '../support/app-database';
import type { RunningApp } from '../support/app-server';

let running: AppOnFreshDatabase;
let app: RunningApp;
let databaseUrl: string;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await queryDatabase(databaseUrl, text, values)).rows as T[];
}

/** Adds a figure to kabul-2021 with a source of its own; returns the new row's id. */
async function addFigure(figure: {
  group: string;
  value: number;
  title?: string;
  quote?: string;
  replaces?: number;
  reason?: string;
  retracted?: boolean;
}): Promise<number> {
  const [row] = await sql<{ id: number }>(
    `WITH src AS (INSERT INTO source (publisher, title, quote) VALUES ('Test desk', $3, $4) RETURNING id)
     INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id,
                         replaces_id, correction_reason, retracted)
     SELECT o.id, g.id, $2, '2021-08-22T00:00:00+04:30', 'CUMULATIVE', '2021-08-14T00:00:00+04:30',
            src.id, $5, $6, $7
     FROM operation o JOIN population_group g ON g.operation_id = o.id AND g.slug = $1, src
     WHERE o.slug = 'kabul-2021' RETURNING figure.id`,
    [figure.group, figure.value, figure.title ?? 'Added by a test', figure.quote ?? null,
      figure.replaces ?? null, figure.reason ?? null, figure.retracted ?? false],
  );
  return row!.id;
}

const csvUrl = (query = '', slug = 'kabul-2021') =>
  `${app.url}/api/operations/${slug}/figures.csv${query ? `?${query}` : ''}`;

async function download(query = ''): Promise<{ response: Response; text: string }> {
  const response = await fetch(csvUrl(query));
  return { response, text: await response.text() };
}

type Row = Record<(typeof FIGURE_CSV_HEADER)[number], string>;
const rowsOf = (text: string): Row[] => parse(text, { columns: true });

beforeAll(async () => {
  running = await startAppOnFreshDatabase('csv');
  ({ app, databaseUrl } = running);
});

afterAll(async () => {
  await running?.stop();
});

describe('the figures CSV export', () => {
  it('serves the seed figure with its source, as an attachment named after the operation', async () => {
    const { response, text } = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kabul-2021-figures-latest.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
    expect(text.split('\n')[0]).toBe(FIGURE_CSV_HEADER.join(','));
    const rows = rowsOf(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operation: 'kabul-2021',
      group: 'all-evacuees',
      value: '25100',
      kind: 'CUMULATIVE',
      basis_start: '2021-08-14T00:00:00+04:30',
      as_of: '2021-08-22T00:00:00+04:30',
      provisional: 'false',
      source_publisher: 'White House',
      source_via: 'AFP',
      status: 'current',
      replaces_revision_id: '',
    });
  });

  it('filters by as-of day, date range and group, and names the as-of date in the file name', async () => {
    const { response, text } = await download('asOf=2021-08-22');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kabul-2021-figures-asof-2021-08-22.csv"',
    );
    expect(rowsOf(text)).toHaveLength(1);
    expect(rowsOf((await download('asOf=2021-08-21')).text)).toHaveLength(0);
    expect(rowsOf((await download('from=2021-08-22&to=2021-08-22')).text)).toHaveLength(1);
    expect(rowsOf((await download('from=2021-08-23')).text)).toHaveLength(0);
    expect(rowsOf((await download('to=2021-08-21')).text)).toHaveLength(0);
    expect(rowsOf((await download('group=us-nationals')).text)).toHaveLength(0);
  });

  it('puts the HXL hashtag row second, where HXL tools look for it', async () => {
    const { text } = await download('hxl=1');
    const records: string[][] = parse(text);
    expect(records[0]).toEqual(FIGURE_CSV_HEADER);
    expect(records[1]).toEqual(FIGURE_CSV_HXL_ROW);
    expect(records[1]!.every((cell) => cell.startsWith('#'))).toBe(true);
    expect(records[2]?.[FIGURE_CSV_HEADER.indexOf('value')]).toBe('25100');
  });

  it('starts with the UTF-8 byte-order mark with excel=1, and only then', async () => {
    const withBom = new Uint8Array(await (await fetch(csvUrl('excel=1'))).arrayBuffer());
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = new Uint8Array(await (await fetch(csvUrl())).arrayBuffer());
    expect(new TextDecoder().decode(plain.subarray(0, 9))).toBe('operation');
  });

  it('shows a correction instead of the figure it replaces, and both with revisions=all', async () => {
    const [seed] = await sql<{ id: number }>(`SELECT id FROM figure WHERE value = 25100`);
    const correction = await addFigure({ group: 'all-evacuees', value: 25200, replaces: seed!.id, reason: 'Updated count' });

    const current = rowsOf((await download()).text);
    expect(current.map((row) => [row.value, row.status, row.revision_id, row.replaces_revision_id])).toEqual([
      ['25200', 'current', String(correction), String(seed!.id)],
    ]);
    const all = rowsOf((await download('revisions=all')).text);
    expect(all.map((row) => [row.value, row.status, row.correction_reason])).toEqual([
      ['25100', 'superseded', ''],
      ['25200', 'current', 'Updated count'],
    ]);
  });

  it('marks a retracted figure, and leaves it out by default', async () => {
    const figure = await addFigure({ group: 'us-nationals', value: 4000 });
    await addFigure({ group: 'us-nationals', value: 4000, replaces: figure, reason: 'Withdrawn by the source', retracted: true });
    expect(rowsOf((await download('group=us-nationals')).text)).toHaveLength(0);
    const all = rowsOf((await download('group=us-nationals&revisions=all')).text);
    expect(all.map((row) => [row.status, row.correction_reason])).toEqual([
      ['superseded', ''],
      ['retracted', 'Withdrawn by the source'],
    ]);
  });

  it('neutralises a formula in a source, and leaves numbers alone', async () => {
    await addFigure({ group: 'afghans', value: 12345, title: '=1+1', quote: ' @SUM(A1:A9)' });
    const [row] = rowsOf((await download('group=afghans')).text);
    expect(row).toMatchObject({ source_title: "'=1+1", source_quote: "' @SUM(A1:A9)", value: '12345' });
  });
});

describe('bad requests', () => {
  it.each([
    ['group=martians', 'group'],
    ['group=Not%20a%20slug', 'group'],
    ['from=2021-13-01', 'from'],
    ['to=soon', 'to'],
    ['asOf=22-08-2021', 'asOf'],
    ['from=2021-08-25&to=2021-08-20', 'from'],
    ['revisions=some', 'revisions'],
    ['excel=yes', 'excel'],
    ['hxl=2', 'hxl'],
  ])('answers 400 naming the parameter for %s', async (query, parameter) => {
    const response = await fetch(csvUrl(query));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: string; errors: { parameter: string; message: string }[] };
    expect(body.error).toBe('invalid_parameters');
    expect(body.errors.map((error) => error.parameter)).toEqual([parameter]);
    expect(body.errors[0]!.message).toContain(parameter);
  });

  it('answers 404 for an unknown operation', async () => {
    const response = await fetch(csvUrl('', 'no-such-operation'));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'operation_not_found' });
  });
});
