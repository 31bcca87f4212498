// Everything the cumulative chart draws, shaped from the dashboard DTO: the figures on one basis,
// the goal, the deadline, where the observed pace leads, the pace the goal needs, and the events
// and statements along the way. Every number comes from the DTO (whose arithmetic comes from
// lib/feasibility), so the chart cannot disagree with the sentences around it.

import type { FigureDto, OperationDashboard } from '../data/dto';
import {
  eventMarkersOf,
  statementMarkersOf,
  type EventMarker,
  type StatementMarker,
} from './chart-annotations';
import {
  chartSourceOf,
  type ChartSource,
  type FigurePoint,
  type PaceLine,
  type TimeAxis,
  type ValueAxis,
} from './chart-types';
import { buildCumulativeRows, type CumulativeChartRow } from './cumulative-rows';
import { lastDayOfDeadline, operationTimeAxis } from './time-axis';
import { niceValueAxis } from './value-axis';

export type { CumulativeChartRow, EventMarker, FigurePoint, PaceLine, StatementMarker };

export interface GoalMarks {
  low: number;
  high: number;
  /** A range is drawn as a band between low and high; a single number as one line. */
  isRange: boolean;
  source: ChartSource;
}

export interface CumulativeChartData {
  timeZone: string;
  groupName: string;
  /** Epoch ms of the count's zero: the basis of the series, or the operation's start. */
  basisStart: number;
  points: FigurePoint[];
  /** One row per instant with anything on it, in time order: what the chart and keyboard walk. */
  rows: CumulativeChartRow[];
  goal: GoalMarks | null;
  /** The exclusive end instant (where the marker is drawn) and its last day (what it is called). */
  deadline: { t: number; lastDay: number };
  /** Whole-operation pace carried to the deadline: (evaluatedAt, evacuated) → (deadline, total). */
  projection: PaceLine | null;
  /** The pace that reaches the (high) goal exactly at the deadline. */
  requiredPace: PaceLine | null;
  events: EventMarker[];
  statements: StatementMarker[];
  timeAxis: TimeAxis;
  valueAxis: ValueAxis;
}

export function buildCumulativeChartData(dashboard: OperationDashboard): CumulativeChartData {
  const { operation, target, feasibility } = dashboard;
  // The verdict and key figures of the page read the high end of a range; so do these lines.
  const assessment = feasibility?.againstHigh ?? null;
  const basisStart = Date.parse(dashboard.latestFigure?.basisStart ?? operation.startsAt);
  const deadline = Date.parse(assessment?.deadline ?? target?.deadline ?? operation.deadline);
  const latestId = dashboard.latestFigure?.id ?? null;
  const points = figurePointsOf(dashboard.series, latestId);

  let projection: PaceLine | null = null;
  let requiredPace: PaceLine | null = null;
  if (assessment) {
    const evaluatedAt = Date.parse(assessment.evaluatedAt);
    const from = { t: evaluatedAt, value: assessment.evacuated };
    const whole = assessment.observedPace.wholeOperation;
    if (whole && evaluatedAt < deadline) {
      projection = { from, to: { t: deadline, value: whole.projectedTotalAtDeadline }, perDay: whole.perDay };
    }
    // Null when time is up; 0 when the goal is met: neither has a pace left to draw.
    if (assessment.requiredPacePerDay && evaluatedAt < deadline) {
      requiredPace = { from, to: { t: deadline, value: assessment.goal }, perDay: assessment.requiredPacePerDay };
    }
  }

  const events = eventMarkersOf(dashboard.events);
  const statements = statementMarkersOf(dashboard.statements, dashboard.series);
  const goal: GoalMarks | null = target
    ? { low: target.low, high: target.high, isRange: target.low !== target.high, source: chartSourceOf(target.source) }
    : null;

  const highest = Math.max(
    0,
    ...points.map((point) => point.value),
    ...statements.map((statement) => statement.value),
    goal?.high ?? 0,
    projection?.to.value ?? 0,
    requiredPace?.to.value ?? 0,
  );

  return {
    timeZone: operation.timeZone,
    groupName: dashboard.group.name,
    basisStart,
    points,
    rows: buildCumulativeRows({ basisStart, deadline, points, projection, requiredPace, events, statements }),
    goal,
    deadline: { t: deadline, lastDay: lastDayOfDeadline(deadline) },
    projection,
    requiredPace,
    events,
    statements,
    timeAxis: operationTimeAxis({
      start: basisStart,
      deadline,
      alsoShow: [...points, ...events, ...statements].map((mark) => mark.t),
      timeZone: operation.timeZone,
    }),
    valueAxis: niceValueAxis(0, highest),
  };
}

/**
 * Figures as the chart and its table show them. Exported for the table of a thinned series: the
 * full series, fetched separately, maps to rows the same way.
 */
export function figurePointsOf(series: readonly FigureDto[], latestFigureId: number | null): FigurePoint[] {
  return series.map((figure) => figurePointOf(figure, figure.id === latestFigureId));
}

function figurePointOf(figure: FigureDto, latest: boolean): FigurePoint {
  return {
    figureId: figure.id,
    t: Date.parse(figure.asOf),
    asOf: figure.asOf,
    value: figure.value,
    provisional: figure.provisional,
    latest,
    source: chartSourceOf(figure.source),
  };
}
