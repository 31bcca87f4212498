// The figures CSV export: finds the operation, checks the group, and streams the figures from
// PostgreSQL through a cursor, csv-stringify and a web ReadableStream, so the server holds one
// batch of rows at a time whatever the size of the export.
//
// One connection of the export pool carries the whole export inside one read-only REPEATABLE READ
// transaction: the file is one consistent snapshot, and the embedded database (one session shared
// by all its clients) keeps the cursor's portal to this connection while the transaction is open.
// The connection goes back to the pool when the stream ends, and is discarded when the stream
// fails or the client disconnects (its protocol state is then unknown).
import 'server-only';
import { pipeline } from 'node:stream';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import {
  asOfRange,
  unknownGroupError,
  type AsOfRange,
  type FigureExportParams,
  type ParameterError,
} from '../csv/export-params';
import { exportPool } from '../csv/export-pool';
import { figureCsvStream } from '../csv/figure-csv-writer';
import { exportTypeParsers } from '../csv/pg-timestamp';
import { readableToWeb } from '../csv/readable-to-web';

export interface ExportedOperation {
  slug: string;
  timeZone: string;
}

export type FigureExport =
  | { status: 'ok'; operation: ExportedOperation; body: ReadableStream<Uint8Array> }
  | { status: 'operation_not_found' }
  | { status: 'invalid_parameters'; errors: ParameterError[] };

export interface FigureExportFilter {
  operationId: number;
  groupId?: number;
  asOf: AsOfRange;
  allRevisions: boolean;
}

/** Rows fetched per round trip: large enough to keep the connection busy, small enough to hold. */
const CURSOR_BATCH_ROWS = 1_000;
/** A client that reads nothing for this long is treated as gone. */
const STALL_TIMEOUT_MS = 60_000;

// The rules of lib/figure-revisions.ts in SQL: a row is superseded when another row replaces it;
// a retraction marker nobody replaced is 'retracted'; every other row is current.
const REPLACED = 'EXISTS (SELECT 1 FROM figure r WHERE r.replaces_id = f.id AND r.id <> f.id)';

/**
 * The export's SELECT, one row per figure, in the order of the page: group by group (in the page's
 * order), then by as-of, then by revision (a correction after what it corrects). Exported for the
 * benchmark, which runs the same SELECT through COPY. PostgreSQL sorts before it sends the first
 * row; on a million rows that takes seconds (on disk, never in the app), hence the header row goes
 * out before the query is answered.
 */
export function figureExportQuery(filter: FigureExportFilter): { text: string; values: unknown[] } {
  const values: unknown[] = [filter.operationId];
  const where = ['f.operation_id = $1'];
  const bind = (condition: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (filter.groupId !== undefined) bind((p) => `f.group_id = ${p}`, filter.groupId);
  if (filter.asOf.from) bind((p) => `f.as_of >= ${p}`, filter.asOf.from);
  if (filter.asOf.before) bind((p) => `f.as_of < ${p}`, filter.asOf.before);
  if (!filter.allRevisions) where.push(`NOT f.retracted AND NOT ${REPLACED}`);
  const status = filter.allRevisions
    ? `CASE WHEN ${REPLACED} THEN 'superseded' WHEN f.retracted THEN 'retracted' ELSE 'current' END`
    : `'current'`;
  const text = `
    SELECT f.id AS "revisionId", g.slug AS "group", f.value, f.kind,
           f.basis_start AS "basisStart", f.window_start AS "windowStart",
           f.window_end AS "windowEnd", f.as_of AS "asOf", f.provisional,
           s.publisher AS "sourcePublisher", s.via AS "sourceVia", s.title AS "sourceTitle",
           s.url AS "sourceUrl", s.quote AS "sourceQuote", s.published_at AS "sourcePublishedAt",
           f.replaces_id AS "replacesRevisionId", ${status} AS status,
           f.correction_reason AS "correctionReason"
      FROM figure f
      JOIN population_group g ON g.id = f.group_id
      JOIN source s ON s.id = f.source_id
     WHERE ${where.join('\n       AND ')}
     ORDER BY g.position, g.id, f.as_of, f.id`;
  return { text, values };
}

interface OperationRow {
  id: number;
  slug: string;
  timeZone: string;
  groups: { id: number; slug: string }[];
}

async function findOperation(client: pg.PoolClient, slug: string): Promise<OperationRow | null> {
  const { rows } = await client.query<OperationRow>(
    `SELECT o.id, o.slug, o.time_zone AS "timeZone",
            COALESCE(json_agg(json_build_object('id', g.id, 'slug', g.slug)
                     ORDER BY g.position, g.id) FILTER (WHERE g.id IS NOT NULL), '[]') AS groups
       FROM operation o LEFT JOIN population_group g ON g.operation_id = o.id
      WHERE o.slug = $1
      GROUP BY o.id`,
    [slug],
  );
  return rows[0] ?? null;
}

/**
 * Opens the export of operation `slug`. Resolves once the operation and group are checked and the
 * query is sent; the rows then flow as the body is read. Throws when the database cannot be
 * reached (the caller answers 503).
 */
export async function openFigureExport(
  slug: string,
  params: FigureExportParams,
  signal?: AbortSignal,
): Promise<FigureExport> {
  const client = await exportPool().connect();
  // A connection lost mid-export emits 'error' on the client; without a listener that would crash
  // the server instead of failing the one download.
  const ignoreClientError = () => undefined;
  client.on('error', ignoreClientError);
  let released = false;
  const release = (discard: boolean) => {
    if (released) return;
    released = true;
    client.off('error', ignoreClientError);
    client.release(discard);
  };

  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Timestamps in UTC text, for the fast parser of exportTypeParsers. No JIT, whose compilation
    // (a quarter of a second) only delays the first row of a query that streams. No statement
    // timeout: a cursor's statement lasts until its last batch is fetched, i.e. as long as the
    // download, so a timeout (a server or role default) would cut slow downloads; a client that
    // stops reading is ended by the stall timeout below and idle_in_transaction_session_timeout.
    await client.query("SET LOCAL TimeZone = 'UTC'; SET LOCAL jit = off; SET LOCAL statement_timeout = 0");
    const operation = await findOperation(client, slug);
    if (!operation) {
      await endTransaction(client, release);
      return { status: 'operation_not_found' };
    }
    const group =
      params.group === undefined
        ? undefined
        : operation.groups.find((candidate) => candidate.slug === params.group);
    if (params.group !== undefined && !group) {
      await endTransaction(client, release);
      const known = operation.groups.map((candidate) => candidate.slug);
      return { status: 'invalid_parameters', errors: [unknownGroupError(params.group, known)] };
    }

    const query = figureExportQuery({
      operationId: operation.id,
      groupId: group?.id,
      asOf: asOfRange(params, operation.timeZone),
      allRevisions: params.revisions === 'all',
    });
    const rows = client.query(
      new QueryStream(query.text, query.values, { batchSize: CURSOR_BATCH_ROWS, types: exportTypeParsers }),
    );
    const context = { operation: operation.slug, timeZone: operation.timeZone };
    const csv = figureCsvStream(context, { bom: params.excel, hxl: params.hxl });
    let pipelineError: Error | undefined;
    pipeline(rows, csv, (error) => {
      pipelineError = error ?? undefined;
    });
    const body = readableToWeb(csv, {
      signal,
      stallTimeoutMs: STALL_TIMEOUT_MS,
      onClose: (outcome) => {
        const failure = outcome.kind === 'failed' ? outcome.error : pipelineError;
        if (outcome.kind === 'ended' && !failure) {
          void endTransaction(client, release);
          return;
        }
        rows.destroy();
        release(true);
        // A reader closing the tab is routine; a failing query is worth one line in the log.
        if (failure) console.error(`CSV export of ${slug} failed: ${failure.message}`);
      },
    });
    return { status: 'ok', operation: { slug: operation.slug, timeZone: operation.timeZone }, body };
  } catch (error) {
    release(true);
    throw error;
  }
}

/** Ends the read-only transaction and returns the connection; discards it if that fails. */
async function endTransaction(client: pg.PoolClient, release: (discard: boolean) => void) {
  try {
    await client.query('COMMIT');
    release(false);
  } catch {
    release(true);
  }
}
