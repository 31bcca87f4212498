// A browser sends cookies with every request to this site, whoever's page made it; the Origin
// header says whose page that was. Cookie-authenticated writes (and sign-in, against login CSRF)
// accept only this site's own origin.
import { env } from '../env';

/** The host the client addressed: a trusted proxy's X-Forwarded-Host, else the Host header. */
function requestHost(headers: Headers): string | null {
  const forwarded = env.TRUSTED_PROXY_HOPS > 0 ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || headers.get('host');
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  // APP_URL, when set, is authoritative (scheme included), as Next.js does for Server Actions.
  if (env.APP_URL) return origin === new URL(env.APP_URL).origin;
  try {
    return new URL(origin).host === requestHost(request.headers);
  } catch {
    return false;
  }
}
