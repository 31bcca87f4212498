// One figure revision by id, as the write API answered it when it was stored, plus what replaced
// it since (if anything): where the Location of a created figure points.
import 'server-only';
import { getPrisma } from '../db';
import { figureRevisionSelect, toFigureRevisionDto, type FigureRevisionDto } from './writes/figure-revision-dto';

export interface FigureRevisionWithSuccessor extends FigureRevisionDto {
  /** The revision that corrected or retracted this one; null while it is in force. */
  replacedById: number | null;
}

export async function getFigureRevision(slug: string, id: number): Promise<FigureRevisionWithSuccessor | null> {
  const row = await getPrisma().figure.findFirst({
    where: { id, operation: { slug } },
    select: { ...figureRevisionSelect, replacedBy: { select: { id: true } } },
  });
  if (!row) return null;
  return { ...toFigureRevisionDto(row), replacedById: row.replacedBy?.id ?? null };
}
