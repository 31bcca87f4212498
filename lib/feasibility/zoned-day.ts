// Maps a date-only figure or deadline ("as of August 22", "by August 31") to an absolute instant in
// the operation's time zone, with nothing but Intl: the runtime's time zone data is enough, and a
// date library would be one more thing to keep in step with it.
import { offsetAt } from '../time-zone-offset';

/** One day of elapsed time. Paces use this, never calendar days, so DST cannot bend them. */
export const MS_PER_DAY = 86_400_000;

/** Elapsed time between two instants in 24 h days (negative if `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_DAY;
}

/**
 * The first instant of `date` ('YYYY-MM-DD') in `timeZone`: local midnight, or, where the clocks
 * skip midnight (America/Santiago on a DST start), the instant the day actually begins. Where
 * midnight occurs twice, the earlier one.
 */
export function startOfDayInZone(date: string, timeZone: string): Date {
  const localMidnight = parseIsoDate(date);
  const offsetBefore = offsetAt(localMidnight - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(localMidnight + MS_PER_DAY, timeZone);
  // A day's midnight sees at most one transition near it, so it has the offset of the day before
  // or of the day after; keep the readings that really show 00:00 on that date.
  const readings = [localMidnight - offsetBefore, localMidnight - offsetAfter].filter(
    (instant) => offsetAt(instant, timeZone) === localMidnight - instant,
  );
  if (readings.length > 0) return new Date(Math.min(...readings));
  const [skipFrom, skipTo] = [localMidnight - offsetAfter, localMidnight - offsetBefore];
  return new Date(transitionBetween(skipFrom, skipTo, timeZone));
}

/**
 * The end of `date` in `timeZone`, as the exclusive instant the next day starts: "by August 31"
 * in Kabul is 2021-09-01T00:00+04:30, so the whole of August 31 counts.
 */
export function endOfDayInZone(date: string, timeZone: string): Date {
  const next = new Date(parseIsoDate(date) + MS_PER_DAY);
  return startOfDayInZone(next.toISOString().slice(0, 10), timeZone);
}

/** UTC-midnight epoch ms of a strict 'YYYY-MM-DD' calendar date; throws on anything else. */
function parseIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = utcFromFields(year, month, day, 0, 0, 0);
  // Date.UTC rolls 2021-02-30 over to March 2; a date that does not round-trip does not exist.
  if (new Date(instant).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`No such calendar date: "${date}"`);
  }
  return instant;
}

function utcFromFields(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  instant.setUTCFullYear(y, mo - 1, d);
  instant.setUTCHours(h, mi, s, 0);
  return instant.getTime();
}

/**
 * The first instant in (from, to] with the later offset, for a day whose midnight falls in a
 * skipped hour: that is where the day begins. Bisection over milliseconds: about 22 steps an hour.
 */
function transitionBetween(from: number, to: number, timeZone: string): number {
  const laterOffset = offsetAt(to, timeZone);
  let [earlier, later] = [from, to];
  while (later - earlier > 1) {
    const middle = Math.floor((earlier + later) / 2);
    if (offsetAt(middle, timeZone) === laterOffset) later = middle;
    else earlier = middle;
  }
  return later;
}
