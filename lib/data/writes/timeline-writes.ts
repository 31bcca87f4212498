// Adding targets, events and statements: same pattern as figures (validate, claim the idempotency
// key, store with its source and its audit entry in one transaction).
import 'server-only';
import { getPrisma } from '../../db';
import { actorAudit, recordAudit, type Actor } from '../../audit/audit-log';
import { parseInput } from '../../validation/field-errors';
import { eventInputSchema, statementInputSchema, targetInputSchema } from '../../validation/timeline-input';
import { resolveInstant } from '../../validation/zoned-instant';
import { runWrite } from './idempotency';
import { checkReportedInstant, groupId, isFailure, loadWriteOperation, optionalInstant } from './operation-context';
import { createSource } from './source-write';
import { invalid, type WriteResult } from './write-result';

/** What a timeline write answers: the new row's id and what it is. */
export interface CreatedDto {
  id: number;
  operation: string;
  type: 'target' | 'event' | 'statement';
}

export async function addTarget(actor: Actor, operationSlug: string, rawInput: unknown, key?: string): Promise<WriteResult<CreatedDto>> {
  const parsed = parseInput(targetInputSchema, rawInput);
  if (!parsed.ok) return invalid(parsed.errors);
  const input = parsed.data;
  return runWrite(getPrisma(), { actor, key, route: `target.create ${operationSlug}`, input }, async (tx) => {
    const operation = await loadWriteOperation(tx, operationSlug);
    if (isFailure(operation)) return operation;
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
    return { ok: true, status: 201, data: { id: row.id, operation: operation.slug, type: 'target' }, replayed: false };
  });
}

export async function addEvent(actor: Actor, operationSlug: string, rawInput: unknown, key?: string): Promise<WriteResult<CreatedDto>> {
  const parsed = parseInput(eventInputSchema, rawInput);
  if (!parsed.ok) return invalid(parsed.errors);
  const input = parsed.data;
  return runWrite(getPrisma(), { actor, key, route: `event.create ${operationSlug}`, input }, async (tx) => {
    const operation = await loadWriteOperation(tx, operationSlug);
    if (isFailure(operation)) return operation;
    const reportedAt = checkReportedInstant(operation, 'reportedAt', input.reportedAt);
    if (isFailure(reportedAt)) return reportedAt;
    const sourceId = await createSource(tx, operation, input.source);
    const row = await tx.event.create({
      data: {
        operationId: operation.id,
        kind: input.kind.toUpperCase() as 'MILESTONE',
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
    return { ok: true, status: 201, data: { id: row.id, operation: operation.slug, type: 'event' }, replayed: false };
  });
}

export async function addStatement(actor: Actor, operationSlug: string, rawInput: unknown, key?: string): Promise<WriteResult<CreatedDto>> {
  const parsed = parseInput(statementInputSchema, rawInput);
  if (!parsed.ok) return invalid(parsed.errors);
  const input = parsed.data;
  return runWrite(getPrisma(), { actor, key, route: `statement.create ${operationSlug}`, input }, async (tx) => {
    const operation = await loadWriteOperation(tx, operationSlug);
    if (isFailure(operation)) return operation;
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
        stance: input.stance.toUpperCase() as 'INFEASIBLE',
        sourceId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actorAudit(actor, {
      action: 'statement.create', entityType: 'statement', entityId: row.id, operationId: operation.id,
      details: { speaker: input.speaker, stance: input.stance },
    }));
    return { ok: true, status: 201, data: { id: row.id, operation: operation.slug, type: 'statement' }, replayed: false };
  });
}
