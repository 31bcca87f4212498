// The numbers and names of staff sessions, in one place.
import { env } from '../env';

/** A session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_SECONDS = 8 * 60 * 60;
/** A session ends after this long without a request. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** `lastSeenAt` is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_SECONDS = 60;

export function sessionCookieSecure(): boolean {
  if (env.AUTH_COOKIE_SECURE) return env.AUTH_COOKIE_SECURE === 'true';
  return env.NODE_ENV === 'production';
}

/**
 * `__Host-` binds the cookie to this host, path `/` and https (no subdomain can set or read it);
 * browsers accept it only with Secure, so plain-http development uses the bare name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-evac.session_token' : 'evac.session_token';
}
