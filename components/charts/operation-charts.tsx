'use client';

import './charts.css';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { buildCumulativeChartData } from '@/lib/chart-data/cumulative-chart-data';
import { buildDailyChartData } from '@/lib/chart-data/daily-chart-data';
import type { OperationDashboard } from '@/lib/data/dto';
import { CumulativeChart } from './cumulative-chart';
import { DailyChart } from './daily-chart';

/**
 * The operation page's charts, shaped from the dashboard DTO by the pure modules of
 * lib/chart-data: the cumulative figures against the goal and deadline, then the daily pace.
 */
export function OperationCharts({ dashboard }: { dashboard: OperationDashboard }) {
  const t = useTranslations('Charts');
  const cumulative = useMemo(() => buildCumulativeChartData(dashboard), [dashboard]);
  const daily = useMemo(() => buildDailyChartData(dashboard), [dashboard]);
  return (
    <section className="operation-charts" aria-label={t('sectionLabel')}>
      <CumulativeChart data={cumulative} />
      <DailyChart data={daily} />
    </section>
  );
}
