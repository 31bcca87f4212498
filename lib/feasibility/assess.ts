// Whether a goal can still be met by its deadline, from what was knowable at the view instant.

import {
  latestAtOrBefore,
  paceBetween,
  recentBaseline,
  sortReadings,
  type Reading,
} from './pace';
import type {
  FeasibilityAssessment,
  FeasibilityInput,
  FeasibilityVerdict,
  ObservedPace,
  RangeFeasibilityAssessment,
  RangeFeasibilityInput,
} from './types';
import { MS_PER_DAY } from './zoned-day';

export const DEFAULT_RECENT_WINDOW_DAYS = 2;

export function assessFeasibility(input: FeasibilityInput): FeasibilityAssessment {
  const { goal } = input;
  const recentWindowDays = input.recentWindowDays ?? DEFAULT_RECENT_WINDOW_DAYS;
  const basisStart = instantOf(input.basisStart, 'basisStart');
  const deadline = instantOf(input.deadline, 'deadline');
  const viewedAt = instantOf(input.asOf, 'asOf');
  requireCount(goal, 'goal');
  if (!(Number.isFinite(recentWindowDays) && recentWindowDays > 0)) {
    throw new RangeError(`recentWindowDays must be a positive number, got ${recentWindowDays}`);
  }
  const readings = sortReadings(input.figures.map((figure) => readingOf(figure, basisStart)));

  // Figures after the view instant are never read: the baseline below is older than `latest`.
  const latest = latestAtOrBefore(readings, viewedAt);
  const evaluatedAt = latest?.at ?? basisStart;
  const evacuated = latest?.value ?? 0;
  const remaining = Math.max(0, goal - evacuated);
  const timeLeft = Math.max(0, deadline - evaluatedAt);

  let wholeOperation: ObservedPace | null = null;
  let recentWindow: ObservedPace | null = null;
  if (latest) {
    wholeOperation = paceBetween({ at: basisStart, value: 0 }, latest, goal, deadline);
    const baseline = recentBaseline(readings, latest, basisStart, recentWindowDays * MS_PER_DAY);
    recentWindow = baseline ? paceBetween(baseline, latest, goal, deadline) : null;
  }

  const requiredPacePerDay =
    remaining === 0 ? 0 : timeLeft === 0 ? null : (remaining * MS_PER_DAY) / timeLeft;
  const wholePace = wholeOperation?.perDay;
  return {
    goal,
    deadline: new Date(deadline),
    evaluatedAt: new Date(evaluatedAt),
    evacuated,
    remaining,
    timeLeftDays: timeLeft / MS_PER_DAY,
    requiredPacePerDay,
    observedPace: { wholeOperation, recentWindow },
    recentWindowDays,
    shortfallAtWholeOperationPace: wholeOperation
      ? Math.max(0, goal - wholeOperation.projectedTotalAtDeadline)
      : null,
    requiredToObservedPaceRatio:
      requiredPacePerDay !== null && wholePace !== undefined && wholePace > 0
        ? requiredPacePerDay / wholePace
        : null,
    verdict: verdictOf(latest, evacuated, goal, timeLeft, [wholeOperation, recentWindow]),
  };
}

/** Assesses both ends of a goal range; each end reads exactly like a single-goal assessment. */
export function assessAgainstRange(input: RangeFeasibilityInput): RangeFeasibilityAssessment {
  const { goalLow, goalHigh, ...rest } = input;
  requireCount(goalLow, 'goalLow');
  requireCount(goalHigh, 'goalHigh');
  if (goalLow > goalHigh) {
    throw new RangeError(`goalLow (${goalLow}) is above goalHigh (${goalHigh})`);
  }
  return {
    goalLow,
    goalHigh,
    againstLow: assessFeasibility({ ...rest, goal: goalLow }),
    againstHigh: assessFeasibility({ ...rest, goal: goalHigh }),
  };
}

function verdictOf(
  latest: Reading | undefined,
  evacuated: number,
  goal: number,
  timeLeft: number,
  paces: readonly (ObservedPace | null)[],
): FeasibilityVerdict {
  if (!latest) return 'no-data';
  if (evacuated >= goal) return 'goal-met';
  if (timeLeft === 0) return 'deadline-passed';
  const reaches = paces
    .filter((pace): pace is ObservedPace => pace !== null)
    .map((pace) => pace.projectedTotalAtDeadline >= goal);
  if (reaches.length === 0) return 'no-pace';
  if (reaches.every(Boolean)) return 'on-track';
  if (reaches.some(Boolean)) return 'mixed';
  return 'off-track';
}

function readingOf(figure: FeasibilityInput['figures'][number], basisStart: number): Reading {
  const at = instantOf(figure.asOf, 'figure asOf');
  requireCount(figure.value, 'figure value');
  // A figure dated before its basis start is on some other basis; summing it in would be wrong.
  if (at < basisStart) {
    throw new RangeError(`A figure dated ${figure.asOf.toISOString()} precedes its basis start`);
  }
  return { at, value: figure.value };
}

function instantOf(date: Date, name: string): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`${name} is an invalid Date`);
  return instant;
}

function requireCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
