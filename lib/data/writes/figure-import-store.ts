// The SQL of the CSV import: reading the stored revisions a file names, and storing new ones in
// batches. Bulk data travels as one array parameter per column, expanded by unnest: one round
// trip per ten thousand rows instead of one INSERT per row (and cheaper for PostgreSQL to read
// than the same rows as JSON).
import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { contentKey } from '../../csv/import/figure-content';
import type { StoredRevision, StoredState } from '../../csv/import/plan-rows';
import type { ValidRow } from '../../csv/import/types';

type Db = Pick<Prisma.TransactionClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/** Rows per INSERT statement. */
const ROWS_PER_STATEMENT = 10_000;

interface StoredRow {
  id: number;
  operation: string;
  group: string;
  value: number;
  kind: 'CUMULATIVE' | 'WINDOW';
  basis_start: number | null;
  window_start: number | null;
  window_end: number | null;
  as_of: number;
  provisional: boolean;
  publisher: string;
  via: string | null;
  title: string;
  url: string | null;
  quote: string | null;
  published_at: number | null;
  replaces_id: number | null;
  correction_reason: string | null;
  retracted: boolean;
  replaced_by: number | null;
}

const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

const STORED_SELECT = `
  SELECT f.id, o.slug AS operation, g.slug AS "group", f.value, f.kind::text AS kind,
         ${epochMs('f.basis_start')} AS basis_start, ${epochMs('f.window_start')} AS window_start,
         ${epochMs('f.window_end')} AS window_end, ${epochMs('f.as_of')} AS as_of, f.provisional,
         s.publisher, s.via, s.title, s.url, s.quote, ${epochMs('s.published_at')} AS published_at,
         f.replaces_id, f.correction_reason, f.retracted, r.id AS replaced_by
    FROM figure f
    JOIN operation o ON o.id = f.operation_id
    JOIN population_group g ON g.id = f.group_id
    JOIN source s ON s.id = f.source_id
    LEFT JOIN figure r ON r.replaces_id = f.id`;

function toStoredRevision(row: StoredRow): StoredRevision {
  return {
    id: row.id,
    operation: row.operation,
    replacedBy: row.replaced_by,
    figure: {
      group: row.group,
      value: row.value,
      kind: row.kind,
      basisStart: row.basis_start,
      windowStart: row.window_start,
      windowEnd: row.window_end,
      asOf: row.as_of,
      provisional: row.provisional,
      source: {
        publisher: row.publisher,
        via: row.via,
        title: row.title,
        url: row.url,
        quote: row.quote,
        publishedAt: row.published_at,
      },
      replacesId: row.replaces_id,
      correctionReason: row.correction_reason,
      retracted: row.retracted,
    },
  };
}

/**
 * What the database holds that the file's rows are compared with: every revision the file names
 * (as its own id or as the one it replaces), and, for rows without an id, the operation's figures
 * with the same as-of instants.
 */
export async function readStoredState(db: Db, operationId: number, rows: readonly ValidRow[]): Promise<StoredState> {
  const ids = new Set<number>();
  const asOfs = new Set<number>();
  for (const row of rows) {
    if (row.revisionId !== null) ids.add(row.revisionId);
    else asOfs.add(row.figure.asOf);
    if (row.figure.replacesId !== null) ids.add(row.figure.replacesId);
  }
  const byId = new Map<number, StoredRevision>();
  if (ids.size > 0) {
    // Which of the ids exist, first: cheap, and for a file of new figures the answer is none.
    const existing = await db.$queryRawUnsafe<{ id: number }[]>(
      'SELECT id FROM figure WHERE id = ANY($1::int[])',
      [...ids],
    );
    if (existing.length > 0) {
      const found = await db.$queryRawUnsafe<StoredRow[]>(
        `${STORED_SELECT} WHERE f.id = ANY($1::int[])`,
        existing.map((row) => row.id),
      );
      for (const row of found) byId.set(row.id, toStoredRevision(row));
    }
  }
  const idByContent = new Map<string, number>();
  if (asOfs.size > 0) {
    const found = await db.$queryRawUnsafe<StoredRow[]>(
      `${STORED_SELECT}
        WHERE f.operation_id = $1
          AND f.as_of = ANY($2::timestamptz[])`,
      operationId,
      [...asOfs].map((instant) => new Date(instant).toISOString()),
    );
    for (const row of found) {
      const key = contentKey(toStoredRevision(row).figure);
      if (!idByContent.has(key)) idByContent.set(key, row.id);
    }
  }
  return { byId, idByContent };
}

/** `count` fresh values of a table's id sequence. */
async function allocateIds(db: Db, table: 'figure' | 'source', count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::int AS id FROM generate_series(1, $1::int)`,
    count,
  );
  return rows.map((row) => row.id);
}

/**
 * Moves the figure id sequence past `highestId` (never back), so that figures added later get
 * ids after the imported ones instead of colliding with them.
 */
async function moveFigureSequencePast(db: Db, highestId: number): Promise<void> {
  await db.$queryRawUnsafe(
    `SELECT setval(seq, GREATEST(COALESCE(pg_sequence_last_value(seq::regclass), 0),
                                 (SELECT COALESCE(max(id), 0) FROM figure), $1::int))
       FROM pg_get_serial_sequence('figure', 'id') AS seq`,
    highestId,
  );
}

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

export interface InsertedFigure {
  id: number;
  row: ValidRow;
}

/**
 * Stores `rows` (already in insertion order: a revision before what replaces it) in the
 * operation, each with a source of its own, keeping the revision ids the file gives and drawing
 * new ones for rows without. Runs inside the caller's transaction, which must hold the figure
 * table lock (see the caller).
 */
export async function insertImportedFigures(
  db: Db,
  operation: { id: number; groupIds: ReadonlyMap<string, number> },
  rows: readonly ValidRow[],
): Promise<InsertedFigure[]> {
  const highestId = rows.reduce((highest, row) => Math.max(highest, row.revisionId ?? 0), 0);
  if (highestId > 0) await moveFigureSequencePast(db, highestId);
  const newIds = await allocateIds(db, 'figure', rows.filter((row) => row.revisionId === null).length);
  const sourceIds = await allocateIds(db, 'source', rows.length);
  let nextNew = 0;
  const inserted = rows.map((row) => ({ id: row.revisionId ?? newIds[nextNew++]!, row }));

  const groupIdOf = (group: string) => operation.groupIds.get(group)!;
  for (let from = 0; from < inserted.length; from += ROWS_PER_STATEMENT) {
    const batch = inserted.slice(from, from + ROWS_PER_STATEMENT);
    const column = <T>(read: (figure: ValidRow['figure'], id: number, at: number) => T): T[] =>
      batch.map(({ id, row }, at) => read(row.figure, id, from + at));
    // One statement: the sources, then the figures naming them. The foreign keys are checked at
    // the end of the statement, so a correction may name a revision of the same batch.
    await db.$executeRawUnsafe(
      `WITH rows AS (
         SELECT * FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                              $8::timestamptz[], $9::timestamptz[], $10::boolean[], $11::int[], $12::text[],
                              $13::boolean[], $14::int[], $15::text[], $16::text[], $17::text[], $18::text[],
                              $19::timestamptz[], $20::text[])
           AS r(id, group_id, value, kind, basis_start, window_start, window_end, as_of, provisional,
                replaces_id, correction_reason, retracted, source_id, publisher, title, url, via,
                published_at, quote)
       ), sources AS (
         INSERT INTO source (id, publisher, title, url, via, published_at, quote)
         SELECT source_id, publisher, title, url, via, published_at, quote FROM rows
       )
       INSERT INTO figure (id, operation_id, group_id, value, as_of, kind, basis_start, window_start,
                           window_end, provisional, source_id, replaces_id, correction_reason, retracted)
       SELECT id, $1::int, group_id, value, as_of, kind::figure_kind, basis_start, window_start,
              window_end, provisional, source_id, replaces_id, correction_reason, retracted
         FROM rows`,
      operation.id,
      column((_, id) => id),
      column((figure) => groupIdOf(figure.group)),
      column((figure) => figure.value),
      column((figure) => figure.kind),
      column((figure) => iso(figure.basisStart)),
      column((figure) => iso(figure.windowStart)),
      column((figure) => iso(figure.windowEnd)),
      column((figure) => iso(figure.asOf)),
      column((figure) => figure.provisional),
      column((figure) => figure.replacesId),
      column((figure) => figure.correctionReason),
      column((figure) => figure.retracted === true),
      column((_, __, at) => sourceIds[at]!),
      column((figure) => figure.source.publisher),
      column((figure) => figure.source.title),
      column((figure) => figure.source.url),
      column((figure) => figure.source.via),
      column((figure) => iso(figure.source.publishedAt)),
      column((figure) => figure.source.quote),
    );
  }
  return inserted;
}
