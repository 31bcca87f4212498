// What a page of an operation needs before it renders: the operation, its view parameters
// checked against it (a bad one is reported and the latest view shown instead), and the dashboard
// read for that view. Shared by the operation page and its embed, so both read `?asOf=&group=`
// the same way.
//
// A page is asked only once the database answered (proxy.ts), but it can still go away while the
// page renders, and a page that fails cannot choose its status: Next.js sends a bare 500. So when
// the database cannot be reached here, the page shows the same view as this instance last read it
// (within the last minutes, see read-cache.ts), saying when that was.
import 'server-only';
import { isDatabaseUnavailable } from '../http/unexpected-error';
import type { OperationView } from '../queries/operation-summary';
import { parseViewParams, type RawViewParams, type ViewParamError } from '../view-params';
import type { OperationDashboard } from './dto';
import { readOperationDashboard, recentOperationDashboard } from './operation-dashboard';
import { readOperationForView, recentOperationForView, type OperationForView } from './operation-lookup';

export interface OperationPageView {
  operation: OperationForView;
  /** Why the parameters asked for could not be used; empty when they could. */
  errors: ViewParamError[];
  /** The query-cache key of the view shown (mirrors the URL's valid parameters). */
  view: OperationView;
  dashboard: OperationDashboard;
  /** Set when the database could not be reached: when the view shown was read (ISO 8601). */
  readEarlierAt?: string;
}

interface Readers {
  operation(slug: string): Promise<OperationForView | null> | OperationForView | null;
  dashboard(slug: string, query: { asOf?: Date; group?: string }): Promise<OperationDashboard | null> | OperationDashboard | null;
}

async function assemble(slug: string, rawParams: RawViewParams, read: Readers): Promise<OperationPageView | null> {
  const operation = await read.operation(slug);
  if (!operation) return null;
  const parsed = parseViewParams(rawParams, operation);
  const valid: { asOf?: Date; asOfDate?: string; group?: string } = parsed.ok ? parsed : {};
  const dashboard = await read.dashboard(slug, { asOf: valid.asOf, group: valid.group });
  if (!dashboard) return null;
  return {
    operation,
    errors: parsed.ok ? [] : parsed.errors,
    view: { slug, asOf: valid.asOfDate, group: valid.group },
    dashboard,
  };
}

/** Null when there is no such operation. */
export async function readOperationPageView(
  slug: string,
  rawParams: RawViewParams,
): Promise<OperationPageView | null> {
  try {
    return await assemble(slug, rawParams, { operation: readOperationForView, dashboard: readOperationDashboard });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    let readAt: Date | undefined;
    const older = <T>(answer: { value: T; readAt: Date } | null): T => {
      // Nothing remembered: the page fails as it would have (not a "no such operation").
      if (!answer) throw error;
      if (!readAt || answer.readAt < readAt) readAt = answer.readAt;
      return answer.value;
    };
    const stale = await assemble(slug, rawParams, {
      operation: (s) => older(recentOperationForView(s)),
      dashboard: (s, query) => older(recentOperationDashboard(s, query)),
    });
    return stale && readAt ? { ...stale, readEarlierAt: readAt.toISOString() } : stale;
  }
}
