// Dates as editors type them, read in the operation's zone (Kabul is UTC+04:30, no DST).
import { describe, expect, it } from 'vitest';
import { resolveInstant } from '@/lib/validation/zoned-instant';

describe('resolveInstant', () => {
  it('reads a bare date as the start of that day in the zone, or its end for deadlines', () => {
    expect(resolveInstant('2021-08-22', 'Asia/Kabul').toISOString()).toBe('2021-08-21T19:30:00.000Z');
    expect(resolveInstant('2021-08-31', 'Asia/Kabul', 'end').toISOString()).toBe('2021-08-31T19:30:00.000Z');
  });

  it('reads a date and time without offset as wall-clock time in the zone', () => {
    expect(resolveInstant('2021-08-22T06:00', 'Asia/Kabul').toISOString()).toBe('2021-08-22T01:30:00.000Z');
  });

  it('keeps an explicit offset or Z as the instant it names', () => {
    expect(resolveInstant('2021-08-22T06:00+04:30', 'America/New_York').toISOString()).toBe('2021-08-22T01:30:00.000Z');
    expect(resolveInstant('2021-08-22T06:00:30Z', 'Asia/Kabul').toISOString()).toBe('2021-08-22T06:00:30.000Z');
  });

  it('follows daylight saving time in zones that have it', () => {
    // New York: EDT (UTC-4) in August, EST (UTC-5) in December.
    expect(resolveInstant('2021-08-22T12:00', 'America/New_York').toISOString()).toBe('2021-08-22T16:00:00.000Z');
    expect(resolveInstant('2021-12-22T12:00', 'America/New_York').toISOString()).toBe('2021-12-22T17:00:00.000Z');
  });
});
