// The last line of a route handler: whatever went wrong becomes a short JSON answer. The reader
// gets a status and a sentence; the details (and the stack) go to the server log only.
import { isConnectionError } from '../database-errors';
import { jsonError } from './json-response';

/** Seconds a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma's codes for "could not reach / lost / timed out waiting for" the database.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE_PRISMA_CODES.has(code);
}

export function unexpectedErrorResponse(error: unknown, context: string): Response {
  if (isDatabaseUnavailable(error)) {
    console.error(`${context}: database unavailable: ${firstLine(error)}`);
    return jsonError(
      503,
      { error: 'service_unavailable', message: 'The database is unavailable; try again shortly.' },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  console.error(`${context}: unexpected error`, error);
  return jsonError(500, { error: 'internal_error', message: 'Something went wrong on our side.' });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n').at(-1) ?? '';
}
