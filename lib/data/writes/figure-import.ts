// CSV import of figures for editors: a preview that checks every row against the shared schema,
// the file and the database, and a commit that stores the whole file in one transaction or
// nothing at all. Importing a file twice adds nothing: rows already stored are skipped.
//
// Rows keep their revision ids, so that an export imported into an empty database exports again
// byte for byte. The commit locks the figure table against other writers (SHARE ROW EXCLUSIVE:
// readers carry on), because it checks ids and chains against what is stored and then writes
// rows with those ids: another insert in between could take an id or replace the same revision.
import 'server-only';
import { getPrisma } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { Actor } from '../../audit/audit-log';
import { recordAuditBatch } from '../../audit/audit-batch';
import { planImport, insertionOrder } from '../../csv/import/plan-rows';
import { readImportFile } from '../../csv/import/read-import-file';
import { countRows, rowReports, type FigureImportReport, type ImportedFileInfo } from '../../csv/import/report';
import { checkRunningTotals, runningTotalSubjects, type StoredTotal } from '../../csv/import/running-totals';
import type { ImportContext, ReadImportFile, RowVerdict, ValidRow } from '../../csv/import/types';
import { checkReportedInstant, isFailure, loadWriteOperation, type WriteOperation } from './operation-context';
import { insertImportedFigures, readStoredState } from './figure-import-store';
import { forgetOperationReads } from '../read-cache';

export interface ImportUpload {
  name: string;
  bytes: Uint8Array;
}

/** A commit may take a while on a large file; a preview never writes. */
const COMMIT_TIMEOUT_MS = 10 * 60_000;

type Db = Prisma.TransactionClient;

function importContext(operation: WriteOperation): ImportContext {
  return { operation: operation.slug, timeZone: operation.timeZone, groups: [...operation.groupIds.keys()] };
}

function fileInfo(upload: ImportUpload, reading: { sha256: string | null; hxl?: boolean }): ImportedFileInfo {
  return { name: upload.name, bytes: upload.bytes.length, sha256: reading.sha256, hxl: reading.hxl ?? false };
}

/** Every row's verdict against the database: the file's own checks, then the write rules. */
async function judgeRows(db: Db, operation: WriteOperation, reading: ReadImportFile): Promise<RowVerdict[]> {
  const valid = reading.rows.flatMap((row) => (row.ok ? [row.value] : []));
  const stored = await readStoredState(db, operation.id, valid);
  const verdicts = planImport(reading.rows, stored, operation.slug);
  // The admin form's rule for a reported instant (not far in the future, not long before the
  // operation began), for the rows that would be stored.
  const now = new Date();
  // Rows of one file share as-of dates: each is checked once.
  const problems = new Map<string, string | null>();
  const problemOf = (typed: string): string | null => {
    let problem = problems.get(typed);
    if (problem === undefined) {
      const checked = checkReportedInstant(operation, 'asOf', typed, now);
      problem = !isFailure(checked) ? null : checked.status === 400 ? (checked.errors[0]?.message ?? 'is not a valid as-of') : 'is not a valid as-of';
      problems.set(typed, problem);
    }
    return problem;
  };
  const dated = verdicts.map((verdict): RowVerdict => {
    if (verdict.result !== 'new') return verdict;
    const message = problemOf(verdict.value.asOfText);
    if (message === null) return verdict;
    return { row: verdict.row, result: 'error', errors: [{ row: verdict.row, field: 'as_of', message }] };
  });
  // The write API's rule that a running total does not fall, against the stored figures and the
  // file's other rows.
  const groups = new Set(runningTotalSubjects(dated).map((row) => row.figure.group));
  if (groups.size === 0) return dated;
  return checkRunningTotals(dated, await readStoredTotals(db, operation.id, [...groups]), operation.timeZone);
}

/** The cumulative figures in force of these groups of the operation. */
async function readStoredTotals(db: Db, operationId: number, groups: string[]): Promise<StoredTotal[]> {
  const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;
  return db.$queryRawUnsafe<StoredTotal[]>(
    `SELECT f.id, g.slug AS "group", ${epochMs('f.basis_start')} AS "basisStart", ${epochMs('f.as_of')} AS "asOf", f.value
       FROM figure f JOIN population_group g ON g.id = f.group_id
      WHERE f.operation_id = $1 AND f.kind = 'CUMULATIVE' AND NOT f.retracted AND f.basis_start IS NOT NULL
        AND g.slug = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM figure r WHERE r.replaces_id = f.id)`,
    operationId,
    groups,
  );
}

async function readForOperation(db: Db, slug: string, upload: ImportUpload) {
  const operation = await loadWriteOperation(db, slug);
  if (isFailure(operation)) return { status: 'not_found' as const };
  return { status: 'ok' as const, operation, reading: readImportFile(upload.bytes, importContext(operation)) };
}

/** Reads and checks the file against the database; stores nothing. */
export async function previewFigureImport(slug: string, upload: ImportUpload): Promise<FigureImportReport> {
  const prisma = getPrisma();
  const read = await readForOperation(prisma, slug, upload);
  if (read.status === 'not_found') return { status: 'not_found', operation: slug };
  const { operation, reading } = read;
  if (!reading.ok) return { status: 'refused', file: fileInfo(upload, reading), refusals: reading.refusals };
  const verdicts = await judgeRows(prisma, operation, reading);
  const rows = rowReports(reading.rows, verdicts);
  return { status: 'checked', file: fileInfo(upload, reading), counts: countRows(rows), rows, commitRefused: false };
}

/** Thrown inside the transaction to roll it back with an answer for the editor. */
class ImportRefusal extends Error {
  constructor(readonly report: FigureImportReport) {
    super('import refused');
  }
}

/**
 * Stores every new row of the file, with one audit entry each, in one transaction; or, when any
 * row has an error, nothing. `previewedSha256`, when given, must be the file's: the editor
 * commits what they previewed.
 */
export async function commitFigureImport(
  actor: Actor,
  slug: string,
  upload: ImportUpload,
  previewedSha256?: string,
): Promise<FigureImportReport> {
  const prisma = getPrisma();
  // The file is read outside the transaction, so the table lock is held only while checking
  // against the database and writing.
  const read = await readForOperation(prisma, slug, upload);
  if (read.status === 'not_found') return { status: 'not_found', operation: slug };
  const { reading } = read;
  const file = fileInfo(upload, reading);
  if (!reading.ok) return { status: 'refused', file, refusals: reading.refusals };
  if (previewedSha256 !== undefined && previewedSha256 !== reading.sha256) return { status: 'changed', file };

  try {
    const report = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = '${COMMIT_TIMEOUT_MS}ms'`);
        await tx.$executeRawUnsafe('LOCK TABLE figure IN SHARE ROW EXCLUSIVE MODE');
        const operation = await loadWriteOperation(tx, slug);
        if (isFailure(operation)) throw new ImportRefusal({ status: 'not_found', operation: slug });
        const verdicts = await judgeRows(tx, operation, reading);
        const rows = rowReports(reading.rows, verdicts);
        const counts = countRows(rows);
        if (counts.error > 0) throw new ImportRefusal({ status: 'checked', file, counts, rows, commitRefused: true });

        const fresh = verdicts.flatMap((verdict): ValidRow[] => (verdict.result === 'new' ? [verdict.value] : []));
        const inserted = await insertImportedFigures(tx, operation, insertionOrder(fresh));
        await recordAuditBatch(
          tx,
          {
            action: 'figure.import',
            channel: actor.channel,
            context: actor,
            actorUserId: actor.userId,
            actorEmail: actor.email,
            entityType: 'figure',
            operationId: operation.id,
            details: { file: upload.name, sha256: reading.sha256 },
          },
          inserted.sort((a, b) => a.row.row - b.row.row).map(({ id, row }) => ({ entityId: id, numbers: { row: row.row } })),
        );
        return { status: 'committed', file, counts, rows, added: inserted.length, skipped: counts.present } as const;
      },
      { maxWait: 10_000, timeout: COMMIT_TIMEOUT_MS },
    );
    forgetOperationReads(slug);
    return report;
  } catch (error) {
    if (error instanceof ImportRefusal) return error.report;
    throw error;
  }
}

/** The operation an import page is for, or null: its name, zone and groups. */
export async function findImportOperation(slug: string) {
  const operation = await getPrisma().operation.findUnique({
    where: { slug },
    select: { slug: true, name: true, timeZone: true, groups: { select: { slug: true, name: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  return operation;
}
