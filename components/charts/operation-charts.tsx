'use client';

import './charts.css';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { buildCumulativeChartData, figurePointsOf } from '@/lib/chart-data/cumulative-chart-data';
import { chartFileStem, type ChartKind } from '@/lib/chart-data/chart-credits';
import { buildDailyChartData } from '@/lib/chart-data/daily-chart-data';
import type { FigureDto, OperationDashboard } from '@/lib/data/dto';
import { CumulativeChart } from './cumulative-chart';
import type { ChartDownload } from './chart-downloads';
import { DailyChart } from './daily-chart';
import { useChartCredits } from './use-chart-credits';

export interface FigureTableRows {
  /** The figures to list; the drawn points by default. */
  figures: readonly FigureDto[];
  /** Figures in the whole series, when `rows` is only part of it. */
  totalCount?: number;
  /** Called by the table's "show all" button while `rows` is only part of the series. */
  onShowAll?: () => void;
}

/**
 * The operation page's charts, shaped from the dashboard DTO by the pure modules of
 * lib/chart-data: the cumulative figures against the goal and deadline, then the daily pace.
 * When the DTO's series was thinned for drawing, `figureTable` can carry the full list.
 */
export function OperationCharts({
  dashboard,
  figureTable,
}: {
  dashboard: OperationDashboard;
  figureTable?: FigureTableRows;
}) {
  const t = useTranslations('Charts');
  const cumulative = useMemo(() => buildCumulativeChartData(dashboard), [dashboard]);
  const daily = useMemo(() => buildDailyChartData(dashboard), [dashboard]);
  const latestId = dashboard.latestFigure?.id ?? null;
  const tableFigures = figureTable?.figures;
  const tableRows = useMemo(
    () => (tableFigures ? figurePointsOf(tableFigures, latestId) : undefined),
    [tableFigures, latestId],
  );
  const credits = useChartCredits(dashboard);
  const download = (chart: ChartKind): ChartDownload => ({
    fileStem: chartFileStem({
      operation: dashboard.operation.slug,
      chart,
      group: dashboard.group.slug,
      day: credits.asOf.day,
    }),
    sourceLine: credits.sourceLine[chart],
    asOfLine: credits.asOfLine,
  });
  return (
    <section className="operation-charts" aria-label={t('sectionLabel')}>
      <CumulativeChart
        data={cumulative}
        tableRows={tableRows}
        totalCount={figureTable?.totalCount}
        onShowAllRows={figureTable?.onShowAll}
        download={download('cumulative')}
      />
      <DailyChart data={daily} download={download('daily')} />
    </section>
  );
}
