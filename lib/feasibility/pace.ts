// Paces between two figures and where they lead. Projections and reach instants are computed in
// BigInt: a count times a span in milliseconds passes 2^53, and a float that lands on
// 59,999.999... instead of 60,000 would flip a verdict.

import type { ObservedPace } from './types';
import { MS_PER_DAY } from './zoned-day';

/** A figure reduced to epoch ms and a count; the basis start is the reading { at, value: 0 }. */
export interface Reading {
  at: number;
  value: number;
}

/** Ascending by instant, then by value: the larger of two same-instant figures comes last. */
export function sortReadings(readings: readonly Reading[]): Reading[] {
  return [...readings].sort((a, b) => a.at - b.at || a.value - b.value);
}

/** The latest reading at or before `instant` in an ascending list. */
export function latestAtOrBefore(
  sorted: readonly Reading[],
  instant: number,
): Reading | undefined {
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const reading = sorted[i];
    if (reading !== undefined && reading.at <= instant) return reading;
  }
  return undefined;
}

/**
 * The start of the recent window for `latest`: the latest reading at least `windowMs` older.
 * Failing that, the basis start (count 0), but only if the window reaches back to it, i.e. the
 * whole operation is recent. A basis start older than the window would only repeat the
 * whole-operation pace under a "recent" label, so there is then no recent pace.
 */
export function recentBaseline(
  sorted: readonly Reading[],
  latest: Reading,
  basisStart: number,
  windowMs: number,
): Reading | undefined {
  const windowStart = latest.at - windowMs;
  const older = latestAtOrBefore(sorted, windowStart);
  if (older) return older;
  return windowStart <= basisStart ? { at: basisStart, value: 0 } : undefined;
}

/** The pace from `from` to `to` and its outlook; null if no time separates them. */
export function paceBetween(
  from: Reading,
  to: Reading,
  goal: number,
  deadline: number,
): ObservedPace | null {
  const span = to.at - from.at;
  if (span <= 0) return null;
  const gained = to.value - from.value;
  const timeLeft = Math.max(0, deadline - to.at);
  // Whole people only, rounded down: a fraction of a person is not evacuated, and rounding up
  // could show the goal as reached at a pace that falls just short of it.
  const gainedByDeadline = gained > 0 ? floorDiv(big(gained) * big(timeLeft), big(span)) : 0;
  return {
    perDay: (gained * MS_PER_DAY) / span,
    measuredFrom: new Date(from.at),
    measuredTo: new Date(to.at),
    projectedTotalAtDeadline: to.value + gainedByDeadline,
    goalReachedAt: reachInstant(to, gained, span, goal),
  };
}

function reachInstant(latest: Reading, gained: number, span: number, goal: number): Date | null {
  if (latest.value >= goal) return new Date(latest.at);
  if (gained <= 0) return null;
  // Rounded up so the goal is met at the instant shown; this also keeps "reached by the deadline"
  // exactly equivalent to "projection at the deadline >= goal".
  const wait = ceilDiv(big(goal - latest.value) * big(span), big(gained));
  return new Date(latest.at + wait);
}

function big(integer: number): bigint {
  return BigInt(integer);
}

/** Division of non-negative BigInts, rounded down, back to a number. */
function floorDiv(numerator: bigint, denominator: bigint): number {
  return Number(numerator / denominator);
}

/** Division of non-negative BigInts, rounded up, back to a number. */
function ceilDiv(numerator: bigint, denominator: bigint): number {
  return Number((numerator + denominator - 1n) / denominator);
}
