// Export → import into a fresh database → export again gives byte-identical files, over real
// HTTP against the production build: revision ids, corrections, retractions, window counts,
// milliseconds, formula-looking text and quoting all survive. The import goes through the same
// service the import page's Server Action calls, as a signed-up editor of the second app.
//
// The two apps run one after the other (with TEST_DATABASE_URL they share one PostgreSQL, which
// each start wipes).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/audit/audit-log';
import { startAppOnFreshDatabase, queryDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { createStaffAccount } from '../support/staff';

let first: AppOnFreshDatabase | undefined;
let second: AppOnFreshDatabase | undefined;
const exported: Record<'plain' | 'hxl', string> = { plain: '', hxl: '' };

async function download(app: AppOnFreshDatabase, query: string): Promise<string> {
  const response = await fetch(`${app.app.url}/api/operations/kabul-2021/figures.csv?${query}`);
  expect(response.status).toBe(200);
  // Bytes, not text: the comparison is of the files as a reader's disk holds them.
  return Buffer.from(await response.arrayBuffer()).toString('latin1');
}

/** Adds a figure to kabul-2021 through SQL, as another editor or instance would; returns its id. */
async function addFigure(url: string, figure: {
  group: string; value: number; kind?: 'CUMULATIVE' | 'WINDOW'; asOf: string; basisStart?: string | null;
  windowStart?: string | null; windowEnd?: string | null; provisional?: boolean; publisher?: string; via?: string | null;
  title?: string; url?: string | null; quote?: string | null; publishedAt?: string | null;
  replaces?: number; reason?: string; retracted?: boolean;
}): Promise<number> {
  const kind = figure.kind ?? 'CUMULATIVE';
  const { rows } = await queryDatabase(
    url,
    `WITH src AS (INSERT INTO source (publisher, via, title, url, quote, published_at)
                  VALUES ($1, $2, $3, $4, $5, $6) RETURNING id)
     INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, window_start, window_end,
                         provisional, source_id, replaces_id, correction_reason, retracted)
     SELECT o.id, g.id, $8, $9, $10::figure_kind, $11, $12, $13, $14, src.id, $15, $16, $17
       FROM operation o JOIN population_group g ON g.operation_id = o.id AND g.slug = $7, src
      WHERE o.slug = 'kabul-2021' RETURNING figure.id`,
    [
      figure.publisher ?? 'Test desk', figure.via ?? null, figure.title ?? 'Added by a round-trip test', figure.url ?? null,
      figure.quote ?? null, figure.publishedAt ?? null, figure.group, figure.value, figure.asOf, kind,
      kind === 'CUMULATIVE' ? (figure.basisStart ?? '2021-08-14T00:00:00+04:30') : null,
      figure.windowStart ?? null, figure.windowEnd ?? null, figure.provisional ?? false,
      figure.replaces ?? null, figure.reason ?? null, figure.retracted ?? false,
    ],
  );
  return (rows[0] as { id: number }).id;
}

beforeAll(async () => {
  first = await startAppOnFreshDatabase('import-source');
  const url = first.databaseUrl;
  const seed = ((await queryDatabase(url, `SELECT id FROM figure WHERE value = 25100`)).rows[0] as { id: number }).id;
  // A correction of the seed figure, then a correction of that correction.
  const corrected = await addFigure(url, { group: 'all-evacuees', value: 25_200, asOf: '2021-08-22T00:00:00+04:30', replaces: seed, reason: 'Updated count', publisher: 'White House', via: 'AFP' });
  await addFigure(url, { group: 'all-evacuees', value: 25_250, asOf: '2021-08-22T00:00:00+04:30', replaces: corrected, reason: 'Second recount, "final"', provisional: true });
  // A later figure with milliseconds and text a spreadsheet would run, quoted, multi-line.
  await addFigure(url, {
    group: 'all-evacuees', value: 28_000, asOf: '2021-08-23T09:15:30.250+04:30', title: '=HYPERLINK("http://x")',
    quote: ' @SUM(A1:A9), said, "twice"\nand again', publisher: '-Desk, Kabul', url: 'https://example.org/a?b=1,2',
    publishedAt: '2021-08-23T10:00:00.5+04:30',
  });
  // A figure, then its retraction.
  const withdrawn = await addFigure(url, { group: 'us-nationals', value: 4_000, asOf: '2021-08-22T00:00:00+04:30' });
  await addFigure(url, { group: 'us-nationals', value: 4_000, asOf: '2021-08-22T00:00:00+04:30', replaces: withdrawn, reason: 'Withdrawn by the source', retracted: true });
  // A count in a window, and a figure published before any of the others were corrected.
  await addFigure(url, { group: 'afghans', kind: 'WINDOW', value: 3_900, asOf: '2021-08-23T00:00:00+04:30', windowStart: '2021-08-22T00:00:00+04:30', windowEnd: '2021-08-23T00:00:00+04:30', via: 'AFP' });
  await addFigure(url, { group: 'afghans', value: 12_345, asOf: '2021-08-21T18:00:00+04:30', quote: '+1 for the record' });
  // A running total with a digit dropped, corrected: the superseded value falls below the figure
  // before it, which the import must not take for a falling total.
  const dropped = await addFigure(url, { group: 'afghans', value: 1_300, asOf: '2021-08-23T00:00:00+04:30' });
  await addFigure(url, { group: 'afghans', value: 13_000, asOf: '2021-08-23T00:00:00+04:30', replaces: dropped, reason: 'A digit was dropped' });

  exported.plain = await download(first, 'revisions=all');
  exported.hxl = await download(first, 'revisions=all&hxl=1');
  await first.stop();
  first = undefined;
  second = await startAppOnFreshDatabase('import-target');
});

afterAll(async () => {
  await first?.stop();
  await second?.stop();
});

describe('export, import into a fresh database, export again', () => {
  let imported: typeof import('@/lib/data/writes/figure-import');
  let editor: Actor;

  beforeAll(async () => {
    const databaseUrl = second!.databaseUrl;
    const account = await createStaffAccount(databaseUrl, 'editor');
    const { rows } = await queryDatabase(databaseUrl, `SELECT id FROM app_user WHERE email = $1`, [account.email]);
    editor = { userId: (rows[0] as { id: string }).id, email: account.email, role: 'editor', channel: 'form', ipAddress: '127.0.0.1', userAgent: 'round-trip test', requestId: 'round-trip' };
    // The service runs in this process against the second app's database; one connection is
    // enough, and leaves the embedded server's connection budget to the app.
    process.env.DATABASE_URL = databaseUrl;
    process.env.DATABASE_POOL_MAX = '2';
    imported = await import('@/lib/data/writes/figure-import');
  });

  afterAll(async () => {
    const { getPrisma } = await import('@/lib/db');
    await getPrisma().$disconnect();
  });

  it('carries every revision of the first database', () => {
    // A header and ten figures; one quote spans two lines, inside its quotes.
    expect(parse(exported.plain)).toHaveLength(1 + 10);
    expect(exported.plain).toContain(',superseded,');
    expect(exported.plain).toContain(',retracted,Withdrawn by the source');
    expect(exported.plain).toContain('2021-08-23T09:15:30.250+04:30');
    expect(exported.plain).toContain('"\'=HYPERLINK(""http://x"")"');
  });

  it('imports the HXL variant: the seed figure is already there, every other row is added with its id', async () => {
    const upload = { name: 'kabul-2021-figures-latest.csv', bytes: Buffer.from(exported.hxl, 'latin1') };
    const preview = await imported.previewFigureImport('kabul-2021', upload);
    expect(preview).toMatchObject({ status: 'checked', file: { hxl: true }, counts: { rows: 10, ok: 9, present: 1, error: 0 } });
    const sha256 = preview.status === 'checked' ? preview.file.sha256! : '';
    const report = await imported.commitFigureImport(editor, 'kabul-2021', upload, sha256);
    expect(report).toMatchObject({ status: 'committed', added: 9, skipped: 1 });
    const { rows } = await queryDatabase(second!.databaseUrl, `SELECT count(*)::int AS n, min(details->>'sha256') AS sha FROM audit_entry WHERE action = 'figure.import'`);
    expect(rows[0]).toEqual({ n: 9, sha: sha256 });
  });

  it('exports the same bytes as the first database, with and without the HXL row', async () => {
    expect(await download(second!, 'revisions=all')).toBe(exported.plain);
    expect(await download(second!, 'revisions=all&hxl=1')).toBe(exported.hxl);
  });

  it('adds nothing when the plain variant of the same export is imported too', async () => {
    const report = await imported.commitFigureImport(editor, 'kabul-2021', { name: 'again.csv', bytes: Buffer.from(exported.plain, 'latin1') });
    expect(report).toMatchObject({ status: 'committed', added: 0, skipped: 10 });
    expect(await download(second!, 'revisions=all')).toBe(exported.plain);
  });

  it('gives the next figure added on the site an id after the imported ones', async () => {
    const { rows } = await queryDatabase(second!.databaseUrl, `SELECT max(id)::int AS max, nextval(pg_get_serial_sequence('figure', 'id'))::int AS next FROM figure`);
    const { max, next } = rows[0] as { max: number; next: number };
    expect(next).toBeGreaterThan(max);
  });
});
