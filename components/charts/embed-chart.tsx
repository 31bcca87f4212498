'use client';

import './charts.css';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { buildCumulativeChartData } from '@/lib/chart-data/cumulative-chart-data';
import type { OperationDashboard } from '@/lib/data/dto';
import { CumulativeChart } from './cumulative-chart';

/** The embed's one chart: the cumulative figures against the goal and the deadline. */
export function EmbedChart({ dashboard }: { dashboard: OperationDashboard }) {
  const t = useTranslations('Charts');
  const cumulative = useMemo(() => buildCumulativeChartData(dashboard), [dashboard]);
  return (
    <section className="operation-charts" aria-label={t('sectionLabel')}>
      <CumulativeChart data={cumulative} />
    </section>
  );
}
