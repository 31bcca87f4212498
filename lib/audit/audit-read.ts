// Reading the audit log for the admin page: newest first, paged by id (keyset), so a page costs the
// same however long the log grows and entries written meanwhile never shift a page.
import 'server-only';
import { getPrisma } from '../db';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEntryDto {
  id: string;
  at: string;
  action: string;
  actorEmail: string | null;
  channel: string;
  ipAddress: string | null;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  /** The entry's details as compact JSON, or null. */
  details: string | null;
}

export interface AuditPage {
  entries: AuditEntryDto[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/** A `before` cursor from the URL: a positive whole number, else none (the newest page). */
export function parseAuditCursor(raw: unknown): bigint | undefined {
  if (typeof raw !== 'string' || !/^\d{1,19}$/.test(raw)) return undefined;
  const value = BigInt(raw);
  return value > 0n && value <= 9_223_372_036_854_775_807n ? value : undefined;
}

export async function listAuditEntries(options: { before?: bigint; limit?: number } = {}): Promise<AuditPage> {
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const rows = await getPrisma().auditEntry.findMany({
    where: options.before === undefined ? {} : { id: { lt: options.before } },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: {
      id: true,
      at: true,
      action: true,
      actorEmail: true,
      channel: true,
      ipAddress: true,
      entityType: true,
      entityId: true,
      requestId: true,
      details: true,
    },
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      ...row,
      id: row.id.toString(),
      at: row.at.toISOString(),
      details: row.details === null ? null : JSON.stringify(row.details),
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
