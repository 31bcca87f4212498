// One page of an operation's figures for the JSON API: the CSV export's own query (same filters,
// same columns, same revision status), ordered by as-of and revision id and cut by a keyset, so
// paging through visits every figure once, whatever page size, and costs the same on page 1,000
// as on page 1. Through the main Prisma client: a page is small, unlike a streamed export.
import 'server-only';
import { asOfRange, unknownGroupError } from '../csv/export-params';
import type { FigureExportRow } from '../csv/columns';
import { figurePageQuery, type FigurePagePosition } from '../csv/export-query';
import { formatInstantInZone, formatInstantOrNull } from '../csv/zoned-iso';
import { toApiSource } from '../api/api-mappers';
import type { FigureListParams } from '../api/figure-list-params';
import type { ParameterError } from '../api/query-params';
import type { FigureItem } from '../api/schemas/figures';
import { getPrisma } from '../db';

type Instants = 'basisStart' | 'windowStart' | 'windowEnd' | 'asOf' | 'sourcePublishedAt';
/** The export's row as Prisma returns it: instants as Dates. */
type PageRow = Omit<FigureExportRow, Instants> & { [K in Instants]: null extends FigureExportRow[K] ? Date | null : Date };

export type FigurePageResult =
  | { status: 'ok'; items: FigureItem[]; next: FigurePagePosition | null }
  | { status: 'operation_not_found' }
  | { status: 'invalid_parameters'; errors: ParameterError[] };

function toFigureItem(row: PageRow, timeZone: string): FigureItem {
  return {
    id: row.revisionId,
    group: row.group,
    value: row.value,
    kind: row.kind === 'CUMULATIVE' ? 'cumulative' : 'window',
    basisStart: formatInstantOrNull(row.basisStart, timeZone),
    windowStart: formatInstantOrNull(row.windowStart, timeZone),
    windowEnd: formatInstantOrNull(row.windowEnd, timeZone),
    asOf: formatInstantInZone(row.asOf, timeZone),
    provisional: row.provisional,
    status: row.status,
    replacesId: row.replacesRevisionId,
    correctionReason: row.correctionReason,
    source: toApiSource(
      {
        publisher: row.sourcePublisher,
        title: row.sourceTitle,
        url: row.sourceUrl,
        via: row.sourceVia,
        quote: row.sourceQuote,
        publishedAt: row.sourcePublishedAt,
      },
      timeZone,
    ),
  };
}

export async function getFigurePage(slug: string, params: FigureListParams): Promise<FigurePageResult> {
  const prisma = getPrisma();
  const operation = await prisma.operation.findUnique({
    where: { slug },
    select: { id: true, timeZone: true, groups: { select: { id: true, slug: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  if (!operation) return { status: 'operation_not_found' };
  const { filters } = params;
  let groupId: number | undefined;
  if (filters.group !== undefined) {
    groupId = operation.groups.find((group) => group.slug === filters.group)?.id;
    if (groupId === undefined) {
      const known = operation.groups.map((group) => group.slug);
      return { status: 'invalid_parameters', errors: [unknownGroupError(filters.group, known)] };
    }
  }
  // One row more than the page: whether it exists says whether there is a next page.
  const query = figurePageQuery(
    {
      operationId: operation.id,
      groupId,
      asOf: asOfRange(filters, operation.timeZone),
      allRevisions: filters.revisions === 'all',
    },
    { after: params.after, limit: params.limit + 1 },
  );
  const rows = await prisma.$queryRawUnsafe<PageRow[]>(query.text, ...query.values);
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  return {
    status: 'ok',
    items: page.map((row) => toFigureItem(row, operation.timeZone)),
    next: rows.length > params.limit && last ? { asOf: last.asOf, id: last.revisionId } : null,
  };
}
