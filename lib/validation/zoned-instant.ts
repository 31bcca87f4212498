// Dates and times as editors type them. A value with an offset or Z is an exact instant; a date,
// or a date and time without an offset, is read in the operation's time zone (the form shows
// which), because that is how the figures are reported: "as of 22 August" means Kabul's 22nd.
import { z } from 'zod';
import { endOfDayInZone, startOfDayInZone } from '../feasibility/zoned-day';
import { offsetAt } from '../time-zone-offset';

const PATTERN =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

function isRealDateTime(value: string): boolean {
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [, date, hour, minute, second, , , offsetHours, offsetMinutes] = match;
  if (Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return false;
  // "+24:00" or "+05:99" names no instant (Date.parse gives NaN): a typo, not a time zone.
  if (Number(offsetHours ?? 0) > 23 || Number(offsetMinutes ?? 0) > 59) return false;
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

/**
 * Four-digit years whose next day is still a four-digit year, as for the CSV export's dates: a
 * deadline is the start of the next day, and PostgreSQL has no year 0.
 */
const [FIRST_DAY, LAST_DAY] = ['1000-01-01', '9998-12-31'];
const inRange = (value: string) => value.slice(0, 10) >= FIRST_DAY && value.slice(0, 10) <= LAST_DAY;

const MESSAGE = 'must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)';
const RANGE_MESSAGE = `must be between ${FIRST_DAY} and ${LAST_DAY}`;

const instantText = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : MESSAGE) })
  .refine(isRealDateTime, { message: MESSAGE, abort: true })
  .refine(inRange, RANGE_MESSAGE)
  .meta({
    description: 'YYYY-MM-DD or YYYY-MM-DDTHH:MM in the operation’s time zone, or with its own offset (Z, +04:30)',
    example: '2021-08-22',
  });

const trimBlank = (value: unknown) =>
  typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value;

export const zonedInstant = z.preprocess(trimBlank, instantText);
export const optionalZonedInstant = z.preprocess(trimBlank, instantText.optional());

/**
 * The instant a typed value means in `timeZone`. A bare date is the start of that day, or with
 * `dateMeans: 'end'` (deadlines: "by 31 August") the end of it.
 */
export function resolveInstant(value: string, timeZone: string, dateMeans: 'start' | 'end' = 'start'): Date {
  const match = PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a date: ${value}`);
  const [, date, hour, minute, second, fraction, offset] = match;
  if (hour === undefined) {
    return dateMeans === 'end' ? endOfDayInZone(date!, timeZone) : startOfDayInZone(date!, timeZone);
  }
  // Milliseconds are kept (the CSV export writes them when an instant has some, and an import must
  // read back the same instant); written out to three digits, the form Date.parse is sure to read.
  const clock = `${hour}:${minute}:${second ?? '00'}${fraction ? fraction.padEnd(4, '0') : ''}`;
  const local = Date.parse(`${date}T${clock}Z`);
  if (offset) return new Date(offset === 'Z' ? local : Date.parse(`${date}T${clock}${offset}`));
  // Local wall time: subtract the zone's offset at (about) that moment, then check again.
  const guess = local - offsetAt(local, timeZone);
  return new Date(local - offsetAt(guess, timeZone));
}
