// The full cumulative series of one group, every point with its revision and its source: what the
// page's data table and analysts read. Unlike the dashboard's chart it is never downsampled.
import 'server-only';
import { getPrisma } from '../db';
import { effectiveFigures } from '../figure-revisions';
import type { GroupDto, SourceDto } from './dto';
import { cumulativeSeriesOnLatestBasis, selectGroup } from './cumulative-series';
import { iso, isoOrNull, toGroupDto, toSourceDto } from './mappers';

export interface SeriesPointDto {
  /** The figure row in force: the revision a correction would name. */
  revisionId: number;
  /** The revision this one corrected, if it is a correction. */
  replacesRevisionId: number | null;
  correctionReason: string | null;
  value: number;
  asOf: string;
  basisStart: string | null;
  provisional: boolean;
  /** When the row was entered, which can be long after `asOf` for a correction. */
  recordedAt: string;
  source: SourceDto;
}

export interface FigureSeries {
  operation: { slug: string; name: string; timeZone: string };
  group: GroupDto;
  /**
   * The view instant asked for: figures dated after it are left out. Null for the latest view,
   * so the body (and its ETag) only changes with the data, as the dashboard's.
   */
  viewAsOf: string | null;
  kind: 'CUMULATIVE';
  /** The common basis of every point (null when there are none). */
  basisStart: string | null;
  /** Oldest first. */
  points: SeriesPointDto[];
}

export interface FigureSeriesQuery {
  /** Defaults to now. */
  asOf?: Date;
  /** Group slug; defaults to the first group (by position) that has figures, as the dashboard. */
  group?: string;
}

export async function getFigureSeries(
  slug: string,
  query: FigureSeriesQuery = {},
): Promise<FigureSeries | null> {
  const prisma = getPrisma();
  const viewAsOf = query.asOf ?? new Date();
  const operation = await prisma.operation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      groups: { select: { slug: true, name: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!operation) return null;

  const rows = await prisma.figure.findMany({
    where: { operationId: operation.id },
    include: { source: true, group: { select: { slug: true } } },
    orderBy: [{ asOf: 'asc' }, { id: 'asc' }],
  });
  // Revisions are resolved over every row before the view filter, exactly as the dashboard does:
  // a correction entered later still corrects the past it is about.
  const inForce = effectiveFigures(rows).filter((row) => row.asOf <= viewAsOf);
  const groups = operation.groups.map(toGroupDto);
  const group = selectGroup(groups, new Set(inForce.map((row) => row.group.slug)), query.group);
  if (!group) return null;

  const series = cumulativeSeriesOnLatestBasis(
    inForce
      .filter((row) => row.group.slug === group.slug)
      .map((row) => ({ kind: row.kind, basisStart: isoOrNull(row.basisStart), row })),
  );
  const points = series.map(({ row }): SeriesPointDto => ({
    revisionId: row.id,
    replacesRevisionId: row.replacesId,
    correctionReason: row.correctionReason,
    value: row.value,
    asOf: iso(row.asOf),
    basisStart: isoOrNull(row.basisStart),
    provisional: row.provisional,
    recordedAt: iso(row.createdAt),
    source: toSourceDto(row.source),
  }));

  return {
    operation: { slug: operation.slug, name: operation.name, timeZone: operation.timeZone },
    group,
    viewAsOf: query.asOf ? iso(query.asOf) : null,
    kind: 'CUMULATIVE',
    basisStart: points[0]?.basisStart ?? null,
    points,
  };
}
