// POST /api/operations/:slug/figures/:id/corrections: correct or retract figure :id with a reason
// and a source ({ action: 'correct' | 'retract', value, asOf, reason, provisional, source }). The
// answer is the new revision; 409 with the revision in force if someone corrected :id first.
import { correctFigure } from '@/lib/data/writes/figure-writes';
import { correctionInput, figureIdFromPath, figureNotFound, missingFigureAsNotFound } from '@/lib/http/figure-correction-route';
import { handleWrite } from '@/lib/http/write-route';

type Context = { params: Promise<{ slug: string; id: string }> };

export async function POST(request: Request, { params }: Context) {
  const { slug, id: idText } = await params;
  return handleWrite(request, {
    context: `POST corrections ${slug}/${idText}`,
    write: async (actor, body, key) => {
      const id = figureIdFromPath(idText);
      if (id === null) return figureNotFound(slug, idText);
      const input = correctionInput(id, body);
      if (!input.ok) return input.response;
      return missingFigureAsNotFound(await correctFigure(actor, slug, input.input, key), slug, id);
    },
    location: (figure) => `/api/operations/${slug}/figures/${figure.id}`,
  });
}
