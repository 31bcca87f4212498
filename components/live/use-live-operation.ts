'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { figureSeriesKeys } from '@/lib/queries/figure-series';
import { operationSummaryKeys } from '@/lib/queries/operation-summary';
import { useLiveUpdates, type LiveMode } from './use-live-updates';

/**
 * Keeps an operation's queries fresh: when the server says the operation changed, every cached
 * view of it (summary and series) is refetched. `mode` is 'polling' while the live stream is
 * down; the caller then polls (refetchInterval of POLL_INTERVAL_MS).
 */
export function useLiveOperation(slug: string): { mode: LiveMode } {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: operationSummaryKeys.operation(slug) });
    void queryClient.invalidateQueries({ queryKey: figureSeriesKeys.operation(slug) });
  }, [queryClient, slug]);
  return useLiveUpdates(slug, refresh);
}
