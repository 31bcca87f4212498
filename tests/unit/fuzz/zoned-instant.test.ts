// Property-based tests of typed dates and times: every text the schema accepts names one real
// instant, the one worked out here from its parts; bare dates cover whole days; near misses
// (an offset of +24:00, a year the deadline arithmetic cannot reach) are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstantInZone } from '@/lib/csv/zoned-iso';
import { resolveInstant, zonedInstant } from '@/lib/validation/zoned-instant';
import { fuzzParameters } from '../../support/fuzz/config';
import { invalidZonedInstant, typedInstant, type TypedInstant } from '../../support/fuzz/dates';

/** Zones with a fixed offset since 1946 (Kabul +04:30, Kathmandu +05:45 since 1986). */
const FIXED = [
  { zone: 'UTC', offsetMinutes: 0, from: 1000 },
  { zone: 'Asia/Kabul', offsetMinutes: 270, from: 1946 },
  { zone: 'Asia/Kathmandu', offsetMinutes: 345, from: 1987 },
];
const WITH_DST = ['America/New_York', 'Europe/Dublin', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];

/** UTC milliseconds of the typed wall-clock parts, as if the text were in UTC. */
function wallClockAsUtc({ year, month, day, time }: TypedInstant): number {
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(time?.hour ?? 0, time?.minute ?? 0, time?.second ?? 0, time?.millisecond ?? 0);
  return instant.getTime();
}

describe('zoned instants', () => {
  it('accepts every well-formed date and time, with or without an offset', () => {
    fc.assert(fc.property(typedInstant, ({ text }) => {
      expect(zonedInstant.safeParse(text).success).toBe(true);
    }), fuzzParameters());
  });

  it('reads a text with an offset as exactly that instant, in any zone', () => {
    const withOffset = typedInstant.filter((typed) => typed.offsetMinutes !== undefined);
    fc.assert(
      fc.property(withOffset, fc.constantFrom(...WITH_DST, 'Asia/Kabul'), (typed, zone) => {
        const expected = wallClockAsUtc(typed) - typed.offsetMinutes! * 60_000;
        expect(resolveInstant(typed.text, zone).getTime()).toBe(expected);
      }),
      fuzzParameters(),
    );
  });

  it('reads a text without an offset as wall-clock time in a fixed-offset zone', () => {
    const local = typedInstant.filter((typed) => typed.offsetMinutes === undefined);
    fc.assert(
      fc.property(local, fc.constantFrom(...FIXED), (typed, { zone, offsetMinutes, from }) => {
        fc.pre(typed.year >= from);
        expect(resolveInstant(typed.text, zone).getTime()).toBe(wallClockAsUtc(typed) - offsetMinutes * 60_000);
      }),
      fuzzParameters(),
    );
  });

  it('gives a real instant for every accepted text in zones with daylight saving, and keeps its wall time unless the clocks skipped it', () => {
    fc.assert(
      fc.property(typedInstant, fc.constantFrom(...WITH_DST), fc.constantFrom<'start' | 'end'>('start', 'end'), (typed, zone, dateMeans) => {
        const instant = resolveInstant(typed.text, zone, dateMeans).getTime();
        expect(Number.isFinite(instant)).toBe(true);
        if (typed.time && typed.offsetMinutes === undefined) {
          const written = formatInstantInZone(instant, zone);
          // An hour lost to a DST change (or a zone changing its offset) has no such wall time.
          const nearby = Math.abs(Date.parse(`${written.slice(0, 19)}Z`) - wallClockAsUtc(typed)) <= 3 * 3_600_000;
          expect(nearby).toBe(true);
        }
      }),
      fuzzParameters(),
    );
  });

  it('reads a bare date as a whole day: the end (for deadlines) is the next day’s start', () => {
    const bareDate = typedInstant.filter((typed) => typed.time === undefined);
    fc.assert(
      fc.property(bareDate, fc.constantFrom(...WITH_DST, 'Asia/Kabul', 'UTC'), (typed, zone) => {
        const start = resolveInstant(typed.text, zone).getTime();
        const end = resolveInstant(typed.text, zone, 'end').getTime();
        // 23 to 25 hours, or less where a zone skipped part of a day (Samoa skipped a whole one).
        expect(end - start).toBeGreaterThan(0);
        expect(end - start).toBeLessThanOrEqual(26 * 3_600_000);
      }),
      fuzzParameters(),
    );
  });

  it('refuses near misses, naming what a date must look like', () => {
    fc.assert(
      fc.property(invalidZonedInstant, (text) => {
        const parsed = zonedInstant.safeParse(text);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.message).toMatch(/^(must be a date|must be between 1000-01-01 and 9998-12-31|is required)/);
      }),
      fuzzParameters(),
    );
  });
});
