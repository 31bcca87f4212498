// Dates and times as editors type them (lib/validation/zoned-instant.ts): a date, or a date and
// time with optional seconds, milliseconds and offset; with the parts, so a test can work out the
// instant on its own. And the near misses the schema must refuse.
import fc from 'fast-check';
import type { Field } from './fields';
import { padding } from './text';

export interface TypedInstant {
  text: string;
  year: number;
  month: number;
  day: number;
  /** Absent for a bare date. */
  time?: { hour: number; minute: number; second: number; millisecond: number };
  /** Minutes east of UTC; absent when the text has no offset (read in the operation's zone). */
  offsetMinutes?: number;
}

const two = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const date = fc
  .record({ year: fc.oneof(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1000, max: 9998 })), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) => fc.integer({ min: 1, max: daysIn(year, month) }).map((day) => ({ year, month, day })));

const time = fc.record({
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  millisecond: fc.integer({ min: 0, max: 999 }),
  /** How much of the clock is written: HH:MM, HH:MM:SS, or with 1 to 3 fraction digits. */
  precision: fc.constantFrom('minute', 'second', 1, 2, 3),
  separator: fc.constantFrom('T', ' '),
});

const offset = fc.oneof(
  fc.constant(0).map((minutes) => ({ minutes, text: 'Z' })),
  fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }).map((minutes) => ({
    minutes,
    text: `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`,
  })),
);

export const typedInstant: fc.Arbitrary<TypedInstant> = fc
  .tuple(date, fc.option(time, { nil: undefined }), fc.option(offset, { nil: undefined }))
  .map(([{ year, month, day }, clock, zone]) => {
    const dayText = `${year}-${two(month)}-${two(day)}`;
    if (!clock) return { text: dayText, year, month, day };
    const { precision, separator } = clock;
    let millisecond = 0;
    let text = `${dayText}${separator}${two(clock.hour)}:${two(clock.minute)}`;
    if (precision !== 'minute') text += `:${two(clock.second)}`;
    if (typeof precision === 'number') {
      const digits = String(clock.millisecond).padStart(3, '0').slice(0, precision);
      text += `.${digits}`;
      millisecond = Number(digits.padEnd(3, '0'));
    }
    const second = precision === 'minute' ? 0 : clock.second;
    const parsed: TypedInstant = { text, year, month, day, time: { hour: clock.hour, minute: clock.minute, second, millisecond } };
    return zone ? { ...parsed, text: `${text}${zone.text}`, offsetMinutes: zone.minutes } : parsed;
  });

export const zonedInstant: fc.Arbitrary<Field<string>> = fc
  .tuple(padding, typedInstant, padding)
  .map(([before, { text }, after]) => ({ raw: `${before}${text}${after}`, value: text }));

export const optionalZonedInstant = fc.oneof(
  zonedInstant,
  fc.constantFrom<Field<undefined>>({ raw: undefined, value: undefined }, { raw: '', value: undefined }, { raw: ' ', value: undefined }),
);

export const invalidZonedInstant = fc.oneof(
  fc.constantFrom(
    '2021-02-30', '2021-13-01', '2021-00-10', '2021-08-32', '2023-02-29', '2021-8-22', '21-08-22', '2021/08/22', '22/08/2021',
    '2021-08-22T24:00', '2021-08-22T10:60', '2021-08-22T10:00:60', '2021-08-22T10', '2021-08-22T10:00:00.1234',
    '2021-08-22T10:00+24:00', '2021-08-22T10:00+05:60', '2021-08-22T10:00-99:99', '2021-08-22T10:00+0430', '2021-08-22T10:00 +04:30',
    '0000-01-01', '0999-12-31', '9999-12-31', '9999-12-31T23:00Z', 'yesterday', '2021-08-22Z', '+002021-08-22',
  ),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
);
