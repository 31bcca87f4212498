'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { summariseCumulativeChart } from '@/lib/chart-data/chart-summary';
import type {
  CumulativeChartData,
  CumulativeChartRow,
  EventMarker,
  FigurePoint,
} from '@/lib/chart-data/cumulative-chart-data';
import { ChartAnnouncer } from './chart-announcer';
import { ChartFigure } from './chart-figure';
import { ChartLegend, type LegendItem } from './chart-legend';
import { CumulativeChartSummaryText } from './chart-summary';
import { CumulativeChartTables } from './cumulative-tables';
import { CumulativeTooltip } from './cumulative-tooltip';
import { ActiveRing, FigureDot, LatestFigureLabel, StatementDot } from './cumulative-marks';
import { EventKey } from './event-key';
import { useChartFormat, type ChartFormat } from './use-chart-format';

export interface CumulativeChartProps {
  data: CumulativeChartData;
  /** Rows of the data table; the drawn points by default. Pass the full series when thinned. */
  tableRows?: readonly FigurePoint[];
  /** Figures in the whole series, when `tableRows` is only part of it. */
  totalCount?: number;
  onShowAllRows?: () => void;
}

const COLOR = {
  figure: 'var(--chart-figure)',
  projection: 'var(--chart-projection)',
  required: 'var(--chart-required)',
  goal: 'var(--chart-goal)',
  deadline: 'var(--chart-deadline)',
  statement: 'var(--chart-statement)',
  event: 'var(--chart-event)',
} as const;

/** Cumulative figures against the goal and the deadline, with where the paces lead. */
export function CumulativeChart({ data, tableRows, totalCount, onShowAllRows }: CumulativeChartProps) {
  const t = useTranslations('Charts');
  const format = useChartFormat(data.timeZone);
  const summary = useMemo(() => summariseCumulativeChart(data), [data]);
  const title = t('cumulativeTitle', { basis: format.day(data.basisStart), group: data.groupName });
  const eventGroups = useMemo(() => groupEventsByInstant(data.events), [data.events]);
  const latest = data.points.find((point) => point.latest) ?? null;
  const { goal } = data;

  return (
    <ChartFigure
      id="cumulative-chart"
      title={title}
      legend={
        <>
          <ChartLegend items={legendItems(data, format, t)} />
          <EventKey events={data.events} format={format} />
        </>
      }
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
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={data.timeAxis.domain}
            ticks={data.timeAxis.ticks}
            tickFormatter={format.tick}
            minTickGap={12}
            interval="preserveStartEnd"
            stroke="var(--chart-axis)"
            tick={{ fill: 'var(--fg)', fontSize: 12 }}
          />
          <YAxis
            type="number"
            domain={[data.valueAxis.min, data.valueAxis.max]}
            ticks={data.valueAxis.ticks}
            tickFormatter={format.count}
            width="auto"
            stroke="var(--chart-axis)"
            tick={{ fill: 'var(--fg)', fontSize: 12 }}
          />
          {goal?.isRange ? (
            <ReferenceArea y1={goal.low} y2={goal.high} fill={COLOR.goal} fillOpacity={0.14} stroke="none" />
          ) : null}
          {goal ? (
            <ReferenceLine
              y={goal.high}
              stroke={COLOR.goal}
              strokeWidth={2}
              label={{
                value: goal.isRange ? t('marks.goalHigh', { value: format.count(goal.high) }) : t('marks.goal', { value: format.count(goal.high) }),
                // Above the high line and below the low one: the two never collide in a thin band.
                position: 'insideBottomLeft',
                fill: COLOR.goal,
                fontSize: 12,
              }}
            />
          ) : null}
          {goal?.isRange ? (
            <ReferenceLine
              y={goal.low}
              stroke={COLOR.goal}
              strokeWidth={2}
              label={{ value: t('marks.goalLow', { value: format.count(goal.low) }), position: 'insideTopLeft', fill: COLOR.goal, fontSize: 12 }}
            />
          ) : null}
          <ReferenceLine
            x={data.deadline.t}
            stroke={COLOR.deadline}
            strokeWidth={2}
            label={{ value: t('marks.deadline', { date: format.tick(data.deadline.lastDay) }), position: 'insideTopRight', fill: COLOR.deadline, fontSize: 12 }}
          />
          {eventGroups.map((group) => (
            <ReferenceLine
              key={group.t}
              x={group.t}
              stroke={COLOR.event}
              strokeDasharray="2 3"
              label={{ value: group.label, position: 'top', fill: COLOR.event, fontSize: 12, fontWeight: 600 }}
            />
          ))}
          <Line dataKey="required" connectNulls stroke={COLOR.required} strokeWidth={2.5} strokeDasharray="2 4" dot={false} activeDot={false} isAnimationActive={false} />
          <Line dataKey="projection" connectNulls stroke={COLOR.projection} strokeWidth={2.5} strokeDasharray="8 5" dot={false} activeDot={false} isAnimationActive={false} />
          <Line dataKey="confirmed" connectNulls stroke={COLOR.figure} strokeWidth={2.5} dot={false} activeDot={false} isAnimationActive={false} />
          <Line dataKey="provisionalTail" connectNulls stroke={COLOR.figure} strokeWidth={2.5} strokeDasharray="6 4" dot={false} activeDot={false} isAnimationActive={false} />
          <Line dataKey="statement" stroke="none" dot={StatementDot} activeDot={false} isAnimationActive={false} />
          <Line dataKey={figureValue} stroke="none" dot={FigureDot} activeDot={ActiveRing} isAnimationActive={false} />
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
          <ChartAnnouncer region={liveRegion}>
            {(t) => (
              <CumulativeTooltip
                row={data.rows.find((row) => row.t === t)}
                deadlineLastDay={data.deadline.lastDay}
                format={format}
              />
            )}
          </ChartAnnouncer>
          <Tooltip
            cursor={{ stroke: 'var(--chart-axis)', strokeDasharray: '3 3' }}
            isAnimationActive={false}
            content={({ active, activeIndex }) => (
              <CumulativeTooltip
                row={active ? data.rows[Number(activeIndex)] : undefined}
                deadlineLastDay={data.deadline.lastDay}
                format={format}
              />
            )}
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

/** Events at one instant share one mark, labelled with all their numbers ("2? 3?"). */
function groupEventsByInstant(events: readonly EventMarker[]): { t: number; label: string }[] {
  const groups = new Map<number, string[]>();
  for (const event of events) {
    const labels = groups.get(event.t) ?? [];
    labels.push(event.dateStated ? String(event.number) : `${event.number}?`);
    groups.set(event.t, labels);
  }
  return [...groups].map(([t, labels]) => ({ t, label: labels.join(' ') }));
}

function legendItems(
  data: CumulativeChartData,
  format: ChartFormat,
  t: ReturnType<typeof useTranslations<'Charts'>>,
): LegendItem[] {
  const items: LegendItem[] = [{ key: 'figures', label: t('legend.figures'), swatch: 'dot', color: COLOR.figure }];
  if (data.points.some((point) => point.provisional)) {
    items.push({ key: 'provisional', label: t('legend.provisional'), swatch: 'hollow', color: COLOR.figure });
  }
  if (data.projection) {
    items.push({ key: 'projection', label: t('legend.projection', { pace: format.rate(data.projection.perDay) }), swatch: 'dashed', color: COLOR.projection });
  }
  if (data.requiredPace) {
    items.push({ key: 'required', label: t('legend.required', { pace: format.rate(data.requiredPace.perDay) }), swatch: 'dotted', color: COLOR.required });
  }
  if (data.goal) {
    items.push(
      data.goal.isRange
        ? { key: 'goal', label: t('legend.goalRange'), swatch: 'band', color: COLOR.goal }
        : { key: 'goal', label: t('legend.goal'), swatch: 'line', color: COLOR.goal },
    );
  }
  items.push({ key: 'deadline', label: t('legend.deadline', { date: format.day(data.deadline.lastDay) }), swatch: 'vertical', color: COLOR.deadline });
  if (data.statements.length > 0) {
    items.push({ key: 'statement', label: t('legend.statement'), swatch: 'diamond', color: COLOR.statement });
  }
  if (data.events.length > 0) items.push({ key: 'event', label: t('legend.event'), swatch: 'event', color: COLOR.event });
  return items;
}
