// The append-only audit trail: every write and every sign-in attempt, with who, what, when (UTC,
// set by the database) and from where. Writes record their entry in the same transaction as the
// change, so a change without its entry (or an entry without its change) cannot exist.
import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import type { RequestContext } from '../auth/request-context';

export type AuditChannel = 'form' | 'api' | 'cli';

export type AuditAction =
  | 'sign_in.success'
  | 'sign_in.failure'
  | 'sign_in.throttled'
  | 'sign_out'
  | 'figure.create'
  | 'figure.correct'
  | 'figure.retract'
  | 'figure.import'
  | 'target.create'
  | 'event.create'
  | 'statement.create'
  | 'user.create'
  | 'user.disable'
  | 'user.enable'
  | 'token.create'
  | 'token.revoke';

/** Who did it and through what: a signed-in person, a token's owner, or the command line. */
export interface Actor extends RequestContext {
  userId: string;
  email: string;
  role: 'admin' | 'editor';
  channel: AuditChannel;
}

export interface AuditRecord {
  action: AuditAction;
  channel: AuditChannel;
  context: RequestContext;
  actorUserId?: string | null;
  actorEmail?: string | null;
  entityType?: string;
  entityId?: string | number;
  operationId?: number;
  details?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditEntry'>;

export async function recordAudit(db: AuditWriter, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      action: record.action,
      channel: record.channel,
      actorUserId: record.actorUserId ?? null,
      actorEmail: record.actorEmail ?? null,
      entityType: record.entityType ?? null,
      entityId: record.entityId === undefined ? null : String(record.entityId),
      operationId: record.operationId ?? null,
      ipAddress: record.context.ipAddress,
      userAgent: record.context.userAgent,
      requestId: record.context.requestId,
      details: record.details,
    },
  });
}

/** The audit record of a write made by `actor`. */
export function actorAudit(
  actor: Actor,
  record: Omit<AuditRecord, 'channel' | 'context' | 'actorUserId' | 'actorEmail'>,
): AuditRecord {
  return { ...record, channel: actor.channel, context: actor, actorUserId: actor.userId, actorEmail: actor.email };
}
