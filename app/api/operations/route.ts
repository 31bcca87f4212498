// GET /api/operations: every operation, newest first, with its dates, whether the home page shows
// it, and links to its reads.
import { listApiOperations } from '@/lib/data/operation-api';
import { simpleRead } from '@/lib/http/api-read';

export function GET(request: Request) {
  return simpleRead(request, 'GET operations', async () => ({ items: await listApiOperations() }));
}
