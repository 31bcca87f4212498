// Row-to-DTO mappers shared by the data-access modules.
import type { FeasibilityAssessment, ObservedPace } from '../feasibility';
import type { EventDto, FigureDto, GroupDto, OperationDto, SourceDto, TargetDto } from './dto';

/** A source as the database holds it; the JSON API maps the same rows (lib/api/api-mappers.ts). */
export interface SourceRow {
  publisher: string;
  title: string;
  url: string | null;
  via: string | null;
  publishedAt: Date | null;
  quote: string | null;
}

export function toSourceDto(row: SourceRow): SourceDto {
  return {
    publisher: row.publisher,
    title: row.title,
    url: row.url,
    via: row.via,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    quote: row.quote,
  };
}

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

export interface ObservedPaceDto {
  perDay: number;
  measuredFrom: string;
  measuredTo: string;
  projectedTotalAtDeadline: number;
  goalReachedAt: string | null;
}

export type FeasibilityDto = Omit<
  FeasibilityAssessment,
  'deadline' | 'evaluatedAt' | 'observedPace'
> & {
  deadline: string;
  evaluatedAt: string;
  observedPace: { wholeOperation: ObservedPaceDto | null; recentWindow: ObservedPaceDto | null };
};

function toPaceDto(pace: ObservedPace | null): ObservedPaceDto | null {
  if (!pace) return null;
  return {
    perDay: pace.perDay,
    measuredFrom: iso(pace.measuredFrom),
    measuredTo: iso(pace.measuredTo),
    projectedTotalAtDeadline: pace.projectedTotalAtDeadline,
    goalReachedAt: isoOrNull(pace.goalReachedAt),
  };
}

export function toFeasibilityDto(assessment: FeasibilityAssessment): FeasibilityDto {
  return {
    ...assessment,
    deadline: iso(assessment.deadline),
    evaluatedAt: iso(assessment.evaluatedAt),
    observedPace: {
      wholeOperation: toPaceDto(assessment.observedPace.wholeOperation),
      recentWindow: toPaceDto(assessment.observedPace.recentWindow),
    },
  };
}

type GroupRow = { slug: string; name: string };

export function toGroupDto(row: GroupRow): GroupDto {
  return { slug: row.slug, name: row.name };
}

export function toTargetDto(row: {
  low: number;
  high: number;
  deadline: Date;
  group: GroupRow;
  source: SourceRow;
}): TargetDto {
  return {
    group: toGroupDto(row.group),
    low: row.low,
    high: row.high,
    deadline: iso(row.deadline),
    source: toSourceDto(row.source),
  };
}

export function toFigureDto(row: {
  id: number;
  value: number;
  asOf: Date;
  kind: 'CUMULATIVE' | 'WINDOW';
  basisStart: Date | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  provisional: boolean;
  group: GroupRow;
  source: SourceRow;
}): FigureDto {
  return {
    id: row.id,
    group: toGroupDto(row.group),
    value: row.value,
    asOf: iso(row.asOf),
    kind: row.kind,
    basisStart: isoOrNull(row.basisStart),
    windowStart: isoOrNull(row.windowStart),
    windowEnd: isoOrNull(row.windowEnd),
    provisional: row.provisional,
    source: toSourceDto(row.source),
  };
}

export function toEventDto(row: {
  kind: EventDto['kind'];
  title: string;
  description: string | null;
  occurredAt: Date | null;
  reportedAt: Date;
  count: number | null;
  source: SourceRow;
}): EventDto {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    occurredAt: isoOrNull(row.occurredAt),
    reportedAt: iso(row.reportedAt),
    count: row.count,
    source: toSourceDto(row.source),
  };
}

export function toOperationDto(row: {
  slug: string;
  name: string;
  description: string | null;
  startsAt: Date;
  deadline: Date;
  timeZone: string;
}): OperationDto {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    startsAt: iso(row.startsAt),
    deadline: iso(row.deadline),
    timeZone: row.timeZone,
  };
}
