// The last line of a route handler: whatever went wrong becomes a short JSON answer. The reader
// gets a status and a sentence; the details (and the stack) go to the server log only.
import { isConnectionError } from '../database-errors';
import { jsonError } from './json-response';
import { loggerFor } from '../logger';

/** Seconds a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma's codes for "could not reach / lost / timed out waiting for" the database; P2028 is a
// transaction that could not start or finish in time, and 57014 PostgreSQL cancelling a statement
// at statement_timeout: the database is busy rather than down, and a retry is the right answer.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', '57014']);

// The same, as the drivers word them: pg-pool found no free connection within its timeout (the
// error the write API met under load), Prisma's transaction timed out, or pg stopped waiting for
// a database that sent nothing back (query_timeout, see lib/db.ts).
const BUSY_MESSAGES =
  /timeout exceeded when trying to connect|unable to start a transaction in the given time|transaction already closed|canceling statement due to statement timeout|query read timeout/i;

// A PostgreSQL server going down or coming back: SQLSTATE classes 08 (connection exception) and
// 57P (shut down by its operator, crashed, still starting up), and 53300 (too many connections),
// as codes and as PostgreSQL words them (Prisma passes some on as text only).
const SERVER_STATE_CODES = /^(08|57P)|^53300$/;
const SERVER_STATE_MESSAGES =
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection (due to administrator command|because of crash)|server closed the connection unexpectedly|sorry, too many clients/i;

/** The error and its causes, a few levels deep (drivers wrap each other's errors). */
type Link = { code?: unknown; originalCode?: unknown; message?: unknown };

function chain(error: unknown): Link[] {
  const links: Link[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    links.push(current as Link);
    const { cause, meta } = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    // Prisma keeps the driver adapter's error under meta rather than as the cause.
    current = cause ?? meta?.driverAdapterError;
  }
  return links;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  return chain(error).some(
    ({ code, originalCode, message }) =>
      (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || SERVER_STATE_CODES.test(code))) ||
      (typeof originalCode === 'string' && SERVER_STATE_CODES.test(originalCode)) ||
      (typeof message === 'string' && (BUSY_MESSAGES.test(message) || SERVER_STATE_MESSAGES.test(message))),
  );
}

export function unexpectedErrorResponse(error: unknown, context: string): Response {
  if (isDatabaseUnavailable(error)) {
    loggerFor('http').warn(`${context}: database unavailable or busy: ${firstLine(error)}`);
    return jsonError(
      503,
      { error: 'service_unavailable', message: 'The database is unavailable; try again shortly.' },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  loggerFor('http').error({ err: error }, `${context}: unexpected error`);
  return jsonError(500, { error: 'internal_error', message: 'Something went wrong on our side.' });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n').at(-1) ?? '';
}
