// GET /api/operations/:slug/statements: who said what about feasibility, oldest first, each with its source.
// POST /api/operations/:slug/statements: add who said what about feasibility,
// { speaker, speakerRole, group, saidAt, quote, claimedGoal, claimedBy, stance, source }.
// 201 with { id, operation, type }; refusals as JSON (see lib/http/write-route.ts).
import { addStatement } from '@/lib/data/writes/timeline-writes';
import { getApiStatements } from '@/lib/data/operation-api';
import { simpleRead } from '@/lib/http/api-read';
import { handleWrite } from '@/lib/http/write-route';

type Context = { params: Promise<{ slug: string }> };

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  return handleWrite(request, {
    context: `POST statements ${slug}`,
    write: (actor, body, key) => addStatement(actor, slug, body, key),
  });
}

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return simpleRead(request, `GET statements ${slug}`, async () => {
    const items = await getApiStatements(slug);
    return items && { items };
  });
}
