// A write service's result as the HTTP answer of the write API: 201 with the created row, or the
// refusal with its status and a body a client can branch on ({ error, message, errors, current }).
// Nothing about a write is cacheable.
import type { FieldError } from '../validation/field-errors';
import type { WriteFailure, WriteResult } from '../data/writes/write-result';
import { NO_STORE } from './cache-policy';
import { JSON_TYPE } from './json-response';

export interface WriteErrorBody {
  /** Stable code: invalid_input, not_found, conflict, idempotency_key_reused, … */
  error: string;
  message: string;
  /** For invalid_input: one entry per field, by its dotted path ("source.url"). */
  errors?: readonly FieldError[];
  /** For conflict: the revision now in force. */
  current?: unknown;
}

export function writeJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': NO_STORE, ...headers },
  });
}

export const writeError = (status: number, body: WriteErrorBody, headers?: Record<string, string>) =>
  writeJson(status, body, headers);

/** One 400 naming one field (or header), in the same shape as the services' refusals. */
export const fieldRefusal = (field: string, message: string) =>
  writeError(400, { error: 'invalid_input', message: `${field} ${message}`, errors: [{ field, message }] });

function describeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((error) => `${error.field || 'body'} ${error.message}`).join('; ');
}

export function failureResponse(failure: WriteFailure): Response {
  switch (failure.error) {
    case 'invalid_input':
      return writeError(400, { error: failure.error, message: describeFieldErrors(failure.errors), errors: failure.errors });
    case 'conflict':
      return writeError(409, { error: failure.error, message: failure.message, current: failure.current });
    default:
      return writeError(failure.status, { error: failure.error, message: failure.message });
  }
}

export interface SuccessOptions<T> {
  /** Where the created resource can be read, when it can. */
  location?: (data: T) => string;
}

export function writeResultResponse<T>(result: WriteResult<T>, options: SuccessOptions<T> = {}): Response {
  if (!result.ok) return failureResponse(result);
  const headers: Record<string, string> = {};
  if (options.location) headers.Location = options.location(result.data);
  // A retry gets the answer the first request got, and is told it stored nothing new.
  if (result.replayed) headers['Idempotent-Replayed'] = 'true';
  return writeJson(result.status, result.data, headers);
}
