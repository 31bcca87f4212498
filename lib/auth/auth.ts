// better-auth, set up for staff only: email and password, no public sign-up, sessions stored in
// PostgreSQL (never in process memory or a cookie cache, so signing out or disabling a user ends
// their sessions at once on every instance).
//
// Its HTTP handler is deliberately not mounted: sign-in and sign-out go through our own Server
// Actions (lib/auth/sign-in.ts), which throttle and audit every attempt before calling `auth.api`.
import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { getPrisma } from '../db';
import { env } from '../env';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './password-hashing';
import { SESSION_ABSOLUTE_SECONDS, sessionCookieName, sessionCookieSecure } from './session-policy';

function authSecret(): string {
  if (!env.AUTH_SECRET) {
    throw new Error('AUTH_SECRET is not set: start the app with `npm start` or `npm run dev`');
  }
  return env.AUTH_SECRET;
}

function createAuth() {
  const secure = sessionCookieSecure();
  return betterAuth({
    appName: 'Evacuation figures',
    // The handler is not mounted, so this only names the app; APP_URL when it is known.
    baseURL: env.APP_URL ?? `http://${env.HOST}:${env.PORT}`,
    secret: authSecret(),
    database: prismaAdapter(getPrisma(), { provider: 'postgresql' }),
    telemetry: { enabled: false },
    // Our throttle (lib/auth/login-throttle.ts) counts failures in PostgreSQL across instances.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'editor' },
        disabled: { type: 'boolean', input: false, defaultValue: false },
      },
    },
    session: {
      // The absolute lifetime: a session is never extended. The idle timeout is ours
      // (`lastSeenAt`, checked in lib/auth/staff-session.ts).
      expiresIn: SESSION_ABSOLUTE_SECONDS,
      disableSessionRefresh: true,
      cookieCache: { enabled: false },
      additionalFields: { lastSeenAt: { type: 'date', input: false, required: false } },
    },
    advanced: {
      useSecureCookies: false,
      cookies: {
        session_token: {
          name: sessionCookieName(secure),
          attributes: { secure, httpOnly: true, sameSite: 'lax', path: '/' },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { staffAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.staffAuth ??= createAuth();
  return globalForAuth.staffAuth;
}
