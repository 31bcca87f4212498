// The shape of the JSON API's reads beyond the summary: check the query string, read through the
// data layer, answer with ETag and Cache-Control (304 on a matching If-None-Match), 400 naming
// each refused parameter, 404 for an unknown operation, 503 with Retry-After while the database
// is away. Route handlers stay a few lines.
import 'server-only';
import { readQuery, type ParameterError, type QueryValues } from '../api/query-params';
import { CURRENT_VIEW_CACHE_CONTROL } from './cache-policy';
import { conditionalJson, jsonError, notFoundJson } from './json-response';
import { unexpectedErrorResponse } from './unexpected-error';

export type ReadAnswer =
  | { status: 'ok'; body: unknown; cacheControl?: string; headers?: Record<string, string> }
  | { status: 'operation_not_found' }
  | { status: 'invalid_parameters'; errors: ParameterError[] };

export function invalidParameters(errors: readonly ParameterError[]): Response {
  return jsonError(400, {
    error: 'invalid_parameters',
    message: errors.map((error) => error.message).join('; '),
    errors,
  });
}

/** Runs a read and answers it; whatever it throws becomes a short JSON answer (503 or 500). */
export async function answerRead(request: Request, context: string, read: () => Promise<ReadAnswer>): Promise<Response> {
  try {
    const answer = await read();
    if (answer.status === 'operation_not_found') return notFoundJson('operation');
    if (answer.status === 'invalid_parameters') return invalidParameters(answer.errors);
    const response = conditionalJson(request, answer.body, answer.cacheControl ?? CURRENT_VIEW_CACHE_CONTROL);
    for (const [name, value] of Object.entries(answer.headers ?? {})) response.headers.set(name, value);
    return response;
  } catch (error) {
    return unexpectedErrorResponse(error, context);
  }
}

/**
 * A read that takes the named query parameters (none by default) and returns its body, or null
 * for an unknown operation.
 */
export function simpleRead<const N extends string>(
  request: Request,
  context: string,
  read: (query: QueryValues<N>) => Promise<unknown | null>,
  parameters: readonly N[] = [],
): Promise<Response> {
  return answerRead(request, context, async () => {
    const query = readQuery(new URL(request.url).searchParams, parameters);
    if (!query.ok) return { status: 'invalid_parameters', errors: query.errors };
    const body = await read(query.values);
    return body === null ? { status: 'operation_not_found' } : { status: 'ok', body };
  });
}
