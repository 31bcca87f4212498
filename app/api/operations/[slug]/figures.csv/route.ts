// GET /api/operations/:slug/figures.csv?group=&from=&to=&asOf=&revisions=all&excel=1&hxl=1
// The operation's figures as CSV, streamed from the database (see lib/data/figure-export.ts and
// lib/csv/export-params.ts for the parameters). A folder named `figures.csv` is an ordinary static
// segment to the App Router, so the URL ends in .csv, as analysts' tools expect.
import { exportFileName, parseFigureExportParams, type FigureExportParams } from '@/lib/csv/export-params';
import {
  csvResponse,
  databaseUnavailableResponse,
  invalidParametersResponse,
  isTemporaryDatabaseError,
  operationNotFoundResponse,
  unexpectedErrorResponse,
} from '@/lib/csv/export-responses';
import { checkFigureExport, openFigureExport, type FigureExportCheck } from '@/lib/data/figure-export';
import { loggerFor } from '@/lib/logger';

// Always read at request time: the figures change, and a CDN (not the build) does the caching.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };
type Export = FigureExportCheck & { body?: ReadableStream<Uint8Array> };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

async function respond(
  request: Request,
  { params }: Context,
  open: (slug: string, params: FigureExportParams) => Promise<Export>,
): Promise<Response> {
  const { slug } = await params;
  const parsed = parseFigureExportParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParametersResponse(parsed.errors);
  if (!SLUG.test(slug)) return operationNotFoundResponse(slug);
  try {
    const result = await open(slug, parsed.params);
    if (result.status === 'operation_not_found') return operationNotFoundResponse(slug);
    if (result.status === 'invalid_parameters') return invalidParametersResponse(result.errors);
    return csvResponse(result.body ?? null, exportFileName(result.operation.slug, parsed.params));
  } catch (error) {
    if (isTemporaryDatabaseError(error)) return databaseUnavailableResponse();
    loggerFor('csv-export').error(`figures.csv of ${slug} failed: ${error instanceof Error ? error.message : String(error)}`);
    return unexpectedErrorResponse();
  }
}

export function GET(request: Request, context: Context): Promise<Response> {
  return respond(request, context, (slug, params) => openFigureExport(slug, params, request.signal));
}

/** The same answer without the body, and without opening a cursor nobody would read. */
export function HEAD(request: Request, context: Context): Promise<Response> {
  return respond(request, context, checkFigureExport);
}
