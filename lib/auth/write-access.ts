// Authentication of the write API: a bearer token (automation), or a staff session cookie from a
// page of this site. A cookie is sent by the browser whoever made the request, so cookie-borne
// writes must come with an Origin header naming this site: that is what stops a page elsewhere
// from writing on a signed-in editor's behalf.
import 'server-only';
import type { Actor } from '../audit/audit-log';
import { isSameOrigin } from '../http/same-origin';
import { authenticateApiToken } from './api-tokens';
import { requestContext } from './request-context';
import { getStaffSession, hasRole, sessionActor, type StaffRole } from './staff-session';

export type WriteAccess =
  | { ok: true; actor: Actor }
  | { ok: false; status: 401 | 403; error: string; message: string };

export async function authenticateWrite(request: Request, needed: StaffRole): Promise<WriteAccess> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const owner = token ? await authenticateApiToken(token) : null;
    if (!owner) {
      return { ok: false, status: 401, error: 'unauthenticated', message: 'The API token is missing, unknown or revoked.' };
    }
    if (!hasRole(owner.role, needed)) {
      return { ok: false, status: 403, error: 'forbidden', message: `This needs the ${needed} role.` };
    }
    return { ok: true, actor: { ...requestContext(request.headers), userId: owner.userId, email: owner.email, role: owner.role, channel: 'api' } };
  }

  const session = await getStaffSession(request.headers);
  if (!session) {
    return { ok: false, status: 401, error: 'unauthenticated', message: 'Sign in, or send an API token as "Authorization: Bearer …".' };
  }
  if (!isSameOrigin(request)) {
    return { ok: false, status: 403, error: 'cross_origin', message: 'Requests signed in by cookie must come from this site (Origin header).' };
  }
  if (!hasRole(session.role, needed)) {
    return { ok: false, status: 403, error: 'forbidden', message: `This needs the ${needed} role.` };
  }
  return { ok: true, actor: sessionActor(session, request.headers, 'api') };
}
