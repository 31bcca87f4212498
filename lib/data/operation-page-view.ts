// What a page of an operation needs before it renders: the operation, its view parameters
// checked against it (a bad one is reported and the latest view shown instead), and the dashboard
// read for that view. Shared by the operation page and its embed, so both read `?asOf=&group=`
// the same way.
import 'server-only';
import type { OperationView } from '../queries/operation-summary';
import { parseViewParams, type RawViewParams, type ViewParamError } from '../view-params';
import type { OperationDashboard } from './dto';
import { readOperationDashboard } from './operation-dashboard';
import { readOperationForView, type OperationForView } from './operation-lookup';

export interface OperationPageView {
  operation: OperationForView;
  /** Why the parameters asked for could not be used; empty when they could. */
  errors: ViewParamError[];
  /** The query-cache key of the view shown (mirrors the URL's valid parameters). */
  view: OperationView;
  dashboard: OperationDashboard;
}

/** Null when there is no such operation. */
export async function readOperationPageView(
  slug: string,
  rawParams: RawViewParams,
): Promise<OperationPageView | null> {
  const operation = await readOperationForView(slug);
  if (!operation) return null;
  const parsed = parseViewParams(rawParams, operation);
  const valid: { asOf?: Date; asOfDate?: string; group?: string } = parsed.ok ? parsed : {};
  const dashboard = await readOperationDashboard(slug, { asOf: valid.asOf, group: valid.group });
  if (!dashboard) return null;
  return {
    operation,
    errors: parsed.ok ? [] : parsed.errors,
    view: { slug, asOf: valid.asOfDate, group: valid.group },
    dashboard,
  };
}
