// GET /api/operations/:slug/figures as a read: the filters and cursor checked, one page read, and
// the next page named twice, as `nextCursor` in the body and as an RFC 8288 Link header.
import 'server-only';
import { cursorKey, encodeCursor } from '../api/figure-cursor';
import { parseFigureListParams } from '../api/figure-list-params';
import type { FigurePage } from '../api/schemas/figures';
import { getFigurePage } from '../data/figure-page';
import { env } from '../env';
import { endOfDayInZone } from '../feasibility/zoned-day';
import { CURRENT_VIEW_CACHE_CONTROL, PAST_VIEW_CACHE_CONTROL } from './cache-policy';
import type { ReadAnswer } from './api-read';

function signingKey(): Buffer {
  // Set by the start script (generated when not configured), so never missing in a running app.
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is not set: start the app with `npm start` or `npm run dev`');
  return cursorKey(env.AUTH_SECRET);
}

export async function readFigureList(request: Request, slug: string): Promise<ReadAnswer> {
  const url = new URL(request.url);
  const key = signingKey();
  const parsed = parseFigureListParams(url.searchParams, key);
  if (!parsed.ok) return { status: 'invalid_parameters', errors: parsed.errors };
  const result = await getFigurePage(slug, parsed.params);
  if (result.status !== 'ok') return result;

  const nextCursor = result.next ? encodeCursor(result.next, parsed.params.filters, key) : null;
  const body: FigurePage = { items: result.items, nextCursor };
  const headers: Record<string, string> = {};
  if (nextCursor) {
    const next = new URLSearchParams(url.searchParams);
    next.set('cursor', nextCursor);
    // A reference relative to the request, as RFC 8288 allows: right behind any proxy or host name.
    headers.Link = `<${url.pathname}?${next.toString()}>; rel="next"`;
  }
  // Every figure of a day that is over is known (corrections aside, as for the past views).
  const asOf = parsed.params.filters.asOf;
  const past = asOf !== undefined && endOfDayInZone(asOf, 'UTC').getTime() < Date.now() - 86_400_000;
  return { status: 'ok', body, headers, cacheControl: past ? PAST_VIEW_CACHE_CONTROL : CURRENT_VIEW_CACHE_CONTROL };
}
