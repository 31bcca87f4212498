// GET /api/health/live: the process is up and answering. Never touches the database, so a
// database outage does not get healthy instances restarted.
export function GET() {
  return Response.json({ status: 'live' }, { headers: { 'Cache-Control': 'no-store' } });
}
