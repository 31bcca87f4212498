// One id per request, written in the request log line, returned in the X-Request-Id response
// header and stored with the audit entries the request makes, so a complaint quoting it leads to
// both. An id sent by a proxy in front is kept when it is plainly an id; anything else (long,
// with spaces, quotes or control characters) could forge or break log lines and is replaced.
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

// At most 64 characters: the audit log stores it in a varchar(64).
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isSafeRequestId(value: string | null | undefined): value is string {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value);
}

/** The given id when it is safe, else a new one. */
export function requestIdFrom(given: string | string[] | null | undefined): string {
  const value = Array.isArray(given) ? undefined : given;
  return isSafeRequestId(value) ? value : randomUUID();
}
