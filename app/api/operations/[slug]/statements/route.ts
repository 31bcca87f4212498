// POST /api/operations/:slug/statements: add who said what about feasibility,
// { speaker, speakerRole, group, saidAt, quote, claimedGoal, claimedBy, stance, source }.
// 201 with { id, operation, type }; refusals as JSON (see lib/http/write-route.ts).
import { addStatement } from '@/lib/data/writes/timeline-writes';
import { handleWrite } from '@/lib/http/write-route';

type Context = { params: Promise<{ slug: string }> };

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  return handleWrite(request, {
    context: `POST statements ${slug}`,
    write: (actor, body, key) => addStatement(actor, slug, body, key),
  });
}
