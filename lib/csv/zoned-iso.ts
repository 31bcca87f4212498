// ISO 8601 instants written in the operation's own time zone, "2021-08-22T00:00:00+04:30": a reader
// sees the local day a figure was counted on, and a program still gets the exact instant.
//
// Nothing but Intl, like lib/feasibility/zoned-day.ts; offsets come from the shared, cached
// lib/time-zone-offset.ts, since an export writes up to five instants a row, a million rows at a time.
import { offsetAt } from '../time-zone-offset';

export { offsetAt };

/** Past this many cached days, the day-text cache starts afresh: memory stays flat. */
const MAX_CACHED_DAYS = 100_000;
const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const dayTexts = new Map<number, string>();
const offsetTexts = new Map<number, string>();

/** "2021-08-22" for a day number (days since 1970-01-01), cached: rows of one export share days. */
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= MAX_CACHED_DAYS) dayTexts.clear();
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}

/** "+04:30", "-03:00", "+00:00" for a whole-minute offset. */
function offsetText(offsetMs: number): string {
  let text = offsetTexts.get(offsetMs);
  if (text === undefined) {
    const minutes = Math.abs(offsetMs) / 60_000;
    text = `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${TWO_DIGITS[minutes % 60]}`;
    offsetTexts.set(offsetMs, text);
  }
  return text;
}

/**
 * `instant` as local date and time in `timeZone` with the zone's offset, to the second, with
 * milliseconds only when there are some: 2021-08-22T00:00:00+04:30, 2021-08-22T09:15:30.250+04:30.
 * Offsets with seconds (local mean time before about 1900) cannot be written as ±hh:mm; those
 * instants are written in UTC, "…Z", which is just as exact. `instant` is a Date or epoch
 * milliseconds. Built by hand from cached parts: Date#toISOString per instant was the slowest step
 * of a million-row export.
 */
export function formatInstantInZone(instant: Date | number, timeZone: string): string {
  const time = typeof instant === 'number' ? instant : instant.getTime();
  const offset = offsetAt(time, timeZone);
  const whole = offset % 60_000 === 0;
  const local = whole ? time + offset : time;
  const day = Math.floor(local / DAY_MS);
  const inDay = local - day * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  const milliseconds = inDay - seconds * 1000;
  const clock = `${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
  const fraction = milliseconds === 0 ? '' : `.${String(milliseconds).padStart(3, '0')}`;
  return `${dayText(day)}T${clock}${fraction}${whole ? offsetText(offset) : 'Z'}`;
}

export function formatInstantOrNull(instant: Date | number | null, timeZone: string): string | null {
  return instant === null ? null : formatInstantInZone(instant, timeZone);
}
