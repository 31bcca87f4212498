'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { operationSummaryKeys, operationSummaryQuery, type OperationView } from '@/lib/queries/operation-summary';
import { OperationCharts } from './charts/operation-charts';
import { useLiveUpdates } from './live/use-live-updates';
import { OperationView as OperationDetails } from './operation-view';

/**
 * The live part of the page. It starts from the data the server rendered (hydrated into the
 * query cache) and refetches when the server says the operation changed, or every two seconds
 * while the live stream is down.
 */
export function OperationDashboard({ view }: { view: OperationView }) {
  const t = useTranslations('ViewNotice');
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: operationSummaryKeys.operation(view.slug) });
  }, [queryClient, view.slug]);
  const { mode } = useLiveUpdates(view.slug, refresh);
  const { data: dashboard } = useQuery({
    ...operationSummaryQuery(view),
    refetchInterval: mode === 'polling' ? 2_000 : false,
  });
  if (!dashboard) return null;
  return (
    <>
      <p className="live-status muted" role="status">
        {mode === 'polling' ? t('polling') : t('live')}
      </p>
      <OperationDetails dashboard={dashboard}>
        <OperationCharts dashboard={dashboard} />
      </OperationDetails>
    </>
  );
}
