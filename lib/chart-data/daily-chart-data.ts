// Evacuations per day, DERIVED from the cumulative series: between two consecutive figures on the
// same basis, the change divided by the days between them. Announced "in the last 24 hours"
// windows are never summed in: windows overlap, leave gaps and are counted by other people, while
// differences of one cumulative series add up to its latest figure exactly.
//
// Each rate holds over its whole interval (a step), because nothing says how it was spread inside
// it. A downward correction gives a negative rate: it is drawn below zero and flagged, not hidden,
// since hiding it would silently raise every rate before it.

import type { FigureDto, OperationDashboard } from '../data/dto';
import { MS_PER_DAY } from '../feasibility';
import { chartSourceOf, type ChartSource, type TimeAxis, type ValueAxis } from './chart-types';
import { operationTimeAxis } from './time-axis';
import { niceValueAxis } from './value-axis';

export interface DailyRateInterval {
  /** Epoch ms: the earlier figure (or the basis start) and the later figure. */
  from: number;
  to: number;
  fromAsOf: string;
  toAsOf: string;
  /** The first interval starts at the basis start, where the count is 0 by definition. */
  startsAtBasis: boolean;
  fromValue: number;
  toValue: number;
  change: number;
  elapsedDays: number;
  /** change / elapsedDays: people per 24 h of elapsed time. Not rounded. */
  perDay: number;
  /** A downward correction: the later figure is lower than the earlier one. */
  correction: boolean;
  /** Either end is a provisional figure. */
  provisional: boolean;
  /** The later figure, whose source the rate rests on. */
  figureId: number;
  source: ChartSource;
}

/** A step of the chart: a rate from `t` on; the last row only closes the last interval. */
export interface DailyChartRow {
  t: number;
  perDay: number;
  interval: DailyRateInterval;
  closesInterval: boolean;
}

export interface DailyChartData {
  timeZone: string;
  groupName: string;
  intervals: DailyRateInterval[];
  rows: DailyChartRow[];
  corrections: DailyRateInterval[];
  requiredPacePerDay: number | null;
  observedPacePerDay: number | null;
  timeAxis: TimeAxis;
  valueAxis: ValueAxis;
}

export function buildDailyChartData(dashboard: OperationDashboard): DailyChartData {
  const { operation, target } = dashboard;
  const assessment = dashboard.feasibility?.againstHigh ?? null;
  const basisStart = Date.parse(dashboard.latestFigure?.basisStart ?? operation.startsAt);
  const deadline = Date.parse(assessment?.deadline ?? target?.deadline ?? operation.deadline);
  const intervals = dailyRateIntervals(dashboard.series, basisStart);
  const requiredPacePerDay = assessment?.requiredPacePerDay ?? null;
  const rates = intervals.map((interval) => interval.perDay);

  return {
    timeZone: operation.timeZone,
    groupName: dashboard.group.name,
    intervals,
    rows: stepRows(intervals),
    corrections: intervals.filter((interval) => interval.correction),
    requiredPacePerDay,
    observedPacePerDay: assessment?.observedPace.wholeOperation?.perDay ?? null,
    // The same span as the cumulative chart, so the two line up one above the other.
    timeAxis: operationTimeAxis({
      start: basisStart,
      deadline,
      alsoShow: [
        ...dashboard.series.map((figure) => Date.parse(figure.asOf)),
        ...dashboard.events.map((event) => Date.parse(event.occurredAt ?? event.reportedAt)),
        ...dashboard.statements.map((statement) => Date.parse(statement.saidAt)),
      ],
      timeZone: operation.timeZone,
    }),
    valueAxis: niceValueAxis(Math.min(0, ...rates), Math.max(0, requiredPacePerDay ?? 0, ...rates)),
  };
}

/**
 * The intervals between consecutive figures of one cumulative series, the first from the basis
 * start. Figures before the basis start are on another basis and are left out; of two figures at
 * one instant the larger is kept, as the feasibility arithmetic does.
 */
export function dailyRateIntervals(series: readonly FigureDto[], basisStart: number): DailyRateInterval[] {
  const figures = [...series]
    .map((figure) => ({ figure, t: Date.parse(figure.asOf) }))
    .filter(({ t }) => t >= basisStart)
    .sort((a, b) => a.t - b.t || a.figure.value - b.figure.value)
    .filter((entry, index, all) => all[index + 1]?.t !== entry.t);

  const intervals: DailyRateInterval[] = [];
  let previous = {
    t: basisStart,
    asOf: new Date(basisStart).toISOString(),
    value: 0,
    provisional: false,
    isBasisStart: true,
  };
  for (const { figure, t } of figures) {
    if (t > previous.t) {
      const change = figure.value - previous.value;
      const elapsedDays = (t - previous.t) / MS_PER_DAY;
      intervals.push({
        from: previous.t,
        to: t,
        fromAsOf: previous.asOf,
        toAsOf: figure.asOf,
        startsAtBasis: previous.isBasisStart,
        fromValue: previous.value,
        toValue: figure.value,
        change,
        elapsedDays,
        perDay: (change * MS_PER_DAY) / (t - previous.t),
        correction: change < 0,
        provisional: previous.provisional || figure.provisional,
        figureId: figure.id,
        source: chartSourceOf(figure.source),
      });
    }
    previous = { t, asOf: figure.asOf, value: figure.value, provisional: figure.provisional, isBasisStart: false };
  }
  return intervals;
}

function stepRows(intervals: readonly DailyRateInterval[]): DailyChartRow[] {
  const rows = intervals.map((interval) => ({ t: interval.from, perDay: interval.perDay, interval, closesInterval: false }));
  const last = intervals.at(-1);
  // A step drawn "after" each row needs a row at the end of the last interval to have a width.
  if (last) rows.push({ t: last.to, perDay: last.perDay, interval: last, closesInterval: true });
  return rows;
}
