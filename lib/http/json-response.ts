// JSON responses of the public API: cacheable reads with conditional GET, and errors that say
// what was wrong without ever carrying a stack trace.
import { ifNoneMatchMatches, strongEtag } from './etag';
import { NO_STORE } from './cache-policy';

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * 200 with the body, or 304 without it when the client already holds this representation. The
 * 304 repeats ETag, Cache-Control and Vary, as RFC 9111 asks, so caches can refresh their copy.
 */
export function conditionalJson(request: Request, data: unknown, cacheControl: string): Response {
  const body = JSON.stringify(data);
  const etag = strongEtag(body);
  const headers = new Headers({
    ETag: etag,
    'Cache-Control': cacheControl,
    // The server may compress: caches must keep the encodings apart.
    Vary: 'Accept-Encoding',
  });
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Type', JSON_TYPE);
  return new Response(body, { status: 200, headers });
}

export interface JsonErrorBody {
  /** A stable code a client can branch on, e.g. 'invalid_parameters'. */
  error: string;
  message?: string;
  errors?: readonly { parameter: string; message: string; code?: string }[];
}

export function jsonError(
  status: number,
  body: JsonErrorBody,
  extraHeaders: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': NO_STORE, ...extraHeaders },
  });
}

export const notFoundJson = (what: string) =>
  jsonError(404, { error: 'not_found', message: `No such ${what}` });
