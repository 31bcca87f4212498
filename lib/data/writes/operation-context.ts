// What a write needs to know about its operation: the id, the zone its dates are typed in, the
// span its figures may fall in, and its groups by slug.
import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { fieldError, notFound, type WriteFailure } from './write-result';
import { resolveInstant } from '../../validation/zoned-instant';

export interface WriteOperation {
  id: number;
  slug: string;
  timeZone: string;
  startsAt: Date;
  groupIds: ReadonlyMap<string, number>;
}

export async function loadWriteOperation(
  tx: Prisma.TransactionClient,
  slug: string,
): Promise<WriteOperation | WriteFailure> {
  const operation = await tx.operation.findUnique({
    where: { slug },
    select: { id: true, slug: true, timeZone: true, startsAt: true, groups: { select: { id: true, slug: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  if (!operation) return notFound(`No operation "${slug}"`);
  return { ...operation, groupIds: new Map(operation.groups.map((group) => [group.slug, group.id])) };
}

export function isFailure(value: object): value is WriteFailure {
  return 'ok' in value && value.ok === false;
}

export function groupId(operation: WriteOperation, slug: string, field = 'group'): number | WriteFailure {
  const id = operation.groupIds.get(slug);
  if (id !== undefined) return id;
  const known = [...operation.groupIds.keys()].join(', ');
  return fieldError(field, `must be one of this operation's groups: ${known}`);
}

const DAY_MS = 86_400_000;

/**
 * Figures are reported, not forecast: an as-of more than a day ahead is a typo (a wrong year or
 * month), and so is one more than a year before the operation began.
 */
export function checkReportedInstant(
  operation: WriteOperation,
  field: string,
  typed: string,
  now = new Date(),
): Date | WriteFailure {
  const instant = resolveInstant(typed, operation.timeZone);
  if (instant.getTime() > now.getTime() + DAY_MS) {
    return fieldError(field, 'must not be more than a day in the future');
  }
  if (instant.getTime() < operation.startsAt.getTime() - 365 * DAY_MS) {
    return fieldError(field, 'must not be more than a year before the operation started');
  }
  return instant;
}

export function optionalInstant(operation: WriteOperation, typed: string | undefined, dateMeans: 'start' | 'end' = 'start') {
  return typed === undefined ? null : resolveInstant(typed, operation.timeZone, dateMeans);
}
