// GET /api/operations/:slug/figures.csv?group=&from=&to=&asOf=&revisions=all&excel=1&hxl=1
// The operation's figures as CSV, streamed from the database (see lib/data/figure-export.ts and
// lib/csv/export-params.ts for the parameters). A folder named `figures.csv` is an ordinary static
// segment to the App Router, so the URL ends in .csv, as analysts' tools expect.
import { exportFileName, parseFigureExportParams } from '@/lib/csv/export-params';
import {
  csvResponse,
  databaseUnavailableResponse,
  invalidParametersResponse,
  isTemporaryDatabaseError,
  operationNotFoundResponse,
  unexpectedErrorResponse,
} from '@/lib/csv/export-responses';
import { openFigureExport } from '@/lib/data/figure-export';

// Always read at request time: the figures change, and a CDN (not the build) does the caching.
export const dynamic = 'force-dynamic';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const parsed = parseFigureExportParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParametersResponse(parsed.errors);
  if (!SLUG.test(slug)) return operationNotFoundResponse(slug);

  try {
    const result = await openFigureExport(slug, parsed.params, request.signal);
    if (result.status === 'operation_not_found') return operationNotFoundResponse(slug);
    if (result.status === 'invalid_parameters') return invalidParametersResponse(result.errors);
    return csvResponse(result.body, exportFileName(result.operation.slug, parsed.params));
  } catch (error) {
    if (isTemporaryDatabaseError(error)) return databaseUnavailableResponse();
    console.error(`GET figures.csv of ${slug} failed: ${error instanceof Error ? error.message : String(error)}`);
    return unexpectedErrorResponse();
  }
}
