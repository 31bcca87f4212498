// GET /api/operations/:slug/summary?asOf=YYYY-MM-DD&group=slug: the dashboard's data as JSON,
// the same object the page renders (see OperationDashboard), with ETag and Cache-Control.
import { readOperationDashboard } from '@/lib/data/operation-dashboard';
import { respondWithView } from '@/lib/http/view-read';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return respondWithView(request, slug, (view) => readOperationDashboard(slug, view), 'GET summary');
}
