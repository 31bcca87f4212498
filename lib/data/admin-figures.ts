// What the admin page of an operation shows: every figure with its full revision history (each
// revision with its status, source, reason, and who entered it, from the audit log), grouped by
// population group. Server-only; returns plain DTOs.
import 'server-only';
import { getPrisma } from '../db';
import { revisionHistory, type RevisionStatus } from '../figure-revisions';
import type { GroupDto, OperationDto } from './dto';
import { toGroupDto, toOperationDto } from './mappers';
import { figureRevisionSelect, toFigureRevisionDto, type FigureRevisionDto } from './writes/figure-revision-dto';

export interface AdminRevisionDto extends FigureRevisionDto {
  status: RevisionStatus;
  /** Email of who entered it, from the audit log; null for rows written outside the app (seed). */
  recordedBy: string | null;
  /** form, api or cli, with recordedBy. */
  recordedVia: string | null;
}

/** One figure as first published and every correction since, oldest first. */
export interface AdminFigureChainDto {
  /** The revision at the end of the chain: the one in force, or the retraction marker. */
  head: AdminRevisionDto;
  revisions: AdminRevisionDto[];
}

export interface AdminGroupFiguresDto {
  group: GroupDto;
  /** Newest as-of first. */
  chains: AdminFigureChainDto[];
}

export interface AdminOperationDto {
  operation: OperationDto;
  groups: GroupDto[];
  figures: AdminGroupFiguresDto[];
  counts: { targets: number; events: number; statements: number };
}

const FIGURE_ACTIONS = ['figure.create', 'figure.correct', 'figure.retract'];

export async function getAdminOperation(slug: string): Promise<AdminOperationDto | null> {
  const prisma = getPrisma();
  const operation = await prisma.operation.findUnique({
    where: { slug },
    include: {
      groups: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      _count: { select: { targets: true, events: true, statements: true } },
    },
  });
  if (!operation) return null;

  const rows = await prisma.figure.findMany({
    where: { operationId: operation.id },
    orderBy: { id: 'asc' },
    select: { ...figureRevisionSelect, groupId: true },
  });
  const recorders = await figureRecorders(operation.id, rows.map((row) => row.id));
  const groupOf = new Map(rows.map((row) => [row.id, row.groupId]));
  const revisions: AdminRevisionDto[] = rows.map((row) => ({
    ...toFigureRevisionDto(row),
    // Set per chain below, by revisionHistory.
    status: 'current',
    recordedBy: recorders.get(row.id)?.email ?? null,
    recordedVia: recorders.get(row.id)?.channel ?? null,
  }));

  const replaced = new Set(revisions.flatMap((row) => (row.replacesId === null ? [] : [row.replacesId])));
  const chainsByGroup = new Map<number, AdminFigureChainDto[]>();
  for (const head of revisions.filter((row) => !replaced.has(row.id))) {
    const chain = revisionHistory(revisions, head.id).map(({ revision, status }) => ({ ...revision, status }));
    const last = chain.at(-1);
    const groupId = groupOf.get(head.id);
    if (!last || groupId === undefined) continue;
    const list = chainsByGroup.get(groupId) ?? [];
    list.push({ head: last, revisions: chain });
    chainsByGroup.set(groupId, list);
  }

  const byNewest = (a: AdminFigureChainDto, b: AdminFigureChainDto) =>
    b.head.asOf.localeCompare(a.head.asOf) || b.head.id - a.head.id;
  return {
    operation: toOperationDto(operation),
    groups: operation.groups.map(toGroupDto),
    figures: operation.groups.map((group) => ({
      group: toGroupDto(group),
      chains: (chainsByGroup.get(group.id) ?? []).sort(byNewest),
    })),
    counts: operation._count,
  };
}

/** Who wrote each figure, as the audit log recorded it in the same transaction as the row. */
async function figureRecorders(
  operationId: number,
  figureIds: number[],
): Promise<Map<number, { email: string | null; channel: string }>> {
  if (figureIds.length === 0) return new Map();
  const entries = await getPrisma().auditEntry.findMany({
    where: {
      operationId,
      entityType: 'figure',
      action: { in: FIGURE_ACTIONS },
      entityId: { in: figureIds.map(String) },
    },
    select: { entityId: true, actorEmail: true, channel: true },
  });
  return new Map(entries.map((entry) => [Number(entry.entityId), { email: entry.actorEmail, channel: entry.channel }]));
}
