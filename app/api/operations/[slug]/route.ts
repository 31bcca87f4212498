// GET /api/operations/:slug: one operation with its groups and targets (each target with its source).
import { getApiOperation } from '@/lib/data/operation-api';
import { simpleRead } from '@/lib/http/api-read';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return simpleRead(request, `GET operation ${slug}`, () => getApiOperation(slug));
}
