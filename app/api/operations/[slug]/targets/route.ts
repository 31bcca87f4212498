// GET /api/operations/:slug/targets: the goals, each with its source.
// POST /api/operations/:slug/targets: add a goal for one group,
// { group, low, high, deadline, source }.
// 201 with { id, operation, type }; refusals as JSON (see lib/http/write-route.ts).
import { addTarget } from '@/lib/data/writes/timeline-writes';
import { getApiTargets } from '@/lib/data/operation-api';
import { simpleRead } from '@/lib/http/api-read';
import { handleWrite } from '@/lib/http/write-route';

type Context = { params: Promise<{ slug: string }> };

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  return handleWrite(request, {
    context: `POST targets ${slug}`,
    write: (actor, body, key) => addTarget(actor, slug, body, key),
  });
}

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return simpleRead(request, `GET targets ${slug}`, async () => {
    const items = await getApiTargets(slug);
    return items && { items };
  });
}
