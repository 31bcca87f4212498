// The figures CSV export as it was written before PostgreSQL's COPY wrote it: the export query's
// rows read through pg (instants as epoch milliseconds) and formatted in JavaScript by
// lib/csv/figure-csv-writer (csv-stringify, lib/csv/zoned-iso, lib/csv/neutralise-formula). The
// differential test holds the COPY export to these bytes.
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import pg from 'pg';
import { asOfRange, type FigureExportParams } from '@/lib/csv/export-params';
import { figureExportQuery } from '@/lib/csv/export-query';
import { figureCsvStream } from '@/lib/csv/figure-csv-writer';
import type { FigureExportRow } from '@/lib/csv/columns';
import { exportTypeParsers } from '@/lib/csv/pg-timestamp';

/** The bytes of operation `slug`'s export with `params`, or null when the operation or the group
 *  does not exist. */
export async function referenceFigureCsv(databaseUrl: string, slug: string, params: FigureExportParams): Promise<Buffer | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const { rows: operations } = await client.query<{ id: number; slug: string; timeZone: string }>(
      'SELECT id, slug, time_zone AS "timeZone" FROM operation WHERE slug = $1',
      [slug],
    );
    const operation = operations[0];
    if (!operation) return null;
    let groupId: number | undefined;
    if (params.group !== undefined) {
      const { rows } = await client.query<{ id: number }>(
        'SELECT id FROM population_group WHERE operation_id = $1 AND slug = $2',
        [operation.id, params.group],
      );
      if (!rows[0]) return null;
      groupId = rows[0].id;
    }
    const query = figureExportQuery({
      operationId: operation.id,
      groupId,
      asOf: asOfRange(params, operation.timeZone),
      allRevisions: params.revisions === 'all',
    });
    const { rows } = await client.query<FigureExportRow>({ ...query, types: exportTypeParsers });
    await client.query('COMMIT');
    const csv = Readable.from(rows).pipe(
      figureCsvStream({ operation: operation.slug, timeZone: operation.timeZone }, { bom: params.excel, hxl: params.hxl }),
    );
    return await buffer(csv);
  } finally {
    await client.end();
  }
}
