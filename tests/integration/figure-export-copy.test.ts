// The CSV export that PostgreSQL's COPY writes, held byte for byte to the export as JavaScript
// formatted it (tests/support/reference-figure-export.ts): generated operations full of awkward
// text and instants, stored in the real database, exported both ways with generated parameters.
import fc from 'fast-check';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as FigureExport from '../../lib/data/figure-export';
import type { FigureExportParams } from '../../lib/csv/export-params';
import { applyPendingMigrations } from '../../prisma/migrate';
import { resetDatabase, testDatabaseUrl } from '../support/database';
import { fuzzParameters } from '../support/fuzz/config';
import { EXPORT_GROUPS, EXPORT_ZONES, exportParams, storedFigures, type StoredFigure } from '../support/fuzz/stored-figures';
import { referenceFigureCsv } from '../support/reference-figure-export';

let exporter: typeof FigureExport;

const SLUG = 'differential';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Replaces the test operation with `figures` in `timeZone`, ids as given. Triggers and foreign
 *  keys are skipped (replica role) so that each case can start afresh on an append-only table. */
async function store(figures: StoredFigure[], timeZone: string, firstId: number, groupOrder: number[]): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query('DELETE FROM figure; DELETE FROM source; DELETE FROM population_group; DELETE FROM operation');
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
       VALUES ($1, 'Differential', '2021-08-14T00:00:00Z', '2021-09-01T00:00:00Z', $2) RETURNING id`,
      [SLUG, timeZone],
    );
    const operationId = rows[0]!.id;
    const groupIds: number[] = [];
    for (const [index, slug] of EXPORT_GROUPS.entries()) {
      const { rows: group } = await client.query<{ id: number }>(
        'INSERT INTO population_group (operation_id, slug, name, position) VALUES ($1, $2, $2, $3) RETURNING id',
        [operationId, slug, groupOrder[index]],
      );
      groupIds.push(group[0]!.id);
    }
    for (const [index, figure] of figures.entries()) {
      const { source } = figure;
      const { rows: inserted } = await client.query<{ id: number }>(
        'INSERT INTO source (publisher, title, url, via, quote, published_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [source.publisher, source.title, source.url, source.via, source.quote, iso(source.publishedAt)],
      );
      const replaces = figure.replaces === null ? null : firstId + figure.replaces;
      await client.query(
        `INSERT INTO figure (id, operation_id, group_id, value, as_of, kind, basis_start, window_start, window_end,
                             provisional, source_id, replaces_id, correction_reason, retracted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [firstId + index, operationId, groupIds[figure.group], figure.value, iso(figure.asOf), figure.kind,
          iso(figure.basisStart), iso(figure.windowStart), iso(figure.windowEnd), figure.provisional,
          inserted[0]!.id, replaces, replaces === null ? null : figure.correctionReason, replaces !== null && figure.retracted],
      );
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

async function copyExport(params: FigureExportParams): Promise<Buffer | null> {
  const opened = await exporter.openFigureExport(SLUG, params);
  if (opened.status !== 'ok') return null;
  return Buffer.from(await new Response(opened.body).arrayBuffer());
}

async function expectSameBytes(params: FigureExportParams): Promise<void> {
  const [reference, copied] = [await referenceFigureCsv(testDatabaseUrl(), SLUG, params), await copyExport(params)];
  // Compared as text first for a readable difference, then as bytes.
  expect(copied?.toString('utf8')).toBe(reference?.toString('utf8'));
  expect(copied?.equals(reference ?? Buffer.alloc(0)) ?? reference === null).toBe(true);
}

beforeAll(async () => {
  await resetDatabase();
  await applyPendingMigrations({ connectionString: testDatabaseUrl(), log: () => undefined });
  process.env.DATABASE_URL = testDatabaseUrl();
  exporter = await import('../../lib/data/figure-export');
});

const ALL: FigureExportParams = { revisions: 'all', excel: false, hxl: false };

describe('the CSV export written by COPY', () => {
  it('writes the bytes the JavaScript formatter wrote, for awkward figures, zones and parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        storedFigures,
        fc.constantFrom(...EXPORT_ZONES),
        fc.integer({ min: 1, max: 2_147_483_000 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
        fc.array(exportParams, { minLength: 1, maxLength: 3 }),
        async (figures, timeZone, firstId, groupOrder, paramsList) => {
          await store(figures, timeZone, firstId, groupOrder);
          for (const params of [ALL, ...paramsList]) await expectSameBytes(params);
        },
      ),
      fuzzParameters(60),
    );
  }, 240_000);

  it('writes every awkward cell as the formatter did, with a BOM and the HXL row', async () => {
    const awkward = ['\\.', '=1+1', ' =1', '\u3000@x', "'=x", '\t-', '\r\n+', 'a,b', 'say "hi"', 'cr\ronly', 'lf\nonly', '-', 'é', '\uFF0D1', '\uFEFF='];
    const figures: StoredFigure[] = awkward.map((text, index) => ({
      group: index % 3, value: index, kind: 'CUMULATIVE', basisStart: Date.UTC(1905, 0, 1, 0, 0, 0, 7), windowStart: null, windowEnd: null,
      asOf: Date.UTC(2021, 7, 22, 0, 0, 0, index * 10), provisional: index % 2 === 0, replaces: index > 0 && index % 4 === 0 ? index - 1 : null,
      retracted: index === 8, correctionReason: text,
      source: { publisher: text, title: text, url: null, via: index % 2 === 0 ? '' : text, quote: index % 3 === 0 ? null : text, publishedAt: Date.UTC(1960, 5, 1, 12) },
    }));
    for (const timeZone of ['Asia/Kathmandu', 'America/St_Johns', 'Africa/Monrovia', 'Europe/Lisbon']) {
      await store(figures, timeZone, 1, [0, 1, 2]);
      await expectSameBytes({ ...ALL, excel: true, hxl: true });
      await expectSameBytes({ revisions: 'current', excel: false, hxl: true, group: 'us-nationals' });
    }
    // RFC 4180: a lone CR is quoted too (csv-stringify left it bare until told to quote it, which
    // splits the record for Excel, LibreOffice and pandas); an empty string is an empty cell.
    const csv = (await copyExport(ALL))!.toString('utf8');
    expect(csv).toContain(',"cr\ronly",');
    expect(csv).not.toMatch(/(^|,)""(,|\n)/m);
  }, 60_000);
});
