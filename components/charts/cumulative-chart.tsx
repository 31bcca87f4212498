'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { summariseCumulativeChart } from '@/lib/chart-data/chart-summary';
import type { CumulativeChartData, CumulativeChartRow, FigurePoint } from '@/lib/chart-data/cumulative-chart-data';
import { ChartAnnouncer } from './chart-announcer';
import type { ChartDownload } from './chart-downloads';
import { ChartFigure } from './chart-figure';
import { CHART_COLOR, TOOLTIP_PROPS, timeAxisProps, valueAxisProps } from './chart-style';
import { CumulativeChartSummaryText } from './chart-summary';
import { CumulativeLegend } from './cumulative-legend';
import { ActiveRing, figureDotFor, LatestFigureLabel, StatementDot } from './cumulative-marks';
import { DeadlineMark, EventMarks, GoalMarks } from './cumulative-reference-marks';
import { CumulativeChartTables } from './cumulative-tables';
import { CumulativeTooltip } from './cumulative-tooltip';
import { useChartFormat } from './use-chart-format';

export interface CumulativeChartProps {
  data: CumulativeChartData;
  /** Rows of the data table; the drawn points by default. Pass the full series when thinned. */
  tableRows?: readonly FigurePoint[];
  /** Figures in the whole series, when `tableRows` is only part of it. */
  totalCount?: number;
  onShowAllRows?: () => void;
  /** Offers the chart as an image to download. */
  download?: ChartDownload;
}

/** Lines drawn from the rows: dashed for what is provisional or projected, none for mark-only series. */
const LINE = { connectNulls: true, strokeWidth: 2.5, dot: false, activeDot: false, isAnimationActive: false } as const;

/** Cumulative figures against the goal and the deadline, with where the paces lead. */
export function CumulativeChart({ data, tableRows, totalCount, onShowAllRows, download }: CumulativeChartProps) {
  const t = useTranslations('Charts');
  const format = useChartFormat(data.timeZone);
  const summary = useMemo(() => summariseCumulativeChart(data), [data]);
  const title = t('cumulativeTitle', { basis: format.day(data.basisStart), group: data.groupName });
  const latest = data.points.find((point) => point.latest) ?? null;
  const FigureDot = useMemo(() => figureDotFor(data.points.length), [data.points.length]);
  const rowAt = (instant: number) => data.rows.find((row) => row.t === instant);
  const describe = (row: CumulativeChartRow | undefined) => (
    <CumulativeTooltip row={row} deadlineLastDay={data.deadline.lastDay} format={format} />
  );

  return (
    <ChartFigure
      id="cumulative-chart"
      title={title}
      download={download}
      legend={<CumulativeLegend data={data} format={format} />}
      summary={<CumulativeChartSummaryText summary={summary} format={format} />}
      table={
        <CumulativeChartTables
          group={data.groupName}
          rows={tableRows ?? data.points}
          totalCount={totalCount}
          onShowAll={onShowAllRows}
          statements={data.statements}
          format={format}
        />
      }
    >
      {({ summaryId, liveRegion }) => (
        <ComposedChart
          responsive
          className="chart-canvas"
          data={data.rows}
          margin={{ top: 24, right: 16, bottom: 4, left: 4 }}
          aria-label={t('chartName', { title })}
          aria-describedby={summaryId}
        >
          <CartesianGrid stroke={CHART_COLOR.grid} vertical={false} />
          <XAxis {...timeAxisProps(data.timeAxis, format)} />
          <YAxis {...valueAxisProps(data.valueAxis, format)} />
          <GoalMarks goal={data.goal} format={format} />
          <DeadlineMark deadline={data.deadline} format={format} />
          <EventMarks events={data.events} />
          <Line {...LINE} dataKey="required" stroke={CHART_COLOR.required} strokeDasharray="2 4" />
          <Line {...LINE} dataKey="projection" stroke={CHART_COLOR.projection} strokeDasharray="8 5" />
          <Line {...LINE} dataKey="confirmed" stroke={CHART_COLOR.figure} />
          <Line {...LINE} dataKey="provisionalTail" stroke={CHART_COLOR.figure} strokeDasharray="6 4" />
          <Line {...LINE} connectNulls={false} dataKey="statement" stroke="none" dot={StatementDot} />
          {/* Drawn last, so a figure's dot sits inside a statement's diamond on the same day. */}
          <Line {...LINE} connectNulls={false} dataKey={figureValue} stroke="none" dot={FigureDot} activeDot={ActiveRing} />
          {latest ? (
            <LatestFigureLabel
              t={latest.t}
              value={latest.value}
              lines={[
                t('marks.latest', { value: format.count(latest.value) }),
                ...(latest.provisional ? [t('marks.provisional')] : []),
              ]}
            />
          ) : null}
          <ChartAnnouncer region={liveRegion}>{(instant) => describe(rowAt(instant))}</ChartAnnouncer>
          <Tooltip
            {...TOOLTIP_PROPS}
            content={({ active, activeIndex }) => describe(active ? data.rows[Number(activeIndex)] : undefined)}
          />
        </ComposedChart>
      )}
    </ChartFigure>
  );
}

/** Where the figure dots sit: the largest figure of the instant, as the line takes it. */
function figureValue(row: CumulativeChartRow): number | null {
  return row.figures.length > 0 ? Math.max(...row.figures.map((figure) => figure.value)) : null;
}
