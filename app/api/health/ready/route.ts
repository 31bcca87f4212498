// GET /api/health/ready: 200 when the database answers and its migrations are current, else 503
// with the reason, so a load balancer sends traffic only to instances that can serve it. Once the
// instance has begun to stop (SIGTERM), 503 `stopping`, so the balancer drains it.
import { connection } from 'next/server';
import { checkReadiness } from '@/lib/health';
import { isStopping } from '@/lib/server/stopping';

export async function GET() {
  await connection();
  const headers = { 'Cache-Control': 'no-store' };
  if (isStopping()) return Response.json({ status: 'stopping' }, { status: 503, headers });
  const readiness = await checkReadiness();
  if (readiness.ready) return Response.json({ status: 'ready' }, { headers });
  return Response.json({ status: 'not_ready', reason: readiness.reason }, { status: 503, headers: { ...headers, 'Retry-After': '5' } });
}
