// Feasibility arithmetic: can an evacuation still meet its goal by its deadline?
//
// Pure and deterministic: no I/O, no clock (the caller passes the view instant), no app imports,
// so the page, the API and the tests all get the same numbers from the same figures.
//
// Conventions
// - Instants are absolute (Date, epoch ms). Time zones matter only when a date-only statement is
//   turned into an instant, which the CALLER does with the helpers below:
//     * a figure reported on a date without a time is as of the START of that day in the
//       operation's zone (startOfDayInZone): it counts the full days before it. "25,100 as of
//       August 22" in Kabul is 2021-08-22T00:00+04:30 = 2021-08-21T19:30Z;
//     * a basis ("since August 14") is likewise the start of that day;
//     * a deadline date is the END of that day (endOfDayInZone), i.e. the start of the next:
//       "by August 31" in Kabul is 2021-09-01T00:00+04:30 = 2021-08-31T19:30Z.
// - A day is exactly 86,400,000 ms of elapsed time (MS_PER_DAY), never a calendar day, so a pace
//   measured across a DST change is not inflated or deflated by the 23 or 25 hour day.
// - Figures are one cumulative series on one basis: each value counts everyone evacuated from
//   basisStart to its asOf. Input order does not matter. Two figures at the same instant: the
//   larger is used (a deterministic choice; the caller should pass one basis, one figure a time).
//   A downward correction is taken at its word: the latest figure is the count.
// - The assessment is made at `evaluatedAt`, the latest figure at or before the view instant
//   `asOf`; time left is counted from there, because that is where the known count stands.
// - Whole-operation pace = evacuated / (evaluatedAt - basisStart). Recent pace = change since the
//   latest figure at least `recentWindowDays` older than evaluatedAt, over the time between them
//   (so it may span more than the window when figures are sparse); if no figure is that old, the
//   basis start (count 0) stands in only when the window reaches back past it; otherwise null.
// - Rates and ratios are not rounded. Counts are integers: projections are rounded DOWN (a
//   fraction of a person is not evacuated, and rounding up could claim a goal a pace misses);
//   reach instants are rounded UP to the millisecond, so "reached by the deadline" holds exactly
//   when the projection at the deadline is at least the goal.
// - A negative pace is reported as is, but never reaches the goal, and its projection stays at the
//   current count: evacuated people are not un-evacuated.

export {
  assessAgainstRange,
  assessFeasibility,
  DEFAULT_RECENT_WINDOW_DAYS,
} from './feasibility/assess';
export type {
  CumulativeFigure,
  FeasibilityAssessment,
  FeasibilityInput,
  FeasibilityVerdict,
  ObservedPace,
  RangeFeasibilityAssessment,
  RangeFeasibilityInput,
} from './feasibility/types';
export { daysBetween, endOfDayInZone, MS_PER_DAY, startOfDayInZone } from './feasibility/zoned-day';
