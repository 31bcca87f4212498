// The plumbing every write route shares, so each route handler is a few lines naming its service:
// authenticate (the route itself, never a proxy alone), read the Idempotency-Key header and the JSON
// body, call the write service, answer its result. Whatever else goes wrong becomes a short JSON
// answer (503 with Retry-After while the database is away), never a stack trace.
import 'server-only';
import type { Actor } from '../audit/audit-log';
import { authenticateWrite } from '../auth/write-access';
import type { StaffRole } from '../auth/staff-session';
import { isValidIdempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH } from '../data/writes/idempotency';
import type { WriteResult } from '../data/writes/write-result';
import { readJsonBody } from './json-body';
import { unexpectedErrorResponse } from './unexpected-error';
import { fieldRefusal, writeError, writeResultResponse, type SuccessOptions } from './write-responses';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export type JsonObject = Record<string, unknown>;

export interface WriteRoute<T> extends SuccessOptions<T> {
  /** Names the route in the server log, e.g. "POST figures kabul-2021". */
  context: string;
  /** Who may write here; editors by default (admins can do everything editors can). */
  role?: StaffRole;
  /** Stores the write; a refusal is a value (WriteResult), or a ready Response. */
  write: (actor: Actor, body: JsonObject, idempotencyKey: string | undefined) => Promise<WriteResult<T> | Response>;
}

type KeyCheck = { ok: true; key: string | undefined } | { ok: false; response: Response };

function idempotencyKey(request: Request): KeyCheck {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return { ok: true, key: undefined };
  if (isValidIdempotencyKey(key)) return { ok: true, key };
  return {
    ok: false,
    response: fieldRefusal(
      IDEMPOTENCY_KEY_HEADER,
      `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters without spaces (a UUID fits)`,
    ),
  };
}

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export async function handleWrite<T>(request: Request, route: WriteRoute<T>): Promise<Response> {
  try {
    const access = await authenticateWrite(request, route.role ?? 'editor');
    if (!access.ok) {
      // RFC 9110: a 401 says how to authenticate.
      const challenge: Record<string, string> =
        access.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="evacuation-figures"' } : {};
      return writeError(access.status, { error: access.error, message: access.message }, challenge);
    }
    const key = idempotencyKey(request);
    if (!key.ok) return key.response;
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    if (!isJsonObject(body.value)) {
      return writeError(400, {
        error: 'invalid_input',
        message: 'The body must be a JSON object.',
        errors: [{ field: '', message: 'must be a JSON object' }],
      });
    }
    const result = await route.write(access.actor, body.value, key.key);
    return result instanceof Response ? result : writeResultResponse(result, route);
  } catch (error) {
    return unexpectedErrorResponse(error, route.context);
  }
}
