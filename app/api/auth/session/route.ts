// GET /api/auth/session: who is signed in on this browser, or null. Never cached.
import { getStaffSession } from '@/lib/auth/staff-session';
import { unexpectedErrorResponse } from '@/lib/http/unexpected-error';

export async function GET(request: Request) {
  try {
    const session = await getStaffSession(request.headers);
    const user = session ? { email: session.email, name: session.name, role: session.role } : null;
    return Response.json({ user }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return unexpectedErrorResponse(error, 'GET session');
  }
}
