// Input and result shapes of the feasibility arithmetic. The conventions behind every field are
// documented once, at the top of lib/feasibility.ts.

/** One published cumulative figure: `value` people evacuated between the basis start and `asOf`. */
export interface CumulativeFigure {
  asOf: Date;
  /** A head count: a non-negative integer. */
  value: number;
}

export interface FeasibilityInput {
  /** Cumulative figures on ONE basis (all counted from `basisStart`), any order. */
  figures: readonly CumulativeFigure[];
  /** The instant the count was 0 ("since August 14" = start of Aug 14 in the operation's zone). */
  basisStart: Date;
  /** People to evacuate: a non-negative integer. */
  goal: number;
  /** When the goal must be met by: the end of the deadline day in the operation's zone. */
  deadline: Date;
  /** The view instant: later figures are ignored, so a past view shows what was knowable. */
  asOf: Date;
  /** Length of the recent-pace window; defaults to 2 days. */
  recentWindowDays?: number;
}

/** A goal stated as a range ("50,000 to 60,000"); equal ends for a single number. */
export interface RangeFeasibilityInput extends Omit<FeasibilityInput, 'goal'> {
  goalLow: number;
  goalHigh: number;
}

/** A pace actually achieved between two figures, and where it leads if it holds. */
export interface ObservedPace {
  /** People per 24 h of elapsed time; negative after a downward correction. Not rounded. */
  perDay: number;
  /** The earlier end of the measurement: a figure's instant, or the basis start (count 0). */
  measuredFrom: Date;
  /** The later end of the measurement: always the assessment's `evaluatedAt`. */
  measuredTo: Date;
  /**
   * Total at the deadline if this pace holds, rounded down to whole people. A negative pace does
   * not un-evacuate anyone: the projection never falls below the current count.
   */
  projectedTotalAtDeadline: number;
  /**
   * When the goal is reached at this pace (rounded up to the millisecond, so the goal really is
   * reached then); `evaluatedAt` if it already is; null if never (pace 0 or negative).
   */
  goalReachedAt: Date | null;
}

export type FeasibilityVerdict =
  /** No figure at or before the view instant. */
  | 'no-data'
  /** Figures exist but none lies after the basis start, so no pace can be measured. */
  | 'no-pace'
  | 'goal-met'
  /** No time left and the goal not met. */
  | 'deadline-passed'
  /** Every available pace reaches the goal by the deadline. */
  | 'on-track'
  /** No available pace reaches the goal by the deadline. */
  | 'off-track'
  /** The whole-operation and recent paces disagree. */
  | 'mixed';

export interface FeasibilityAssessment {
  goal: number;
  deadline: Date;
  /** Instant of the latest figure at or before the view instant; the basis start if none. */
  evaluatedAt: Date;
  /** Value of that figure; 0 if none. */
  evacuated: number;
  /** max(0, goal - evacuated). */
  remaining: number;
  /** max(0, deadline - evaluatedAt) in 24 h days: from the figure, not from the view instant. */
  timeLeftDays: number;
  /** remaining / timeLeftDays; 0 when nothing remains; null when time is up with people left. */
  requiredPacePerDay: number | null;
  observedPace: {
    /** Since the basis start: evacuated / elapsed. Null when no time has elapsed or no figures. */
    wholeOperation: ObservedPace | null;
    /** Over the last `recentWindowDays` (see lib/feasibility.ts for how the baseline is chosen). */
    recentWindow: ObservedPace | null;
  };
  recentWindowDays: number;
  /** goal - whole-operation projection, at least 0; null without a whole-operation pace. */
  shortfallAtWholeOperationPace: number | null;
  /**
   * requiredPacePerDay / whole-operation pace: above 1 means the pace must rise. Null when either
   * is null or the observed pace is not positive (the ratio would be infinite or meaningless).
   */
  requiredToObservedPaceRatio: number | null;
  verdict: FeasibilityVerdict;
}

export interface RangeFeasibilityAssessment {
  goalLow: number;
  goalHigh: number;
  againstLow: FeasibilityAssessment;
  againstHigh: FeasibilityAssessment;
}
