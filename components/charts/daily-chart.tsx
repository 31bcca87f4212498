'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { Area, CartesianGrid, ComposedChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { summariseDailyChart } from '@/lib/chart-data/chart-summary';
import type { DailyChartData } from '@/lib/chart-data/daily-chart-data';
import { ChartAnnouncer } from './chart-announcer';
import type { ChartDownload } from './chart-downloads';
import { ChartFigure, useSafeId } from './chart-figure';
import { ChartLegend, type LegendItem } from './chart-legend';
import { DailyChartSummaryText } from './chart-summary';
import { DailyChartTable } from './daily-table';
import { DailyTooltip } from './daily-tooltip';
import { CHART_COLOR, TOOLTIP_PROPS, timeAxisProps, valueAxisProps } from './chart-style';
import { useChartFormat } from './use-chart-format';

const COLOR = {
  rate: CHART_COLOR.figure,
  required: CHART_COLOR.required,
  correction: CHART_COLOR.correction,
} as const;

/**
 * People evacuated per day, as steps: each rate is the average between two consecutive figures
 * and holds over their whole interval. A correction dips below zero inside a hatched box.
 */
export function DailyChart({ data, download }: { data: DailyChartData; download?: ChartDownload }) {
  const t = useTranslations('Charts');
  const format = useChartFormat(data.timeZone);
  const summary = useMemo(() => summariseDailyChart(data), [data]);
  const title = t('dailyTitle', { group: data.groupName });
  const required = data.requiredPacePerDay;
  const hatchId = `daily-chart-hatch-${useSafeId()}`;

  const legend: LegendItem[] = [{ key: 'rate', label: t('legend.dailyRate'), swatch: 'area', color: COLOR.rate }];
  if (data.corrections.length > 0) {
    legend.push({ key: 'correction', label: t('legend.correction'), swatch: 'hatched', color: COLOR.correction });
  }
  if (required !== null) {
    legend.push({ key: 'required', label: t('legend.requiredDaily', { pace: format.rate(required) }), swatch: 'dotted', color: COLOR.required });
  }

  return (
    <ChartFigure
      id="daily-chart"
      title={title}
      download={download}
      legend={<ChartLegend items={legend} />}
      summary={<DailyChartSummaryText summary={summary} format={format} />}
      table={<DailyChartTable group={data.groupName} rows={data.intervals} format={format} />}
      drawn={data.intervals.length > 0}
    >
      {({ summaryId, liveRegion }) => (
        <ComposedChart
          responsive
          className="chart-canvas chart-canvas-daily"
          data={data.rows}
          margin={{ top: 16, right: 16, bottom: 4, left: 4 }}
          aria-label={t('chartName', { title })}
          aria-describedby={summaryId}
        >
          <defs>
            <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" stroke={COLOR.correction} strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid stroke={CHART_COLOR.grid} vertical={false} />
          <XAxis {...timeAxisProps(data.timeAxis, format)} />
          <YAxis {...valueAxisProps(data.valueAxis, format)} />
          {data.valueAxis.min < 0 ? <ReferenceLine y={0} stroke={CHART_COLOR.axis} /> : null}
          {data.corrections.map((interval) => (
            <ReferenceArea
              key={`${interval.from}-${interval.to}`}
              x1={interval.from}
              x2={interval.to}
              y1={interval.perDay}
              y2={0}
              fill={`url(#${hatchId})`}
              stroke={COLOR.correction}
              strokeWidth={2}
              label={{ value: t('marks.correction'), position: 'bottom', fill: COLOR.correction, fontSize: 12 }}
            />
          ))}
          <Area
            dataKey="perDay"
            type="stepAfter"
            stroke={COLOR.rate}
            strokeWidth={2}
            fill={COLOR.rate}
            fillOpacity={0.3}
            baseValue={0}
            dot={false}
            activeDot={{ r: 5, fill: COLOR.rate, stroke: 'var(--bg)', strokeWidth: 2 }}
            isAnimationActive={false}
          />
          {required !== null ? (
            <ReferenceLine
              y={required}
              stroke={COLOR.required}
              strokeWidth={2.5}
              strokeDasharray="2 4"
              label={{ value: t('marks.required', { pace: format.rate(required) }), position: 'insideTopLeft', fill: COLOR.required, fontSize: 12 }}
            />
          ) : null}
          <ChartAnnouncer region={liveRegion}>
            {(t) => <DailyTooltip row={data.rows.find((row) => row.t === t)} format={format} />}
          </ChartAnnouncer>
          <Tooltip
            {...TOOLTIP_PROPS}
            content={({ active, activeIndex }) => (
              <DailyTooltip row={active ? data.rows[Number(activeIndex)] : undefined} format={format} />
            )}
          />
        </ComposedChart>
      )}
    </ChartFigure>
  );
}
