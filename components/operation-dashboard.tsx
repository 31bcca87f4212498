'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { figureSeriesQuery, figuresOfSeries } from '@/lib/queries/figure-series';
import { operationSummaryQuery, type OperationView } from '@/lib/queries/operation-summary';
import { useLiveOperation } from './live/use-live-operation';
import { POLL_INTERVAL_MS, shouldPoll } from './live/use-live-updates';
import { OperationView as OperationDetails } from './operation-view';

// Recharts is most of the page's JavaScript: load it after the numbers are on screen, so the
// figures and the verdict (the largest paint) do not wait for the charts.
const OperationCharts = dynamic(
  () => import('./charts/operation-charts').then((module) => module.OperationCharts),
  { ssr: false, loading: () => <div className="charts-loading" aria-hidden="true" /> },
);

/**
 * The live part of the page. It starts from the data the server rendered (hydrated into the
 * query cache) and refetches when the server says the operation changed, or every two seconds
 * while the live stream is down.
 */
export function OperationDashboard({ view }: { view: OperationView }) {
  const t = useTranslations('ViewNotice');
  const { mode } = useLiveOperation(view.slug);
  const { data: dashboard } = useQuery({
    ...operationSummaryQuery(view),
    refetchInterval: shouldPoll(mode) ? POLL_INTERVAL_MS : false,
  });
  // A long series is thinned for drawing; its table fetches every point when asked to.
  const [showAllRows, setShowAllRows] = useState(false);
  const thinned = dashboard ? dashboard.seriesCount > dashboard.series.length : false;
  const { data: fullSeries } = useQuery({ ...figureSeriesQuery(view), enabled: thinned && showAllRows });
  if (!dashboard) return null;
  const figureTable = thinned
    ? {
        figures: fullSeries ? figuresOfSeries(fullSeries) : dashboard.series,
        totalCount: dashboard.seriesCount,
        onShowAll: () => setShowAllRows(true),
      }
    : undefined;
  return (
    <>
      <p className="live-status muted" role="status">
        {t(mode)}
      </p>
      <OperationDetails dashboard={dashboard}>
        <OperationCharts dashboard={dashboard} figureTable={figureTable} />
      </OperationDetails>
    </>
  );
}
