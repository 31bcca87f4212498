// ISO 8601 instants written in the operation's own time zone, "2021-08-22T00:00:00+04:30": a reader
// sees the local day a figure was counted on, and a program still gets the exact instant.
//
// Nothing but Intl, like lib/feasibility/zoned-day.ts. An export writes up to five instants a row,
// a million rows at a time, and one Intl call costs microseconds, so offsets are cached per zone and
// UTC hour. An hour is cached only when the offset at its first and last millisecond agree; an
// hour holding a transition (a DST change) is computed exactly, instant by instant.

const HOUR_MS = 3_600_000;
/** Past this many cached hours (over 11 years), a zone's cache starts afresh: memory stays flat. */
const MAX_CACHED_HOURS = 100_000;
/** Marks an hour whose offset changes within it. */
const MIXED_HOUR = Number.NaN;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetsByZone = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone: the database holds only zones that were valid.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset in ms at `instant` (local wall clock minus UTC), exactly, from Intl. */
function computeOffset(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const field = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  let beforeCommonEra = false;
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    if (part.type === 'era') beforeCommonEra = part.value === 'BC';
    else if (Object.hasOwn(field, part.type)) field[part.type as keyof typeof field] = Number(part.value);
  }
  const local = new Date(0);
  local.setUTCFullYear(beforeCommonEra ? 1 - field.year : field.year, field.month - 1, field.day);
  local.setUTCHours(field.hour, field.minute, field.second, 0);
  return local.getTime() - wholeSecond;
}

/** The zone's UTC offset in ms at `instant`, through the per-hour cache. */
export function offsetAt(instant: number, timeZone: string): number {
  let cache = offsetsByZone.get(timeZone);
  if (!cache || cache.size >= MAX_CACHED_HOURS) {
    cache = new Map();
    offsetsByZone.set(timeZone, cache);
  }
  const hour = Math.floor(instant / HOUR_MS);
  let offset = cache.get(hour);
  if (offset === undefined) {
    const first = computeOffset(hour * HOUR_MS, timeZone);
    const last = computeOffset(hour * HOUR_MS + HOUR_MS - 1, timeZone);
    offset = first === last ? first : MIXED_HOUR;
    cache.set(hour, offset);
  }
  return Number.isNaN(offset) ? computeOffset(instant, timeZone) : offset;
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const dayTexts = new Map<number, string>();
const offsetTexts = new Map<number, string>();

/** "2021-08-22" for a day number (days since 1970-01-01), cached: rows of one export share days. */
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= MAX_CACHED_HOURS) dayTexts.clear();
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
