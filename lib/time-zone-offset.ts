// A time zone's UTC offset at an instant, with nothing but Intl (the runtime's zone data is
// enough). Exact to the second; cached per zone and UTC hour because an export asks for millions.
// An hour is cached only when the offset at its first and last millisecond agree; an hour holding
// a transition (a DST change) is computed instant by instant.

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
