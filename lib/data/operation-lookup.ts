// The little the view parameters need to know about an operation (its zone, its start, its
// groups) in one cheap query, so a route can validate `?asOf=&group=` before the full read.
import 'server-only';
import { getPrisma } from '../db';
import type { GroupDto } from './dto';
import { toGroupDto } from './mappers';
import { cachedOperationRead, recentOperationRead } from './read-cache';

export interface OperationForView {
  slug: string;
  name: string;
  timeZone: string;
  startsAt: Date;
  /** In display order; the first is the page's default tab. */
  groups: GroupDto[];
}

export async function getOperationForView(slug: string): Promise<OperationForView | null> {
  const operation = await getPrisma().operation.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      timeZone: true,
      startsAt: true,
      groups: { select: { slug: true, name: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!operation) return null;
  return {
    slug: operation.slug,
    name: operation.name,
    timeZone: operation.timeZone,
    startsAt: operation.startsAt,
    groups: operation.groups.map(toGroupDto),
  };
}

const OPERATION_KEY = 'operation';

/** getOperationForView, as read a moment ago (see read-cache.ts). */
export function readOperationForView(slug: string): Promise<OperationForView | null> {
  return cachedOperationRead(slug, OPERATION_KEY, () => getOperationForView(slug));
}

/** What readOperationForView last answered, while the database cannot be reached (read-cache.ts). */
export function recentOperationForView(slug: string): { value: OperationForView; readAt: Date } | null {
  return recentOperationRead<OperationForView>(slug, OPERATION_KEY);
}
