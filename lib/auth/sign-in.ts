// Staff sign-in and sign-out: throttled, and audited whatever the outcome.
import 'server-only';
import { APIError } from 'better-auth/api';
import { getPrisma } from '../db';
import { recordAudit } from '../audit/audit-log';
import { getAuth } from './auth';
import { checkSignInThrottle } from './login-throttle';
import { requestContext } from './request-context';
import { getStaffSession } from './staff-session';

export type SignInResult =
  | { status: 'signed_in'; userId: string }
  | { status: 'invalid' }
  | { status: 'throttled'; retryAfterSeconds: number };

export async function signInStaff(
  credentials: { email: string; password: string },
  headers: Headers,
): Promise<SignInResult> {
  const email = credentials.email.trim().toLowerCase();
  const context = requestContext(headers);
  const prisma = getPrisma();
  const audit = (action: 'sign_in.success' | 'sign_in.failure' | 'sign_in.throttled', userId?: string, details?: object) =>
    recordAudit(prisma, { action, channel: 'form', context, actorEmail: email, actorUserId: userId, details: details as never });

  const throttle = await checkSignInThrottle(email, context.ipAddress);
  if (throttle.blocked) {
    await audit('sign_in.throttled', undefined, { retryAfterSeconds: throttle.retryAfterSeconds });
    return { status: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, disabled: true } });
  if (!user || user.disabled) {
    // Same answer as a wrong password: the form must not reveal which accounts exist.
    await audit('sign_in.failure', user?.id, { reason: user ? 'disabled' : 'unknown_email' });
    return { status: 'invalid' };
  }
  try {
    await getAuth().api.signInEmail({ body: { email, password: credentials.password, rememberMe: true }, headers });
  } catch (error) {
    if (!isAuthRefusal(error)) throw error;
    await audit('sign_in.failure', user.id, { reason: 'wrong_password' });
    return { status: 'invalid' };
  }
  await audit('sign_in.success', user.id);
  return { status: 'signed_in', userId: user.id };
}

/**
 * better-auth's refusal of the credentials. Checked by shape as well as by class: the auth
 * instance lives on globalThis, shared by every bundle of the app (each page and route handler
 * has its own copy of better-auth's modules), so the APIError class that threw is the copy of
 * whichever bundle created the instance first, not necessarily the one imported here.
 */
function isAuthRefusal(error: unknown): boolean {
  if (error instanceof APIError) return true;
  return error instanceof Error && error.name === 'APIError' && typeof (error as { statusCode?: unknown }).statusCode === 'number';
}

export async function signOutStaff(headers: Headers): Promise<void> {
  const session = await getStaffSession(headers);
  if (!session) return;
  await getAuth().api.signOut({ headers });
  // Whatever the cookie handling did, the session row is gone: the cookie is worthless now.
  await getPrisma().session.deleteMany({ where: { id: session.sessionId } });
  await recordAudit(getPrisma(), {
    action: 'sign_out',
    channel: 'form',
    context: requestContext(headers),
    actorUserId: session.userId,
    actorEmail: session.email,
  });
}
