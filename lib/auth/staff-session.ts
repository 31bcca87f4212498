// The signed-in staff member behind a request, or null. Every page, Server Action and write route
// of the admin area asks this itself: the proxy is never the only gate.
//
// better-auth checks the signed cookie, finds the session in PostgreSQL and refuses one past its
// absolute end. On top of that: a disabled user has no session, and a session unused for
// SESSION_IDLE_SECONDS is deleted.
import 'server-only';
import { getPrisma } from '../db';
import type { Actor, AuditChannel } from '../audit/audit-log';
import { getAuth } from './auth';
import { requestContext } from './request-context';
import { SESSION_IDLE_SECONDS, SESSION_TOUCH_SECONDS } from './session-policy';

export type StaffRole = 'admin' | 'editor';

export interface StaffSession {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
}

export async function getStaffSession(headers: Headers): Promise<StaffSession | null> {
  const found = await getAuth().api.getSession({ headers, query: { disableCookieCache: true } });
  if (!found) return null;
  const { session, user } = found;
  const prisma = getPrisma();
  if (user.disabled) {
    await prisma.session.deleteMany({ where: { userId: user.id } });
    return null;
  }
  const lastSeenAt = session.lastSeenAt ? new Date(session.lastSeenAt) : new Date(session.createdAt);
  const idleSeconds = (Date.now() - lastSeenAt.getTime()) / 1000;
  if (idleSeconds > SESSION_IDLE_SECONDS) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleSeconds > SESSION_TOUCH_SECONDS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  return {
    sessionId: session.id,
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role === 'admin' ? 'admin' : 'editor',
  };
}

/** Whether `role` may do what `needed` allows: admins can do everything editors can. */
export function hasRole(role: StaffRole, needed: StaffRole): boolean {
  return needed === 'editor' || role === 'admin';
}

export function sessionActor(session: StaffSession, headers: Headers, channel: AuditChannel): Actor {
  return {
    ...requestContext(headers),
    userId: session.userId,
    email: session.email,
    role: session.role,
    channel,
  };
}

export type StaffCheck =
  | { ok: true; session: StaffSession; actor: Actor }
  | { ok: false; reason: 'signed_out' | 'forbidden' };

/** The check every Server Action starts with. */
export async function checkStaff(headers: Headers, needed: StaffRole): Promise<StaffCheck> {
  const session = await getStaffSession(headers);
  if (!session) return { ok: false, reason: 'signed_out' };
  if (!hasRole(session.role, needed)) return { ok: false, reason: 'forbidden' };
  return { ok: true, session, actor: sessionActor(session, headers, 'form') };
}
