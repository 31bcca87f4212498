// GET /api/operations/:slug/figures/:id: one figure revision with its source, and the revision
// that replaced it, if any. Where a created figure's Location points.
import { getFigureRevision } from '@/lib/data/figure-revision';
import { CURRENT_VIEW_CACHE_CONTROL } from '@/lib/http/cache-policy';
import { figureIdFromPath, figureNotFound } from '@/lib/http/figure-correction-route';
import { conditionalJson } from '@/lib/http/json-response';
import { unexpectedErrorResponse } from '@/lib/http/unexpected-error';

type Context = { params: Promise<{ slug: string; id: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug, id: idText } = await params;
  const id = figureIdFromPath(idText);
  if (id === null) return figureNotFound(slug, idText);
  try {
    const figure = await getFigureRevision(slug, id);
    if (!figure) return figureNotFound(slug, id);
    // A revision never changes, but whether it was replaced does: cached like the current view.
    return conditionalJson(request, figure, CURRENT_VIEW_CACHE_CONTROL);
  } catch (error) {
    return unexpectedErrorResponse(error, `GET figure ${slug}/${idText}`);
  }
}
