// GET /api/operations/:slug/events: the timeline, oldest first, each event with its source.
// POST /api/operations/:slug/events: add a dated annotation,
// { kind, title, description, occurredAt, reportedAt, count, source }.
// 201 with { id, operation, type }; refusals as JSON (see lib/http/write-route.ts).
import { addEvent } from '@/lib/data/writes/timeline-writes';
import { getApiEvents } from '@/lib/data/operation-api';
import { simpleRead } from '@/lib/http/api-read';
import { handleWrite } from '@/lib/http/write-route';

type Context = { params: Promise<{ slug: string }> };

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  return handleWrite(request, {
    context: `POST events ${slug}`,
    write: (actor, body, key) => addEvent(actor, slug, body, key),
  });
}

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return simpleRead(request, `GET events ${slug}`, async () => {
    const items = await getApiEvents(slug);
    return items && { items };
  });
}
