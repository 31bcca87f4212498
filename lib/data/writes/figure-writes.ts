// Adding, correcting and retracting figures. Figures are append-only: a correction is a new row
// naming the one it replaces, so the old value stays in the history and in exports.
import 'server-only';
import { getPrisma } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { actorAudit, recordAudit } from '../../audit/audit-log';
import { figureCorrectionSchema, figureInputSchema } from '../../validation/figure-input';
import { effectiveFigures } from '../../figure-revisions';
import { runningTotalFallMessage } from '../../running-total';
import { checkReportedInstant, groupId, isFailure, optionalInstant, type WriteOperation } from './operation-context';
import { created, operationWrite } from './operation-write';
import { createSource } from './source-write';
import { figureRevisionSelect, toFigureRevisionDto, type FigureRevisionDto } from './figure-revision-dto';
import { fieldError, type CurrentRevision, type WriteFailure, type WriteResult } from './write-result';
import { currentRevisionOf, isUniqueViolation } from './figure-conflicts';

export const addFigure = operationWrite(figureInputSchema, 'figure.create', async ({ tx, operation, input, actor }) => {
  const group = groupId(operation, input.group);
  if (typeof group !== 'number') return group;
  const asOf = checkReportedInstant(operation, 'asOf', input.asOf);
  if (isFailure(asOf)) return asOf;

  const span = figureSpan(operation, input, asOf);
  if (isFailure(span)) return span;
  if (input.kind === 'cumulative') {
    const drop = await checkNoCumulativeDrop(tx, operation.id, group, span.basisStart!, asOf, input.value);
    if (drop) return drop;
  }

  const sourceId = await createSource(tx, operation, input.source);
  const row = await tx.figure.create({
    data: {
      operationId: operation.id,
      groupId: group,
      value: input.value,
      asOf,
      kind: input.kind === 'cumulative' ? 'CUMULATIVE' : 'WINDOW',
      ...span,
      provisional: input.provisional,
      sourceId,
    },
    select: figureRevisionSelect,
  });
  await recordAudit(tx, actorAudit(actor, {
    action: 'figure.create',
    entityType: 'figure',
    entityId: row.id,
    operationId: operation.id,
    details: { group: input.group, value: input.value, asOf: asOf.toISOString(), source: input.source.publisher },
  }));
  return created(toFigureRevisionDto(row));
});

function figureSpan(
  operation: WriteOperation,
  input: { kind: 'cumulative' | 'window'; basisStart?: string; windowStart?: string; windowEnd?: string },
  asOf: Date,
): { basisStart: Date | null; windowStart: Date | null; windowEnd: Date | null } | WriteFailure {
  if (input.kind === 'cumulative') {
    const basisStart = optionalInstant(operation, input.basisStart)!;
    if (basisStart > asOf) return fieldError('basisStart', 'must not be after the as-of date');
    return { basisStart, windowStart: null, windowEnd: null };
  }
  const windowStart = optionalInstant(operation, input.windowStart)!;
  const windowEnd = optionalInstant(operation, input.windowEnd)!;
  if (windowEnd <= windowStart) return fieldError('windowEnd', 'must be after the start of the window');
  return { basisStart: null, windowStart, windowEnd };
}

/**
 * A running total does not fall. A lower number than the latest one on the same basis means one
 * of them is wrong: the editor corrects that figure (with a reason) instead of adding a new one.
 */
async function checkNoCumulativeDrop(
  tx: Prisma.TransactionClient,
  operationId: number,
  group: number,
  basisStart: Date,
  asOf: Date,
  value: number,
): Promise<WriteFailure | null> {
  const rows = await tx.figure.findMany({
    where: { operationId, groupId: group, kind: 'CUMULATIVE', basisStart },
    select: { id: true, replacesId: true, retracted: true, value: true, asOf: true },
  });
  const earlier = effectiveFigures(rows).filter((row) => row.asOf <= asOf);
  const latest = earlier.reduce<(typeof earlier)[number] | null>(
    (best, row) => (!best || row.asOf > best.asOf || (row.asOf.getTime() === best.asOf.getTime() && row.id > best.id) ? row : best),
    null,
  );
  if (!latest || value >= latest.value) return null;
  return fieldError('value', runningTotalFallMessage({ value: latest.value, asOf: latest.asOf.toISOString(), which: `figure ${latest.id}` }));
}

export const correctFigure = operationWrite(
  figureCorrectionSchema,
  'figure.correct',
  async ({ tx, operation, input, actor }) => {
    const replaced = await tx.figure.findFirst({
      where: { id: input.replaces, operationId: operation.id },
      select: { ...figureRevisionSelect, groupId: true, replacedBy: { select: { id: true } } },
    });
    if (!replaced) return fieldError('replaces', `must be a figure of ${operation.slug}: there is no figure ${input.replaces}`);
    if (replaced.replacedBy) return conflict(await currentRevisionOf(tx, replaced.id));

    const asOf = input.asOf === undefined ? replaced.asOf : checkReportedInstant(operation, 'asOf', input.asOf);
    if (isFailure(asOf)) return asOf;
    if (replaced.basisStart && replaced.basisStart > asOf) {
      return fieldError('asOf', 'must not be before the date the figure is counted from');
    }
    const retract = input.action === 'retract';
    const sourceId = await createSource(tx, operation, input.source);
    const row = await tx.figure.create({
      data: {
        operationId: operation.id,
        groupId: replaced.groupId,
        value: retract ? replaced.value : input.value!,
        asOf,
        kind: replaced.kind,
        basisStart: replaced.basisStart,
        windowStart: replaced.windowStart,
        windowEnd: replaced.windowEnd,
        provisional: input.provisional,
        sourceId,
        replacesId: replaced.id,
        correctionReason: input.reason,
        retracted: retract,
      },
      select: figureRevisionSelect,
    });
    await recordAudit(tx, actorAudit(actor, {
      action: retract ? 'figure.retract' : 'figure.correct',
      entityType: 'figure',
      entityId: row.id,
      operationId: operation.id,
      details: { replaces: replaced.id, from: replaced.value, to: row.value, reason: input.reason },
    }));
    return created(toFigureRevisionDto(row));
  },
  // Two editors correcting the same revision at once: the unique index on replaces_id lets one
  // through; the other lands here and is shown what is now in force.
  async (error, input) => (isUniqueViolation(error) ? conflict(await currentRevisionOf(getPrisma(), input.replaces)) : null),
);

function conflict(current: CurrentRevision | null): WriteResult<FigureRevisionDto> {
  return {
    ok: false,
    status: 409,
    error: 'conflict',
    message: 'Someone else corrected this figure first. Check the value now in force, then correct that one if needed.',
    current,
  };
}
