// Reading `timestamptz` values as the export query returns them, quickly, as epoch milliseconds:
// for the reference writer's path (tests/support/reference-figure-export.ts), which reads the
// export query's raw rows; the export itself has PostgreSQL format them (./export-copy).
// pg's default parser (postgres-date) handles every text form PostgreSQL can produce, with regular
// expressions, and builds a Date, whose constructor Next.js wraps on the server: together the
// second slowest step of a million-row export. The export sets its session time zone to UTC, so
// every value arrives as "YYYY-MM-DD HH:MM:SS[.ffffff]+00"; that form is read digit by digit,
// anything else (years before 100 or past 9999, BC dates, another zone) goes to pg's own parser.
import pg from 'pg';

const TIMESTAMPTZ_OID = 1184;
const UTC_FORM = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+00$/;

const pgParser = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date | number;
const fallback = (text: string): number => {
  const parsed = pgParser(text);
  return typeof parsed === 'number' ? parsed : parsed.getTime();
};

/** The number written by the digits of `text` from `from` to `to` (exclusive). */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at += 1) value = value * 10 + text.charCodeAt(at) - 48;
  return value;
}

/** A timestamptz in PostgreSQL's ISO output with the session in UTC, as epoch milliseconds. */
export function parseUtcTimestamptz(text: string): number {
  const year = digits(text, 0, 4);
  // Date.UTC reads years 0-99 as 1900-1999: those few go to pg's parser too.
  if (year < 100 || !UTC_FORM.test(text)) return fallback(text);
  // Digits after the third decimal (microseconds) are dropped, as pg's own parser does.
  const decimals = Math.min(text.length - 23, 3);
  const fraction = decimals > 0 ? digits(text, 20, 20 + decimals) * 10 ** (3 - decimals) : 0;
  const [month, day] = [digits(text, 5, 7) - 1, digits(text, 8, 10)];
  const [hour, minute, second] = [digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)];
  return Date.UTC(year, month, day, hour, minute, second, fraction);
}

/** Type parsers for the export query: the fast timestamptz reader, pg's defaults for the rest. */
export const exportTypeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (oid === TIMESTAMPTZ_OID && format !== 'binary') return parseUtcTimestamptz;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};
