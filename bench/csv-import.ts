// The figures CSV import against a plain multi-row INSERT of the same rows, side by side on the
// same PostgreSQL: BENCH_IMPORT_ROWS figures (default 100,000) written by the export's own record
// builder (1% of them corrections of the row before, so chains are checked; with the HXL row),
// then
//   baseline: the same figures and their sources stored with multi-row INSERTs of 1,000 rows,
//             in one transaction, straight from memory (no parsing, no checks, no audit);
//   ours:     commitFigureImport on the file's bytes, as the import page's Server Action calls it:
//             decode, parse, validate every row with the shared schema, check ids and chains
//             against the database, store in one transaction with one audit entry per row;
// and, for the record, the preview of the same file and a second import of it (all rows already
// present, nothing added). Each goes into an operation of its own, so neither sees the other's rows.
//
// Alone:   npx tsx --conditions=react-server bench/csv-import.ts   (BENCH_IMPORT_ROWS=20000 for a quick run)
// In run-all: before the CSV export (it adds 2 × BENCH_IMPORT_ROWS figures to the shared cluster).
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW, type FigureExportRow } from '../lib/csv/columns';
import { toCsvRecord } from '../lib/csv/figure-record';
import { isMain, runAlone, type BenchApp } from './support/bench-app';
import { ratio, type BenchSection } from './support/report';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const SLUG = 'bench-csv-import';
const BASELINE_SLUG = 'bench-csv-import-baseline';
/** Revision ids of the file: far above anything else in the cluster. */
const FIRST_ID = 50_000_000;
/** The baseline stores the same rows under ids of its own. */
const BASELINE_OFFSET = 10_000_000;
const ROWS_PER_INSERT = 1_000;
const KABUL_START = Date.parse('2021-08-13T19:30:00Z');

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An operation with the three groups of kabul-2021; returns its id and group ids by slug. */
async function createOperation(url: string, slug: string): Promise<{ id: number; groups: Map<string, number> }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
       VALUES ($1, 'CSV import benchmark', '2021-08-14T00:00:00+04:30', '2021-09-01T00:00:00+04:30', 'Asia/Kabul') RETURNING id`,
      [slug],
    );
    const id = rows[0]!.id;
    const { rows: groups } = await client.query<{ id: number; slug: string }>(
      `INSERT INTO population_group (operation_id, slug, name, position)
       SELECT $1, slug, name, position FROM (VALUES ('all-evacuees', 'All evacuees', 0),
         ('us-nationals', 'US nationals', 1), ('afghans', 'Afghans and their families', 2)) v(slug, name, position)
       RETURNING id, slug`,
      [id],
    );
    return { id, groups: new Map(groups.map((group) => [group.slug, group.id])) };
  });
}

const GROUPS = ['all-evacuees', 'us-nationals', 'afghans'] as const;

/** The figures of the file, as the export query would return them. */
function benchFigures(): FigureExportRow[] {
  const rows: FigureExportRow[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const correction = i % 100 === 99;
    const asOf = KABUL_START + Math.floor(i / 3) * 60_000;
    rows.push({
      revisionId: FIRST_ID + i,
      group: correction ? rows[i - 1]!.group : GROUPS[i % 3]!,
      value: i + (correction ? 1 : 0),
      kind: 'CUMULATIVE',
      basisStart: KABUL_START,
      windowStart: null,
      windowEnd: null,
      asOf: correction ? rows[i - 1]!.asOf : asOf,
      provisional: i % 7 === 0,
      // Lean text, so that 100,000 rows stay under the import's 20 MB limit (about 190 bytes a
      // row); every tenth row carries a link, a quote and a publication date.
      sourcePublisher: `Publisher ${i % 50}`,
      sourceVia: i % 3 === 0 ? 'AFP' : null,
      sourceTitle: `Bulletin ${i}`,
      sourceUrl: i % 10 === 0 ? `https://example.org/b/${i}` : null,
      sourceQuote: i % 10 === 5 ? `He said "about ${i}"` : null,
      sourcePublishedAt: i % 10 === 0 ? asOf + 3_600_000 : null,
      replacesRevisionId: correction ? FIRST_ID + i - 1 : null,
      status: 'current',
      correctionReason: correction ? 'Recount' : null,
    });
    if (correction) rows[i - 1]!.status = 'superseded';
  }
  return rows;
}

function fileOf(figures: FigureExportRow[]): Uint8Array {
  const context = { operation: SLUG, timeZone: 'Asia/Kabul' };
  const text = stringify([FIGURE_CSV_HEADER as string[], FIGURE_CSV_HXL_ROW as string[], ...figures.map((row) => toCsvRecord(row, context))], {
    record_delimiter: '\n',
  });
  return new TextEncoder().encode(text);
}

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

/** The baseline: the same rows, multi-row INSERTs of sources then figures, one transaction. */
async function plainInsert(url: string, operation: { id: number; groups: Map<string, number> }, figures: FigureExportRow[]): Promise<number> {
  return withClient(url, async (client) => {
    const start = performance.now();
    await client.query('BEGIN');
    for (let from = 0; from < figures.length; from += ROWS_PER_INSERT) {
      const batch = figures.slice(from, from + ROWS_PER_INSERT);
      const sourceValues: unknown[] = [];
      const sourceRows = batch.map((row, at) => {
        sourceValues.push(row.sourcePublisher, row.sourceTitle, row.sourceUrl, row.sourceVia, iso(row.sourcePublishedAt), row.sourceQuote);
        const p = at * 6;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
      });
      const { rows: sources } = await client.query<{ id: number }>(
        `INSERT INTO source (publisher, title, url, via, published_at, quote) VALUES ${sourceRows.join(', ')} RETURNING id`,
        sourceValues,
      );
      const figureValues: unknown[] = [];
      const figureRows = batch.map((row, at) => {
        figureValues.push(
          row.revisionId + BASELINE_OFFSET, operation.id, operation.groups.get(row.group), row.value, iso(row.asOf), row.kind,
          iso(row.basisStart), row.provisional, sources[at]!.id,
          row.replacesRevisionId === null ? null : row.replacesRevisionId + BASELINE_OFFSET, row.correctionReason,
        );
        const p = at * 11;
        return `(${Array.from({ length: 11 }, (_, k) => `$${p + k + 1}`).join(', ')})`;
      });
      await client.query(
        `INSERT INTO figure (id, operation_id, group_id, value, as_of, kind, basis_start, provisional, source_id, replaces_id, correction_reason)
         VALUES ${figureRows.join(', ')}`,
        figureValues,
      );
    }
    await client.query('COMMIT');
    return (performance.now() - start) / 1000;
  });
}

/** Peak resident memory of this process while `work` runs, sampled every 20 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const poll = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - start) / 1000, peakMb: Math.max(peak, process.memoryUsage().rss) / 1e6 };
  } finally {
    clearInterval(poll);
  }
}

const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

export async function measureCsvImport(app: BenchApp): Promise<BenchSection> {
  // The import service runs in this process, on the benchmark's PostgreSQL: lib/env reads the
  // environment when first imported, hence the dynamic imports after setting it.
  process.env.DATABASE_URL = app.databaseUrl;
  process.env.DATABASE_POOL_MAX = '4';
  const { commitFigureImport, previewFigureImport } = await import('../lib/data/writes/figure-import');
  const { getPrisma } = await import('../lib/db');

  const figures = benchFigures();
  const bytes = fileOf(figures);
  const upload = { name: 'bench-figures.csv', bytes };
  await createOperation(app.databaseUrl, SLUG);
  const baselineOperation = await createOperation(app.databaseUrl, BASELINE_SLUG);
  const actor = {
    userId: 'bench', email: 'bench@example.org', role: 'editor' as const, channel: 'cli' as const,
    ipAddress: null, userAgent: 'bench/csv-import', requestId: 'bench-csv-import',
  };

  const baselineSeconds = await plainInsert(app.databaseUrl, baselineOperation, figures);
  const preview = await withPeakRss(() => previewFigureImport(SLUG, upload));
  if (preview.result.status !== 'checked' || preview.result.counts.ok !== ROWS) {
    throw new Error(`the preview did not accept every row: ${JSON.stringify(preview.result).slice(0, 500)}`);
  }
  const commit = await withPeakRss(() => commitFigureImport(actor, SLUG, upload));
  if (commit.result.status !== 'committed' || commit.result.added !== ROWS) {
    throw new Error(`the import did not add every row: ${JSON.stringify(commit.result).slice(0, 500)}`);
  }
  const again = await withPeakRss(() => commitFigureImport(actor, SLUG, upload));
  if (again.result.status !== 'committed' || again.result.added !== 0) throw new Error('the second import added rows');
  await getPrisma().$disconnect();

  const rows = thousands(ROWS);
  const megabytes = (bytes.length / 1e6).toFixed(1);
  return {
    title: `CSV import of ${rows} figures`,
    rows: [
      { measure: `CSV import of ${rows} rows (${megabytes} MB), seconds`, ours: s(commit.seconds), baseline: s(baselineSeconds),
        ratio: ratio(commit.seconds, baselineSeconds), aim: '≤ 3', note: 'baseline: multi-row INSERT of the same sources and figures, no checks, no audit' },
      { measure: 'CSV import, rows/s', ours: thousands(ROWS / commit.seconds), baseline: thousands(ROWS / baselineSeconds),
        ratio: ratio(baselineSeconds, commit.seconds), aim: '', note: 'the same run, as a rate' },
      { measure: 'CSV import preview (every row checked, nothing stored)', ours: s(preview.seconds), baseline: s(baselineSeconds),
        ratio: ratio(preview.seconds, baselineSeconds), aim: '', note: 'baseline: the plain INSERT' },
      { measure: 'CSV import of the same file again (all present, nothing added)', ours: s(again.seconds), baseline: s(baselineSeconds),
        ratio: ratio(again.seconds, baselineSeconds), aim: '', note: 'baseline: the plain INSERT' },
    ],
    details: [
      `${rows} rows, ${megabytes} MB with the HXL row; 1% corrections.`,
      `Peak RSS of the bench process (which also holds the generated rows and the file), since its start: ` +
        `after the preview ${preview.peakMb.toFixed(0)} MB, the import ${commit.peakMb.toFixed(0)} MB, the re-import ${again.peakMb.toFixed(0)} MB.`,
    ],
  };
}

if (isMain(import.meta.url)) runAlone('csv-import', measureCsvImport);
