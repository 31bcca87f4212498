// The figures CSV export: finds the operation, checks the group, and streams the figures as
// PostgreSQL writes them with COPY … TO STDOUT (lib/csv/export-copy.ts: the database formats every
// cell and writes the CSV bytes), behind the preamble our code writes, to a web ReadableStream. The
// COPY stream reads from the socket only as fast as the client downloads, so the server holds a
// few buffers whatever the size of the export.
//
// One connection of the export pool carries the whole export inside one read-only REPEATABLE READ
// transaction: the file is one consistent snapshot. The connection goes back to the pool when the
// stream ends, and is discarded when the stream fails or the client disconnects (a COPY cut short
// leaves the connection mid-protocol).
import 'server-only';
import { PassThrough, pipeline } from 'node:stream';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { figureCopyStatement, figureCsvPreamble } from '../csv/export-copy';
import { asOfRange, unknownGroupError, type FigureExportParams, type ParameterError } from '../csv/export-params';
import { exportPool } from '../csv/export-pool';
import { readableToWeb } from '../csv/readable-to-web';
import { loggerFor } from '../logger';

export interface ExportedOperation {
  slug: string;
  timeZone: string;
}

type Refusal = { status: 'operation_not_found' } | { status: 'invalid_parameters'; errors: ParameterError[] };

export type FigureExport =
  | { status: 'ok'; operation: ExportedOperation; body: ReadableStream<Uint8Array> }
  | Refusal;

/** What a HEAD request learns: whether the export exists, without reading the figures. */
export type FigureExportCheck = { status: 'ok'; operation: ExportedOperation } | Refusal;

/** Bytes buffered before the client must read: large enough to send in a few big writes. */
const OUTPUT_BUFFER_BYTES = 64 * 1024;
/** A client that reads nothing for this long is treated as gone. */
const STALL_TIMEOUT_MS = 60_000;
/**
 * The export's small queries (not the COPY, which lasts as long as the download) give up after
 * this long without an answer: a database that does not answer at all gets a 503, not a hang.
 */
const SETUP_QUERY_TIMEOUT_MS = 10_000;
const setupQuery = (text: string, values?: unknown[]) => ({ text, values, query_timeout: SETUP_QUERY_TIMEOUT_MS });

interface OperationRow {
  id: number;
  slug: string;
  timeZone: string;
  groups: { id: number; slug: string }[];
}

async function findOperation(client: pg.PoolClient, slug: string): Promise<OperationRow | null> {
  const { rows } = await client.query<OperationRow>(setupQuery(
    `SELECT o.id, o.slug, o.time_zone AS "timeZone",
            COALESCE(json_agg(json_build_object('id', g.id, 'slug', g.slug)
                     ORDER BY g.position, g.id) FILTER (WHERE g.id IS NOT NULL), '[]') AS groups
       FROM operation o LEFT JOIN population_group g ON g.operation_id = o.id
      WHERE o.slug = $1
      GROUP BY o.id`,
    [slug],
  ));
  return rows[0] ?? null;
}

type Resolved = { status: 'ok'; operation: OperationRow; groupId?: number } | Refusal;

/** The operation, and the group when one is asked for, or why the export cannot be made. */
async function resolveExport(
  client: pg.PoolClient,
  slug: string,
  params: FigureExportParams,
): Promise<Resolved> {
  const operation = await findOperation(client, slug);
  if (!operation) return { status: 'operation_not_found' };
  if (params.group === undefined) return { status: 'ok', operation };
  const group = operation.groups.find((candidate) => candidate.slug === params.group);
  if (group) return { status: 'ok', operation, groupId: group.id };
  const known = operation.groups.map((candidate) => candidate.slug);
  return { status: 'invalid_parameters', errors: [unknownGroupError(params.group, known)] };
}

/** For HEAD: the checks of an export, on a connection held only for them. Next.js answers HEAD
 *  with GET's handler otherwise, and a body nobody reads would hold a connection until the stall
 *  timeout. */
export async function checkFigureExport(slug: string, params: FigureExportParams): Promise<FigureExportCheck> {
  const { client, release } = await checkOut();
  try {
    const resolved = await resolveExport(client, slug, params);
    release(false);
    if (resolved.status !== 'ok') return resolved;
    return { status: 'ok', operation: { slug: resolved.operation.slug, timeZone: resolved.operation.timeZone } };
  } catch (error) {
    release(true);
    throw error;
  }
}

/** A connection of the export pool, and the one way to give it back (`discard` if its state is
 *  unknown). */
async function checkOut(): Promise<{ client: pg.PoolClient; release(discard: boolean): void }> {
  const client = await exportPool().connect();
  // A connection lost while checked out emits 'error' on the client; without a listener that
  // would crash the server instead of failing the one request.
  const ignoreClientError = () => undefined;
  client.on('error', ignoreClientError);
  let released = false;
  return {
    client,
    release(discard: boolean) {
      if (released) return;
      released = true;
      client.off('error', ignoreClientError);
      client.release(discard);
    },
  };
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
  const { client, release } = await checkOut();
  try {
    await client.query(setupQuery('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'));
    // No JIT, whose compilation (a quarter of a second) only delays the first row of a query that
    // streams. No statement timeout: the COPY lasts as long as the download, so a timeout (a
    // server or role default) would cut slow downloads; a client that stops reading is ended by
    // the stall timeout below, which closes the connection (PostgreSQL is then blocked sending).
    await client.query(setupQuery('SET LOCAL jit = off; SET LOCAL statement_timeout = 0'));
    const resolved = await resolveExport(client, slug, params);
    if (resolved.status !== 'ok') {
      await endTransaction(client, release);
      return resolved;
    }
    const { operation } = resolved;
    // COPY writes instants in the session's time zone: the operation's.
    await client.query(setupQuery("SELECT set_config('TimeZone', $1, true)", [operation.timeZone]));
    const statement = figureCopyStatement(
      {
        operationId: operation.id,
        groupId: resolved.groupId,
        asOf: asOfRange(params, operation.timeZone),
        allRevisions: params.revisions === 'all',
      },
      operation.slug,
    );
    const rows = client.query(copyTo(statement, { highWaterMark: OUTPUT_BUFFER_BYTES }));
    // The preamble goes out at once: PostgreSQL sorts before it sends the first row.
    const csv = new PassThrough({ highWaterMark: OUTPUT_BUFFER_BYTES });
    csv.write(figureCsvPreamble({ bom: params.excel, hxl: params.hxl }));
    let pipelineError: Error | undefined;
    pipeline(rows, csv, (error) => {
      pipelineError = error ?? undefined;
    });
    // A connection lost fails the export whatever state the protocol handler thinks it is in: the
    // cursor this export once used ignored a loss just after its last rows, and the download then
    // waited for ever. The stream fails, the client sees the download cut short.
    const onConnectionLost = () => rows.destroy(new Error('the database connection was lost during the export'));
    client.once('end', onConnectionLost);
    const body = readableToWeb(csv, {
      signal,
      stallTimeoutMs: STALL_TIMEOUT_MS,
      onClose: (outcome) => {
        client.off('end', onConnectionLost);
        const failure = outcome.kind === 'failed' ? outcome.error : pipelineError;
        if (outcome.kind === 'ended' && !failure) {
          void endTransaction(client, release);
          return;
        }
        rows.destroy();
        release(true);
        // A reader closing the tab is routine; a failing query is worth one line in the log.
        if (failure) loggerFor('csv-export').error(`CSV export of ${slug} failed: ${failure.message}`);
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
    await client.query(setupQuery('COMMIT'));
    release(false);
  } catch {
    release(true);
  }
}
