// Adding targets, events and statements: same pattern as figures (validate, claim the idempotency
// key, store with its source and its audit entry in one transaction).
import 'server-only';
import { actorAudit, recordAudit } from '../../audit/audit-log';
import { eventInputSchema, statementInputSchema, targetInputSchema } from '../../validation/timeline-input';
import { resolveInstant } from '../../validation/zoned-instant';
import { checkReportedInstant, groupId, isFailure, optionalInstant } from './operation-context';
import { created, operationWrite } from './operation-write';
import { createSource } from './source-write';

/** What a timeline write answers: the new row's id and what it is. */
export interface CreatedDto {
  id: number;
  operation: string;
  type: 'target' | 'event' | 'statement';
}

export const addTarget = operationWrite(targetInputSchema, 'target.create', async ({ tx, operation, input, actor }) => {
  const group = groupId(operation, input.group);
  if (typeof group !== 'number') return group;
  const sourceId = await createSource(tx, operation, input.source);
  const row = await tx.target.create({
    data: {
      operationId: operation.id,
      groupId: group,
      low: input.low,
      high: input.high,
      deadline: resolveInstant(input.deadline, operation.timeZone, 'end'),
      sourceId,
    },
    select: { id: true },
  });
  await recordAudit(tx, actorAudit(actor, {
    action: 'target.create', entityType: 'target', entityId: row.id, operationId: operation.id,
    details: { group: input.group, low: input.low, high: input.high, deadline: input.deadline },
  }));
  return created<CreatedDto>({ id: row.id, operation: operation.slug, type: 'target' });
});

export const addEvent = operationWrite(eventInputSchema, 'event.create', async ({ tx, operation, input, actor }) => {
  const reportedAt = checkReportedInstant(operation, 'reportedAt', input.reportedAt);
  if (isFailure(reportedAt)) return reportedAt;
  const sourceId = await createSource(tx, operation, input.source);
  const row = await tx.event.create({
    data: {
      operationId: operation.id,
      kind: input.kind.toUpperCase() as Uppercase<typeof input.kind>,
      title: input.title,
      description: input.description ?? null,
      occurredAt: optionalInstant(operation, input.occurredAt),
      reportedAt,
      count: input.count ?? null,
      sourceId,
    },
    select: { id: true },
  });
  await recordAudit(tx, actorAudit(actor, {
    action: 'event.create', entityType: 'event', entityId: row.id, operationId: operation.id,
    details: { kind: input.kind, title: input.title },
  }));
  return created<CreatedDto>({ id: row.id, operation: operation.slug, type: 'event' });
});

export const addStatement = operationWrite(statementInputSchema, 'statement.create', async ({ tx, operation, input, actor }) => {
  const group = input.group === undefined ? null : groupId(operation, input.group);
  if (group !== null && typeof group !== 'number') return group;
  const saidAt = checkReportedInstant(operation, 'saidAt', input.saidAt);
  if (isFailure(saidAt)) return saidAt;
  const sourceId = await createSource(tx, operation, input.source);
  const row = await tx.statement.create({
    data: {
      operationId: operation.id,
      groupId: group,
      speaker: input.speaker,
      speakerRole: input.speakerRole ?? null,
      saidAt,
      quote: input.quote,
      claimedGoal: input.claimedGoal ?? null,
      claimedBy: optionalInstant(operation, input.claimedBy, 'end'),
      stance: input.stance.toUpperCase() as Uppercase<typeof input.stance>,
      sourceId,
    },
    select: { id: true },
  });
  await recordAudit(tx, actorAudit(actor, {
    action: 'statement.create', entityType: 'statement', entityId: row.id, operationId: operation.id,
    details: { speaker: input.speaker, stance: input.stance },
  }));
  return created<CreatedDto>({ id: row.id, operation: operation.slug, type: 'statement' });
});
