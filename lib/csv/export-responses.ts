// The HTTP answers of the CSV export, so its route handler stays parse → data layer → respond.
// Errors are small JSON documents that name what was wrong and never carry a stack trace.
import { isConnectionError } from '../database-errors';
import type { ParameterError } from './export-params';

/** A public read: a CDN may serve it for 5 s and a stale copy for 30 s more while it refetches. */
export const PUBLIC_READ_CACHE = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';
/** Seconds a client should wait before retrying when the database is away or exports are busy. */
export const RETRY_AFTER_SECONDS = 5;

/** The CSV download; `body` is null for HEAD. */
export function csvResponse(body: ReadableStream<Uint8Array> | null, fileName: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // Slugs and ISO dates only: the name needs no escaping and no filename* variant.
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': PUBLIC_READ_CACHE,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function json(status: number, body: object, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function invalidParametersResponse(errors: ParameterError[]): Response {
  return json(400, { error: 'invalid_parameters', errors });
}

export function operationNotFoundResponse(slug: string): Response {
  return json(404, { error: 'operation_not_found', message: `No operation "${slug}"` });
}

/** Whether an error means "try again shortly": the database is unreachable, restarting, full or
 *  silent (no answer to a setup query in time), or every export connection stayed busy for the
 *  whole wait. */
export function isTemporaryDatabaseError(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (shutdown).
  if (typeof code === 'string' && /^(08|53|57P)/.test(code)) return true;
  return (
    typeof message === 'string' &&
    /timeout exceeded when trying to connect|too many (connections|clients)|query read timeout/i.test(message)
  );
}

export function databaseUnavailableResponse(): Response {
  return json(
    503,
    { error: 'database_unavailable', message: 'The figures cannot be read right now; try again shortly.' },
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

export function unexpectedErrorResponse(): Response {
  return json(500, { error: 'internal_error', message: 'The export failed; the error was logged.' });
}
