// Reads of the JSON API about an operation: the list, one operation with its groups and targets,
// and its groups, targets, events and statements, each with its source. Null: no such operation.
import 'server-only';
import { getPrisma } from '../db';
import { env } from '../env';
import { toApiEvent, toApiOperation, toApiStatement, toApiTarget } from '../api/api-mappers';
import type { EventItem, OperationDetail, OperationListItem, StatementItem, TargetItem } from '../api/schemas/operation';
import type { GroupDto } from './dto';

const SOURCE = { select: { publisher: true, title: true, url: true, via: true, quote: true, publishedAt: true } } as const;
const GROUP_ORDER = [{ position: 'asc' as const }, { id: 'asc' as const }];

export async function listApiOperations(): Promise<OperationListItem[]> {
  const rows = await getPrisma().operation.findMany({ orderBy: [{ startsAt: 'desc' }, { id: 'asc' }] });
  return rows.map((row) => toApiOperation(row, env.DEFAULT_OPERATION));
}

async function operationOf(slug: string) {
  return getPrisma().operation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, timeZone: true, startsAt: true, deadline: true },
  });
}

export async function getApiGroups(slug: string): Promise<GroupDto[] | null> {
  const operation = await getPrisma().operation.findUnique({
    where: { slug },
    select: { groups: { select: { slug: true, name: true }, orderBy: GROUP_ORDER } },
  });
  return operation?.groups ?? null;
}

async function targetsOf(operationId: number, timeZone: string): Promise<TargetItem[]> {
  const rows = await getPrisma().target.findMany({
    where: { operationId },
    select: { id: true, low: true, high: true, deadline: true, group: { select: { slug: true } }, source: SOURCE },
    orderBy: [{ group: { position: 'asc' } }, { groupId: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => toApiTarget(row, timeZone));
}

export async function getApiTargets(slug: string): Promise<TargetItem[] | null> {
  const operation = await operationOf(slug);
  return operation ? targetsOf(operation.id, operation.timeZone) : null;
}

export async function getApiOperation(slug: string): Promise<OperationDetail | null> {
  const operation = await operationOf(slug);
  if (!operation) return null;
  const [groups, targets] = await Promise.all([getApiGroups(slug), targetsOf(operation.id, operation.timeZone)]);
  return { ...toApiOperation(operation, env.DEFAULT_OPERATION), groups: groups ?? [], targets };
}

/** Oldest first, by when it happened where that is known, else by when it was reported. */
export async function getApiEvents(slug: string): Promise<EventItem[] | null> {
  const operation = await operationOf(slug);
  if (!operation) return null;
  const rows = await getPrisma().event.findMany({
    where: { operationId: operation.id },
    select: {
      id: true, kind: true, title: true, description: true, occurredAt: true, reportedAt: true, count: true, source: SOURCE,
    },
    orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }],
  });
  const when = (event: { occurredAt: Date | null; reportedAt: Date }) => (event.occurredAt ?? event.reportedAt).getTime();
  return rows.sort((a, b) => when(a) - when(b) || a.id - b.id).map((row) => toApiEvent(row, operation.timeZone));
}

export async function getApiStatements(slug: string): Promise<StatementItem[] | null> {
  const operation = await operationOf(slug);
  if (!operation) return null;
  const rows = await getPrisma().statement.findMany({
    where: { operationId: operation.id },
    select: {
      id: true, speaker: true, speakerRole: true, saidAt: true, quote: true, claimedGoal: true, claimedBy: true,
      stance: true, group: { select: { slug: true } }, source: SOURCE,
    },
    orderBy: [{ saidAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => toApiStatement(row, operation.timeZone));
}
