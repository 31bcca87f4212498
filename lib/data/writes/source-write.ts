// Every write stores the source it was given as a new row: a source is what one publisher said in
// one place, so two figures never share a row that a later edit could change under both.
import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import type { SourceInput } from '../../validation/source-input';
import { optionalInstant, type WriteOperation } from './operation-context';

export async function createSource(
  tx: Prisma.TransactionClient,
  operation: WriteOperation,
  source: SourceInput,
): Promise<number> {
  const row = await tx.source.create({
    data: {
      publisher: source.publisher,
      title: source.title,
      url: source.url ?? null,
      via: source.via ?? null,
      quote: source.quote ?? null,
      publishedAt: optionalInstant(operation, source.publishedAt),
    },
    select: { id: true },
  });
  return row.id;
}
