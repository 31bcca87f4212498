'use client';

// The credit lines of a chart shown away from the page (an image, an embed), translated:
// "Sources: White House (via AFP); …" and "Latest figure as of August 22, 2021".

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { chartAsOf, chartSources, type ChartAsOf, type ChartKind } from '@/lib/chart-data/chart-credits';
import type { OperationDashboard } from '@/lib/data/dto';

export interface ChartCredits {
  asOf: ChartAsOf;
  /** "Latest figure as of August 22, 2021". */
  asOfLine: string;
  /** "Sources: White House (via AFP); Biden administration (via AFP)", per chart; empty without any. */
  sourceLine: Record<ChartKind, string>;
}

export function useChartCredits(dashboard: OperationDashboard): ChartCredits {
  const t = useTranslations('Charts.credits');
  const format = useFormatter();
  return useMemo(() => {
    const asOf = chartAsOf(dashboard);
    // A calendar day, not an instant: noon UTC names the same day in every zone's formatting.
    const date = format.dateTime(new Date(`${asOf.day}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
    const sourceLineOf = (chart: ChartKind) => {
      const sources = chartSources(dashboard, chart);
      if (sources.length === 0) return '';
      const list = sources
        .map(({ publisher, via }) => (via ? t('sourceVia', { publisher, outlet: via }) : publisher))
        .join(t('separator'));
      return t('sources', { count: sources.length, list });
    };
    return {
      asOf,
      asOfLine: t(`asOf-${asOf.basis}`, { date }),
      sourceLine: { cumulative: sourceLineOf('cumulative'), daily: sourceLineOf('daily') },
    };
  }, [dashboard, format, t]);
}
