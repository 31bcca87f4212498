// GET /api/openapi.json: the OpenAPI 3.1 document of this API, generated from the routes' zod
// schemas (lib/api/openapi/document.ts). It changes only with a deploy; the ETag makes
// revalidation cheap.
import { openApiDocument } from '@/lib/api/openapi/document';
import { CURRENT_VIEW_CACHE_CONTROL } from '@/lib/http/cache-policy';
import { conditionalJson } from '@/lib/http/json-response';
import { unexpectedErrorResponse } from '@/lib/http/unexpected-error';

export function GET(request: Request) {
  try {
    return conditionalJson(request, openApiDocument(), CURRENT_VIEW_CACHE_CONTROL);
  } catch (error) {
    return unexpectedErrorResponse(error, 'GET openapi.json');
  }
}
