// What the two charts share in look: the colour of each kind of mark (CSS variables defined in
// charts.css, for light and dark mode) and the props of their time and value axes.

import type { TimeAxis, ValueAxis } from '@/lib/chart-data/chart-types';
import type { ChartFormat } from './use-chart-format';

export const CHART_COLOR = {
  figure: 'var(--chart-figure)',
  projection: 'var(--chart-projection)',
  required: 'var(--chart-required)',
  goal: 'var(--chart-goal)',
  deadline: 'var(--chart-deadline)',
  statement: 'var(--chart-statement)',
  event: 'var(--chart-event)',
  correction: 'var(--chart-correction)',
  axis: 'var(--chart-axis)',
  grid: 'var(--chart-grid)',
} as const;

const TICK = { fill: 'var(--fg)', fontSize: 12 } as const;

/** A numeric time axis in the operation's zone, ticking at local midnights (thinned to fit). */
export function timeAxisProps(axis: TimeAxis, format: ChartFormat) {
  return {
    dataKey: 't',
    type: 'number',
    scale: 'time',
    domain: axis.domain,
    ticks: axis.ticks,
    tickFormatter: format.tick,
    minTickGap: 12,
    interval: 'preserveStartEnd',
    stroke: CHART_COLOR.axis,
    tick: TICK,
  } as const;
}

export function valueAxisProps(axis: ValueAxis, format: ChartFormat) {
  return {
    type: 'number',
    domain: [axis.min, axis.max],
    ticks: axis.ticks,
    tickFormatter: format.count,
    width: 'auto',
    stroke: CHART_COLOR.axis,
    tick: TICK,
  } as const;
}

/** Recharts' tooltip, drawn by our own content: no animation, a dashed cursor. */
export const TOOLTIP_PROPS = {
  cursor: { stroke: CHART_COLOR.axis, strokeDasharray: '3 3' },
  isAnimationActive: false,
} as const;
