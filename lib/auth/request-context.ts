// Who is asking, as far as the request can tell: the client's address (for the sign-in throttle
// and the audit log), its user agent, and a request id that ties audit entries to server logs.
import { env } from '../env';
import { REQUEST_ID_HEADER, requestIdFrom } from '../server/request-id';

export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * Next.js puts the socket's address in X-Forwarded-For only when the header is absent, and each
 * trusted proxy appends the address it saw. So the client is the entry TRUSTED_PROXY_HOPS from
 * the right; entries further left were written by the client and can be forged.
 */
export function clientAddress(headers: Headers, trustedHops = env.TRUSTED_PROXY_HOPS): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const index = Math.max(0, entries.length - 1 - trustedHops);
  return entries[index]?.slice(0, 64) ?? null;
}

export function requestContext(headers: Headers): RequestContext {
  return {
    ipAddress: clientAddress(headers),
    userAgent: headers.get('user-agent')?.slice(0, 1000) ?? null,
    // The server has set this header on every request (lib/server/request-log.ts): the same id is
    // in the request's log line and its X-Request-Id response header.
    requestId: requestIdFrom(headers.get(REQUEST_ID_HEADER)),
  };
}
