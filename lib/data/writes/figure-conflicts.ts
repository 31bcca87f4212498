// Helpers for the correction conflict: which revision is now in force, and whether an error is the
// unique index on replaces_id refusing a second correction of one revision.
import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import type { CurrentRevision } from './write-result';

type FigureReader = Pick<Prisma.TransactionClient, 'figure'>;

/** Follows the corrections from `id` to the revision nothing replaces. */
export async function currentRevisionOf(db: FigureReader, id: number): Promise<CurrentRevision | null> {
  let currentId = id;
  // Chains are short; the bound only guards against a damaged one.
  for (let step = 0; step < 1_000; step += 1) {
    const next = await db.figure.findUnique({ where: { replacesId: currentId }, select: { id: true } });
    if (!next) break;
    currentId = next.id;
  }
  const row = await db.figure.findUnique({
    where: { id: currentId },
    select: { id: true, value: true, asOf: true, retracted: true, correctionReason: true },
  });
  if (!row) return null;
  return {
    revisionId: row.id,
    value: row.value,
    asOf: row.asOf.toISOString(),
    retracted: row.retracted,
    correctionReason: row.correctionReason,
  };
}

export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'P2002' || code === '23505' || (typeof message === 'string' && /unique constraint/i.test(message));
}
