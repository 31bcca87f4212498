// Thins a long series before it is drawn, so the page's JSON carries at most about 1,500 points
// per line whatever the length of the series: a chart a few hundred pixels wide cannot show more.
//
// Largest-triangle-three-buckets (LTTB) keeps the visual shape of a line, and always keeps the
// first and the last point. It may drop the lowest or the highest value (a spike that is not the
// widest triangle of its bucket), and a reader comparing the chart with the data table would then
// miss the extreme: those are put back.
//
// Guarantee, for a series longer than `maxPoints`:
// - the result has AT MOST `maxPoints` points (LTTB is asked for `maxPoints - 2`, leaving room
//   for the minimum and the maximum to be put back);
// - it contains the first and the last point, a point holding the minimum value and a point
//   holding the maximum value (the earliest such point, when LTTB kept none of them);
// - every point is one of the input objects (not a copy or an average), in ascending order of t.
// A series of `maxPoints` points or fewer is returned as it is (the same array).

import { createLTTB } from 'downsample';

export interface DrawingPoint {
  /** Epoch milliseconds. */
  t: number;
  value: number;
}

/** Enough for a full-width line on a wide screen, small enough for a fast page. */
export const DEFAULT_MAX_DRAWN_POINTS = 1500;

/** First, last, minimum and maximum: the fewest points the guarantee needs. */
const MIN_MAX_POINTS = 4;

export function downsampleForDrawing<P extends DrawingPoint>(
  points: readonly P[],
  maxPoints: number = DEFAULT_MAX_DRAWN_POINTS,
): readonly P[] {
  if (!Number.isSafeInteger(maxPoints) || maxPoints < MIN_MAX_POINTS) {
    throw new RangeError(`maxPoints must be an integer of at least ${MIN_MAX_POINTS}, got ${maxPoints}`);
  }
  if (points.length <= maxPoints) return points;

  const ordered = isInTimeOrder(points) ? points : [...points].sort((a, b) => a.t - b.t);
  const pointAt = (index: number) => ordered[index] as P;
  // LTTB runs over indexes, so what it keeps can be merged with the extremes by position.
  const lttb = createLTTB<number>({
    x: (index: number) => pointAt(index).t,
    y: (index: number) => pointAt(index).value,
  });
  const allIndexes = Array.from({ length: ordered.length }, (_, index) => index);
  const kept = Array.from(lttb(allIndexes, maxPoints - 2) as ArrayLike<number>);

  const keptValues = new Set(kept.map((index) => pointAt(index).value));
  const { min, max } = extremeIndexes(ordered);
  // A kept point with the same extreme value already shows it: adding its twin would not.
  const missing = [...new Set([min, max])].filter((index) => !keptValues.has(pointAt(index).value));
  const indexes = missing.length === 0 ? kept : [...kept, ...missing].sort((a, b) => a - b);
  return indexes.map(pointAt);
}

function isInTimeOrder(points: readonly DrawingPoint[]): boolean {
  for (let i = 1; i < points.length; i += 1) {
    if ((points[i] as DrawingPoint).t < (points[i - 1] as DrawingPoint).t) return false;
  }
  return true;
}

/** Index of the first point with the lowest value and of the first with the highest. */
function extremeIndexes(points: readonly DrawingPoint[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (let i = 1; i < points.length; i += 1) {
    const value = (points[i] as DrawingPoint).value;
    if (value < (points[min] as DrawingPoint).value) min = i;
    if (value > (points[max] as DrawingPoint).value) max = i;
  }
  return { min, max };
}
