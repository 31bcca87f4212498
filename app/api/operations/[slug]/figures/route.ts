// GET /api/operations/:slug/figures?group=&from=&to=&asOf=&revisions=all&limit=&cursor=: the figures,
// a page at a time (see lib/http/figure-list-read.ts), filtered as the CSV export is.
// POST /api/operations/:slug/figures: add a figure (cumulative since a date, or a count in a
// window) with its source. Bearer token or same-site staff session; optional Idempotency-Key.
// 201 with the stored revision and its Location; refusals as JSON (see lib/http/write-route.ts).
import { addFigure } from '@/lib/data/writes/figure-writes';
import { answerRead } from '@/lib/http/api-read';
import { readFigureList } from '@/lib/http/figure-list-read';
import { handleWrite } from '@/lib/http/write-route';

type Context = { params: Promise<{ slug: string }> };

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  return handleWrite(request, {
    context: `POST figures ${slug}`,
    write: (actor, body, key) => addFigure(actor, slug, body, key),
    location: (figure) => `/api/operations/${slug}/figures/${figure.id}`,
  });
}

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return answerRead(request, `GET figures ${slug}`, () => readFigureList(request, slug));
}
