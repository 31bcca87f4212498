// Round-number value axes. The top leaves a little headroom above the highest value, so a goal
// line never sits on the chart's top edge where it reads as the frame.

import type { ValueAxis } from './chart-types';

const NICE_MULTIPLIERS = [1, 2, 2.5, 5, 10] as const;

export interface ValueAxisOptions {
  /** Share of the value span added above (and below, when values are negative). */
  headroom?: number;
  /** The most intervals wanted between ticks before rounding outwards (which may add two). */
  maxIntervals?: number;
}

/**
 * An axis from min(0, lowest) to at least `highest` (plus headroom), both ends on a multiple of
 * a step of 1, 2, 2.5 or 5 times a power of ten. Steps are never below 1: these are head counts.
 */
export function niceValueAxis(
  lowest: number,
  highest: number,
  { headroom = 0.05, maxIntervals = 8 }: ValueAxisOptions = {},
): ValueAxis {
  const bottom = Math.min(0, lowest);
  const top = Math.max(0, highest);
  const span = top - bottom;
  const paddedTop = top + span * headroom || 1;
  const paddedBottom = bottom < 0 ? bottom - span * headroom : 0;
  const step = niceStep((paddedTop - paddedBottom) / maxIntervals);
  const min = Math.floor(paddedBottom / step) * step;
  const max = Math.ceil(paddedTop / step) * step;
  const ticks: number[] = [];
  // Ticks are computed by multiplication, not repeated addition, so 2.5 steps do not drift.
  for (let i = 0; min + i * step <= max; i += 1) ticks.push(min + i * step);
  return { min, max, ticks };
}

function niceStep(rawStep: number): number {
  if (!(rawStep > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const multiplier = NICE_MULTIPLIERS.find((candidate) => candidate * magnitude >= rawStep) ?? 10;
  return multiplier * magnitude;
}
