// GET /api/operations/:slug/groups: the operation's population groups, in the page's order.
import { getApiGroups } from '@/lib/data/operation-api';
import { simpleRead } from '@/lib/http/api-read';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return simpleRead(request, `GET groups ${slug}`, async () => {
    const items = await getApiGroups(slug);
    return items && { items };
  });
}
