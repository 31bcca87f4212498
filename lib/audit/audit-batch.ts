// Many audit entries in one statement, for writes that store many rows at once (the CSV import
// writes one entry per imported figure): the same columns as recordAudit, in the caller's
// transaction. Entries share everything but the entity and a few numbers (the row of a file):
// those travel as integer arrays, and PostgreSQL builds each entry's details from the shared
// object, which is several times faster than sending one JSON object per entry.
import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import type { AuditRecord } from './audit-log';

type RawWriter = Pick<Prisma.TransactionClient, '$executeRawUnsafe'>;

export interface AuditBatchEntry {
  entityId: string | number;
  /** Added to the shared details; every entry of a batch has the same keys. */
  numbers: Readonly<Record<string, number>>;
}

/** Rows per INSERT: bounds the size of one statement's parameters. */
const ENTRIES_PER_STATEMENT = 20_000;
const DETAIL_KEY = /^[a-z][A-Za-z0-9_]{0,30}$/;

export async function recordAuditBatch(
  db: RawWriter,
  shared: Omit<AuditRecord, 'entityId'>,
  entries: readonly AuditBatchEntry[],
): Promise<void> {
  const keys = Object.keys(entries[0]?.numbers ?? {});
  // Keys are written into the SQL text: only plain names, never input.
  if (!keys.every((key) => DETAIL_KEY.test(key))) throw new Error(`audit batch: bad detail key in ${keys.join(', ')}`);
  const perEntry = keys.map((key, at) => `'${key}', e.n${at}`).join(', ');
  const numbered = keys.map((_, at) => `$${12 + at}::int[]`).join(', ');
  const text = `
    INSERT INTO audit_entry (action, channel, actor_user_id, actor_email, entity_type, entity_id,
                             operation_id, ip_address, user_agent, request_id, details)
    SELECT $1::text, $2::text, $3::text, $4::text, $5::text, e.entity_id, $6::int, $7::text,
           $8::text, $9::text, COALESCE($10::jsonb, '{}'::jsonb) || jsonb_build_object(${perEntry})
      FROM unnest($11::text[]${numbered ? `, ${numbered}` : ''}) AS e(entity_id${keys.map((_, at) => `, n${at}`).join('')})`;
  for (let from = 0; from < entries.length; from += ENTRIES_PER_STATEMENT) {
    const batch = entries.slice(from, from + ENTRIES_PER_STATEMENT);
    await db.$executeRawUnsafe(
      text,
      shared.action,
      shared.channel,
      shared.actorUserId ?? null,
      shared.actorEmail ?? null,
      shared.entityType ?? null,
      shared.operationId ?? null,
      shared.context.ipAddress,
      shared.context.userAgent,
      shared.context.requestId,
      shared.details === undefined ? null : JSON.stringify(shared.details),
      batch.map((entry) => String(entry.entityId)),
      ...keys.map((key) => batch.map((entry) => entry.numbers[key] ?? null)),
    );
  }
}
