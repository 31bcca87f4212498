// Reads everything the operation page shows, in one place, and runs the feasibility arithmetic on
// it, so the page, the JSON API and the exports can never disagree.
import 'server-only';
import { getPrisma } from '../db';
import { assessAgainstRange, assessFeasibility } from '../feasibility';
import { downsampleForDrawing } from '../chart-data/downsample';
import { effectiveFigures } from '../figure-revisions';
import { cumulativeSeriesOnLatestBasis, selectGroup } from './cumulative-series';
import { cachedOperationRead, recentOperationRead } from './read-cache';
import type { FigureDto, OperationDashboard, StatementWithArithmetic, TargetDto } from './dto';
import {
  iso,
  isoOrNull,
  toEventDto,
  toFeasibilityDto,
  toFigureDto,
  toGroupDto,
  toOperationDto,
  toSourceDto,
  toTargetDto,
} from './mappers';

export type { OperationDashboard, StatementWithArithmetic } from './dto';

export interface DashboardQuery {
  /** Defaults to now. */
  asOf?: Date;
  /** Group slug; defaults to the first group (by position) that has figures. */
  group?: string;
}

export async function getOperationDashboard(
  slug: string,
  query: DashboardQuery = {},
): Promise<OperationDashboard | null> {
  const prisma = getPrisma();
  const viewAsOf = query.asOf ?? new Date();
  const operation = await prisma.operation.findUnique({
    where: { slug },
    include: { groups: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  if (!operation) return null;

  // Which groups have figures decides the default group; only that group's rows are loaded.
  const groupsWithFigures = await prisma.figure.groupBy({
    by: ['groupId'],
    where: { operationId: operation.id, asOf: { lte: viewAsOf } },
  });
  const slugById = new Map(operation.groups.map((row) => [row.id, row.slug]));
  const groups = operation.groups.map(toGroupDto);
  const group = selectGroup(
    groups,
    new Set(groupsWithFigures.map((row) => slugById.get(row.groupId) ?? '')),
    query.group,
  );
  if (!group) return null;
  const groupId = operation.groups.find((row) => row.slug === group.slug)?.id;

  const [figureRows, targetRows, statementRows, eventRows] = await Promise.all([
    prisma.figure.findMany({
      where: { operationId: operation.id, groupId },
      include: { source: true, group: true },
      orderBy: [{ asOf: 'asc' }, { id: 'asc' }],
    }),
    prisma.target.findMany({
      where: { operationId: operation.id },
      include: { source: true, group: true },
      orderBy: [{ group: { position: 'asc' } }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.statement.findMany({
      where: { operationId: operation.id, saidAt: { lte: viewAsOf } },
      include: { source: true, group: true },
      orderBy: { saidAt: 'asc' },
    }),
    prisma.event.findMany({
      where: { operationId: operation.id, reportedAt: { lte: viewAsOf } },
      include: { source: true },
      orderBy: [{ occurredAt: 'asc' }, { reportedAt: 'asc' }],
    }),
  ]);

  // Revisions are resolved over all rows first: a correction dated later still replaces its row.
  const figures = effectiveFigures(figureRows)
    .filter((row) => row.asOf <= viewAsOf)
    .map(toFigureDto);
  const series = cumulativeSeriesOnLatestBasis(figures);
  const latestFigure = series.at(-1) ?? null;
  const targets = latestTargetPerGroup(targetRows.map(toTargetDto));
  const target = targets.find((candidate) => candidate.group.slug === group.slug) ?? null;
  const basisStart = latestFigure?.basisStart ? new Date(latestFigure.basisStart) : operation.startsAt;
  const points = series.map((figure) => ({ asOf: new Date(figure.asOf), value: figure.value }));

  const feasibility = target
    ? (() => {
        const range = assessAgainstRange({
          figures: points,
          basisStart,
          goalLow: target.low,
          goalHigh: target.high,
          deadline: new Date(target.deadline),
          asOf: viewAsOf,
        });
        return {
          againstLow: toFeasibilityDto(range.againstLow),
          againstHigh: toFeasibilityDto(range.againstHigh),
        };
      })()
    : null;

  const statements = statementRows
    .filter((row) => !row.group || row.group.slug === group.slug)
    .map((row): StatementWithArithmetic => {
      const goal = row.claimedGoal ?? target?.high ?? null;
      const deadline = row.claimedBy ?? (target ? new Date(target.deadline) : operation.deadline);
      return {
        speaker: row.speaker,
        speakerRole: row.speakerRole,
        saidAt: iso(row.saidAt),
        quote: row.quote,
        claimedGoal: row.claimedGoal,
        claimedBy: isoOrNull(row.claimedBy),
        stance: row.stance,
        source: toSourceDto(row.source),
        arithmetic:
          goal === null
            ? null
            : toFeasibilityDto(
                assessFeasibility({ figures: points, basisStart, goal, deadline, asOf: row.saidAt }),
              ),
      };
    });

  return {
    operation: toOperationDto(operation),
    groups,
    group,
    viewAsOf: query.asOf ? iso(query.asOf) : null,
    // Every number above was computed from the full series; the chart gets at most ~1,500 points.
    series: thinForDrawing(series),
    seriesCount: series.length,
    latestFigure,
    target,
    targets,
    feasibility,
    statements,
    events: eventRows.map(toEventDto),
  };
}

const dashboardKey = (query: DashboardQuery) => `dashboard ${query.group ?? ''} ${query.asOf?.toISOString() ?? 'latest'}`;

/** getOperationDashboard, as read a moment ago (see read-cache.ts): what pages and the API serve. */
export function readOperationDashboard(slug: string, query: DashboardQuery = {}): Promise<OperationDashboard | null> {
  return cachedOperationRead(slug, dashboardKey(query), () => getOperationDashboard(slug, query));
}

/** What readOperationDashboard last answered, while the database cannot be reached (read-cache.ts). */
export function recentOperationDashboard(
  slug: string,
  query: DashboardQuery = {},
): { value: OperationDashboard; readAt: Date } | null {
  return recentOperationRead<OperationDashboard>(slug, dashboardKey(query));
}

function thinForDrawing(series: FigureDto[]): FigureDto[] {
  const points = series.map((figure) => ({ t: Date.parse(figure.asOf), value: figure.value, figure }));
  return downsampleForDrawing(points).map((point) => point.figure);
}

function latestTargetPerGroup(targets: TargetDto[]): TargetDto[] {
  const bySlug = new Map<string, TargetDto>();
  for (const target of targets) bySlug.set(target.group.slug, target);
  return [...bySlug.values()];
}
