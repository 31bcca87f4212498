// The one query-options factory for an operation's summary: the server prefetches with it and the
// client reads with it, so the cache keys can never drift apart.
import { queryOptions } from '@tanstack/react-query';
import type { OperationDashboard } from '../data/dto';

/** What a reader is looking at; mirrors the page URL (`/operations/kabul-2021?asOf=…&group=…`). */
export interface OperationView {
  slug: string;
  /** 'YYYY-MM-DD': what was knowable by the end of that day; unset for the latest figures. */
  asOf?: string;
  group?: string;
}

export const operationSummaryKeys = {
  all: ['operation-summary'] as const,
  operation: (slug: string) => [...operationSummaryKeys.all, slug] as const,
  view: (view: OperationView) =>
    [...operationSummaryKeys.operation(view.slug), { asOf: view.asOf ?? null, group: view.group ?? null }] as const,
};

export function summaryUrl(view: OperationView): string {
  const params = new URLSearchParams();
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.group) params.set('group', view.group);
  const query = params.toString();
  return `/api/operations/${encodeURIComponent(view.slug)}/summary${query ? `?${query}` : ''}`;
}

export function operationSummaryQuery(view: OperationView) {
  return queryOptions({
    queryKey: operationSummaryKeys.view(view),
    queryFn: async ({ signal }): Promise<OperationDashboard> => {
      const response = await fetch(summaryUrl(view), { signal, headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`Summary request failed with status ${response.status}`);
      return (await response.json()) as OperationDashboard;
    },
    // Live updates invalidate the query; between them, a view is fresh for a few seconds.
    staleTime: 5_000,
  });
}
