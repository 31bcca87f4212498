// Rows to the JSON API's shapes: instants written in the operation's time zone with its offset, as
// the CSV export writes them ("2021-08-22T00:00:00+04:30"), and enums in the write API's lower case.
import { formatInstantInZone, formatInstantOrNull } from '../csv/zoned-iso';
import type { SourceRow } from '../data/mappers';
import type { ApiSource, EventItem, OperationLinks, OperationListItem, StatementItem, TargetItem } from './schemas/operation';


export function toApiSource(row: SourceRow, timeZone: string): ApiSource {
  return {
    publisher: row.publisher,
    title: row.title,
    url: row.url,
    via: row.via,
    quote: row.quote,
    publishedAt: formatInstantOrNull(row.publishedAt, timeZone),
  };
}

export function operationLinks(slug: string): OperationLinks {
  const api = `/api/operations/${slug}`;
  return { self: api, page: `/operations/${slug}`, summary: `${api}/summary`, figures: `${api}/figures`, csv: `${api}/figures.csv` };
}

export function toApiOperation(
  row: { slug: string; name: string; description: string | null; timeZone: string; startsAt: Date; deadline: Date },
  defaultSlug: string,
): OperationListItem {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    startsAt: formatInstantInZone(row.startsAt, row.timeZone),
    deadline: formatInstantInZone(row.deadline, row.timeZone),
    default: row.slug === defaultSlug,
    links: operationLinks(row.slug),
  };
}

export function toApiTarget(
  row: { id: number; low: number; high: number; deadline: Date; group: { slug: string }; source: SourceRow },
  timeZone: string,
): TargetItem {
  return {
    id: row.id,
    group: row.group.slug,
    low: row.low,
    high: row.high,
    deadline: formatInstantInZone(row.deadline, timeZone),
    source: toApiSource(row.source, timeZone),
  };
}

export function toApiEvent(
  row: {
    id: number;
    kind: Uppercase<EventItem['kind']>;
    title: string;
    description: string | null;
    occurredAt: Date | null;
    reportedAt: Date;
    count: number | null;
    source: SourceRow;
  },
  timeZone: string,
): EventItem {
  return {
    id: row.id,
    kind: row.kind.toLowerCase() as EventItem['kind'],
    title: row.title,
    description: row.description,
    occurredAt: formatInstantOrNull(row.occurredAt, timeZone),
    reportedAt: formatInstantInZone(row.reportedAt, timeZone),
    count: row.count,
    source: toApiSource(row.source, timeZone),
  };
}

export function toApiStatement(
  row: {
    id: number;
    speaker: string;
    speakerRole: string | null;
    group: { slug: string } | null;
    saidAt: Date;
    quote: string;
    claimedGoal: number | null;
    claimedBy: Date | null;
    stance: Uppercase<StatementItem['stance']>;
    source: SourceRow;
  },
  timeZone: string,
): StatementItem {
  return {
    id: row.id,
    speaker: row.speaker,
    speakerRole: row.speakerRole,
    group: row.group?.slug ?? null,
    saidAt: formatInstantInZone(row.saidAt, timeZone),
    quote: row.quote,
    claimedGoal: row.claimedGoal,
    claimedBy: formatInstantOrNull(row.claimedBy, timeZone),
    stance: row.stance.toLowerCase() as StatementItem['stance'],
    source: toApiSource(row.source, timeZone),
  };
}
