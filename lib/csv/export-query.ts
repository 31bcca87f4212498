// The SELECT of the figures CSV export, pure so that the benchmark can run the very same query
// through COPY. One row per figure, columns named after FigureExportRow's fields.
import type { AsOfRange } from './export-params';

export interface FigureExportFilter {
  operationId: number;
  groupId?: number;
  asOf: AsOfRange;
  allRevisions: boolean;
}

// The rules of lib/figure-revisions.ts in SQL: a row is superseded when another row replaces it;
// a retraction marker nobody replaced is 'retracted'; every other row is current.
const REPLACED = 'EXISTS (SELECT 1 FROM figure r WHERE r.replaces_id = f.id AND r.id <> f.id)';

/**
 * The export's SELECT, in the order of the page: group by group (in the page's order), then by
 * as-of, then by revision (a correction after what it corrects). PostgreSQL sorts before it sends
 * the first row; on a million rows that takes seconds (on disk, never in the app), which is why
 * the export sends its header row before the query is answered.
 */
export function figureExportQuery(filter: FigureExportFilter): { text: string; values: unknown[] } {
  return figureQuery(filter, 'ORDER BY g.position, g.id, f.as_of, f.id');
}

/** Where a page of the JSON API's figure list starts: after this (as-of, revision id). */
export interface FigurePagePosition {
  asOf: Date;
  id: number;
}

/**
 * The same figures, filters and columns as the export, one page at a time for the JSON API:
 * ordered by as-of then revision id, so that a keyset (the last row's pair) marks where the next
 * page starts however many rows are added meanwhile.
 */
export function figurePageQuery(
  filter: FigureExportFilter,
  page: { after?: FigurePagePosition; limit: number },
): { text: string; values: unknown[] } {
  return figureQuery(filter, `ORDER BY f.as_of, f.id LIMIT ${Math.trunc(page.limit)}`, page.after);
}

function figureQuery(
  filter: FigureExportFilter,
  orderAndLimit: string,
  after?: FigurePagePosition,
): { text: string; values: unknown[] } {
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
  if (after) {
    values.push(after.asOf, after.id);
    where.push(`(f.as_of, f.id) > ($${values.length - 1}, $${values.length})`);
  }
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
     ${orderAndLimit}`;
  return { text, values };
}
