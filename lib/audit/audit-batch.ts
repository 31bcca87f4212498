// Many audit entries in one statement, for writes that store many rows at once (the CSV import
// writes one entry per imported figure): the same columns as recordAudit, sent as one JSON
// parameter that PostgreSQL expands with json_to_recordset, in the caller's transaction.
import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import type { AuditRecord } from './audit-log';

type RawWriter = Pick<Prisma.TransactionClient, '$executeRawUnsafe'>;

/** What differs between the entries of one batch; everything else comes from `shared`. */
export interface AuditBatchEntry {
  entityId: string | number;
  details: Prisma.InputJsonValue;
}

/** Rows per INSERT: bounds the size of one parameter. */
const ENTRIES_PER_STATEMENT = 10_000;

export async function recordAuditBatch(
  db: RawWriter,
  shared: Omit<AuditRecord, 'entityId' | 'details'>,
  entries: readonly AuditBatchEntry[],
): Promise<void> {
  for (let from = 0; from < entries.length; from += ENTRIES_PER_STATEMENT) {
    const batch = entries.slice(from, from + ENTRIES_PER_STATEMENT);
    await db.$executeRawUnsafe(
      `INSERT INTO audit_entry (action, channel, actor_user_id, actor_email, entity_type, entity_id,
                                operation_id, ip_address, user_agent, request_id, details)
       SELECT $2::text, $3::text, $4::text, $5::text, $6::text, e.entity_id, $7::int, $8::text, $9::text, $10::text, e.details
         FROM json_to_recordset($1::json) AS e(entity_id text, details jsonb)`,
      JSON.stringify(batch.map((entry) => ({ entity_id: String(entry.entityId), details: entry.details }))),
      shared.action,
      shared.channel,
      shared.actorUserId ?? null,
      shared.actorEmail ?? null,
      shared.entityType ?? null,
      shared.operationId ?? null,
      shared.context.ipAddress,
      shared.context.userAgent,
      shared.context.requestId,
    );
  }
}
