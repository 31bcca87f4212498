// GET /api/operations/:slug/series?asOf=YYYY-MM-DD&group=slug: every point of the group's current
// cumulative series, with revision ids and sources, never downsampled (see FigureSeries).
import { getFigureSeries } from '@/lib/data/figure-series';
import { respondWithView } from '@/lib/http/view-read';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return respondWithView(request, slug, (view) => getFigureSeries(slug, view), 'GET series');
}
