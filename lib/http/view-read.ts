// The shape every public JSON read of an operation shares: resolve the operation, validate the
// view parameters against it, read, and answer with caching headers. Route handlers stay one line.
import 'server-only';
import { readOperationForView } from '../data/operation-lookup';
import { parseViewParams } from '../view-params';
import { cacheControlForView } from './cache-policy';
import { conditionalJson, jsonError, notFoundJson } from './json-response';
import { unexpectedErrorResponse } from './unexpected-error';

export interface ViewQuery {
  asOf?: Date;
  group?: string;
}

export async function respondWithView<T>(
  request: Request,
  slug: string,
  read: (query: ViewQuery) => Promise<T | null>,
  context: string,
): Promise<Response> {
  try {
    const operation = await readOperationForView(slug);
    if (!operation) return notFoundJson('operation');
    const view = parseViewParams(new URL(request.url).searchParams, operation);
    if (!view.ok) {
      return jsonError(400, {
        error: 'invalid_parameters',
        message: view.errors.map((error) => error.message).join('; '),
        errors: view.errors,
      });
    }
    const data = await read({ asOf: view.asOf, group: view.group });
    // The operation can vanish between the two reads only if someone deletes it meanwhile.
    if (data === null) return notFoundJson('operation');
    return conditionalJson(request, data, cacheControlForView(view.asOf));
  } catch (error) {
    return unexpectedErrorResponse(error, `${context} ${slug}`);
  }
}
