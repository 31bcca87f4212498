// The numbers behind each chart's one-paragraph text summary: what a reader who cannot see the
// chart needs from it. The sentences themselves live in the message catalogue (Charts.summary).

import type { CumulativeChartData } from './cumulative-chart-data';
import type { DailyChartData, DailyRateInterval } from './daily-chart-data';

/** Where the projection lands against the goal: above its high end, inside a range, or short. */
export type ProjectionOutcome = 'reaches-goal' | 'within-range' | 'short-of-goal';

export interface CumulativeChartSummary {
  groupName: string;
  figureCount: number;
  provisionalCount: number;
  basisStart: number;
  first: { value: number; t: number } | null;
  latest: { value: number; t: number; provisional: boolean } | null;
  goal: { low: number; high: number; isRange: boolean } | null;
  /** Epoch ms within the deadline's last day (the day to name). */
  deadlineLastDay: number;
  projection: {
    total: number;
    perDay: number;
    outcome: ProjectionOutcome;
    /** Short of the high end of the goal; 0 when the projection reaches it. */
    shortfall: number;
  } | null;
  requiredPacePerDay: number | null;
  eventCount: number;
  statementCount: number;
}

export function summariseCumulativeChart(data: CumulativeChartData): CumulativeChartSummary {
  const first = data.points[0];
  const latest = data.points.find((point) => point.latest) ?? data.points.at(-1);
  const { goal, projection } = data;
  return {
    groupName: data.groupName,
    figureCount: data.points.length,
    provisionalCount: data.points.filter((point) => point.provisional).length,
    basisStart: data.basisStart,
    first: first ? { value: first.value, t: first.t } : null,
    latest: latest ? { value: latest.value, t: latest.t, provisional: latest.provisional } : null,
    goal: goal ? { low: goal.low, high: goal.high, isRange: goal.isRange } : null,
    deadlineLastDay: data.deadline.lastDay,
    projection:
      projection && goal
        ? {
            total: projection.to.value,
            perDay: projection.perDay,
            outcome: projectionOutcome(projection.to.value, goal.low, goal.high),
            shortfall: Math.max(0, goal.high - projection.to.value),
          }
        : null,
    requiredPacePerDay: data.requiredPace?.perDay ?? null,
    eventCount: data.events.length,
    statementCount: data.statements.length,
  };
}

export function projectionOutcome(total: number, low: number, high: number): ProjectionOutcome {
  if (total >= high) return 'reaches-goal';
  return total >= low ? 'within-range' : 'short-of-goal';
}

export interface RateSummary {
  perDay: number;
  from: number;
  to: number;
}

export interface DailyChartSummary {
  groupName: string;
  intervalCount: number;
  highest: RateSummary | null;
  latest: RateSummary | null;
  correctionCount: number;
  requiredPacePerDay: number | null;
  observedPacePerDay: number | null;
  /** Whether the latest rate, if it held, would be enough: null without both numbers. */
  latestMeetsRequired: boolean | null;
}

export function summariseDailyChart(data: DailyChartData): DailyChartSummary {
  const highest = data.intervals.reduce<DailyRateInterval | null>(
    (best, interval) => (!best || interval.perDay > best.perDay ? interval : best),
    null,
  );
  const latest = data.intervals.at(-1) ?? null;
  const rate = (interval: DailyRateInterval | null): RateSummary | null =>
    interval ? { perDay: interval.perDay, from: interval.from, to: interval.to } : null;
  return {
    groupName: data.groupName,
    intervalCount: data.intervals.length,
    highest: rate(highest),
    latest: rate(latest),
    correctionCount: data.corrections.length,
    requiredPacePerDay: data.requiredPacePerDay,
    observedPacePerDay: data.observedPacePerDay,
    latestMeetsRequired:
      latest && data.requiredPacePerDay !== null ? latest.perDay >= data.requiredPacePerDay : null,
  };
}
