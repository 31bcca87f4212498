import { describe, expect, it } from 'vitest';
import { formatInstantInZone, offsetAt } from '@/lib/csv/zoned-iso';

describe('formatInstantInZone', () => {
  it('writes Kabul instants with the +04:30 offset and the local date', () => {
    expect(formatInstantInZone(new Date('2021-08-21T19:30:00Z'), 'Asia/Kabul')).toBe(
      '2021-08-22T00:00:00+04:30',
    );
    expect(formatInstantInZone(new Date('2021-08-13T19:30:00Z'), 'Asia/Kabul')).toBe(
      '2021-08-14T00:00:00+04:30',
    );
  });

  it('keeps milliseconds only when there are some', () => {
    expect(formatInstantInZone(new Date('2021-08-22T04:45:30.250Z'), 'Asia/Kabul')).toBe(
      '2021-08-22T09:15:30.250+04:30',
    );
  });

  it('writes negative, zero and quarter-hour offsets', () => {
    expect(formatInstantInZone(new Date('2021-08-22T12:00:00Z'), 'America/New_York')).toBe(
      '2021-08-22T08:00:00-04:00',
    );
    expect(formatInstantInZone(new Date('2021-08-22T12:00:00Z'), 'UTC')).toBe('2021-08-22T12:00:00+00:00');
    expect(formatInstantInZone(new Date('2021-08-22T12:00:00Z'), 'Asia/Kathmandu')).toBe(
      '2021-08-22T17:45:00+05:45',
    );
  });

  it('follows a daylight-saving change to the millisecond, even within a cached hour', () => {
    // Berlin, 28 March 2021: 02:00 CET became 03:00 CEST at 01:00 UTC.
    const before = new Date('2021-03-28T00:59:59.999Z');
    const after = new Date('2021-03-28T01:00:00.000Z');
    expect(formatInstantInZone(before, 'Europe/Berlin')).toBe('2021-03-28T01:59:59.999+01:00');
    expect(formatInstantInZone(after, 'Europe/Berlin')).toBe('2021-03-28T03:00:00+02:00');
    // A transition at half past the hour (Lord Howe Island, +10:30 to +11:00 at 02:00 local).
    const lordHowe = new Date('2021-10-02T15:30:00Z');
    expect(formatInstantInZone(new Date(lordHowe.getTime() - 1), 'Australia/Lord_Howe')).toBe(
      '2021-10-03T01:59:59.999+10:30',
    );
    expect(formatInstantInZone(lordHowe, 'Australia/Lord_Howe')).toBe('2021-10-03T02:30:00+11:00');
  });

  it('round-trips: the written text parses back to the same instant', () => {
    for (let hour = 0; hour < 24 * 400; hour += 7) {
      const instant = new Date(Date.UTC(2020, 0, 1) + hour * 3_600_000 + 123);
      const text = formatInstantInZone(instant, 'America/Santiago');
      expect(new Date(text).getTime()).toBe(instant.getTime());
    }
  });

  it('falls back to UTC where the offset has seconds (local mean time)', () => {
    const lmt = new Date('1880-01-01T00:00:00Z');
    expect(offsetAt(lmt.getTime(), 'Asia/Kabul') % 60_000).not.toBe(0);
    expect(formatInstantInZone(lmt, 'Asia/Kabul')).toBe('1880-01-01T00:00:00Z');
  });
});

describe('instants before 1970 and with milliseconds', () => {
  it('writes them exactly', () => {
    expect(formatInstantInZone(new Date('1969-12-31T23:59:59.999Z'), 'UTC')).toBe('1969-12-31T23:59:59.999+00:00');
    expect(formatInstantInZone(new Date('1960-06-01T12:00:00.005Z'), 'Asia/Kabul')).toBe('1960-06-01T16:30:00.005+04:30');
  });
});

describe('epoch milliseconds', () => {
  it('are written like the Date they stand for', () => {
    const instant = Date.parse('2021-08-21T19:30:00Z');
    expect(formatInstantInZone(instant, 'Asia/Kabul')).toBe(formatInstantInZone(new Date(instant), 'Asia/Kabul'));
  });
});
