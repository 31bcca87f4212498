// The one query-options factory for a group's full (never thinned) series: fetched only when a
// reader asks the data table for every point of a long series.
import { queryOptions } from '@tanstack/react-query';
import type { FigureDto } from '../data/dto';
import type { FigureSeries } from '../data/figure-series';
import type { OperationView } from './operation-summary';

export const figureSeriesKeys = {
  all: ['figure-series'] as const,
  operation: (slug: string) => [...figureSeriesKeys.all, slug] as const,
  view: (view: OperationView) =>
    [...figureSeriesKeys.operation(view.slug), { asOf: view.asOf ?? null, group: view.group ?? null }] as const,
};

export function figureSeriesQuery(view: OperationView) {
  const params = new URLSearchParams();
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.group) params.set('group', view.group);
  const query = params.toString();
  return queryOptions({
    queryKey: figureSeriesKeys.view(view),
    queryFn: async ({ signal }): Promise<FigureSeries> => {
      const url = `/api/operations/${encodeURIComponent(view.slug)}/series${query ? `?${query}` : ''}`;
      const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`Series request failed with status ${response.status}`);
      return (await response.json()) as FigureSeries;
    },
  });
}

/** The series API's points in the dashboard's figure shape, for the same table component. */
export function figuresOfSeries(series: FigureSeries): FigureDto[] {
  return series.points.map((point) => ({
    id: point.revisionId,
    group: series.group,
    value: point.value,
    asOf: point.asOf,
    kind: 'CUMULATIVE',
    basisStart: point.basisStart,
    windowStart: null,
    windowEnd: null,
    provisional: point.provisional,
    source: point.source,
  }));
}
