// The shape every public JSON read of an operation shares: resolve the operation, validate the
// view parameters against it, read, and answer with caching headers. Route handlers stay one line.
// A query parameter other than asOf and group is refused, as on every JSON read (api-read.ts): a
// misspelt `asof=` silently ignored would answer today's view as if it were the one asked for.
// The pages themselves stay lenient (links carry tracking and router parameters).
import 'server-only';
import { unknownParameters } from '../api/query-params';
import { readOperationForView } from '../data/operation-lookup';
import { parseViewParams, type ViewParameterName } from '../view-params';
import { invalidParameters } from './api-read';
import { cacheControlForView } from './cache-policy';
import { conditionalJson, notFoundJson } from './json-response';
import { unexpectedErrorResponse } from './unexpected-error';

export interface ViewQuery {
  asOf?: Date;
  group?: string;
}

const VIEW_PARAMETERS: readonly ViewParameterName[] = ['asOf', 'group'];

export async function respondWithView<T>(
  request: Request,
  slug: string,
  read: (query: ViewQuery) => Promise<T | null>,
  context: string,
): Promise<Response> {
  try {
    const search = new URL(request.url).searchParams;
    // Checked before the database is asked anything, as the other reads do.
    const unknown = unknownParameters(search, VIEW_PARAMETERS);
    if (unknown.length > 0) return invalidParameters(unknown);
    const operation = await readOperationForView(slug);
    if (!operation) return notFoundJson('operation');
    const view = parseViewParams(search, operation);
    if (!view.ok) return invalidParameters(view.errors);
    const data = await read({ asOf: view.asOf, group: view.group });
    // The operation can vanish between the two reads only if someone deletes it meanwhile.
    if (data === null) return notFoundJson('operation');
    return conditionalJson(request, data, cacheControlForView(view.asOf));
  } catch (error) {
    return unexpectedErrorResponse(error, `${context} ${slug}`);
  }
}
