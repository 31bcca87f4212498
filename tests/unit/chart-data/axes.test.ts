import { describe, expect, it } from 'vitest';
import { eventMarkGroups, eventMarkersOf } from '@/lib/chart-data/chart-annotations';
import { dayStartTicks, operationTimeAxis, zonedDateOf } from '@/lib/chart-data/time-axis';
import { niceValueAxis } from '@/lib/chart-data/value-axis';
import { AUG_22, event, kabulDay } from './dashboard-fixture';

describe('value axis', () => {
  it('rounds up past the highest value with a little headroom, on round ticks', () => {
    expect(niceValueAxis(0, 60_000)).toEqual({
      min: 0,
      max: 70_000,
      ticks: [0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000],
    });
    expect(niceValueAxis(0, 3_490).max).toBe(4_000);
  });

  it('reaches below zero for a negative rate, and stays sane with nothing to show', () => {
    const axis = niceValueAxis(-2_000, 7_100);
    expect(axis.min).toBeLessThan(-2_000);
    expect(axis.ticks).toContain(0);
    expect(niceValueAxis(0, 0)).toEqual({ min: 0, max: 1, ticks: [0, 1] });
  });
});

describe('time axis', () => {
  it('ticks at local midnights across a daylight-saving change', () => {
    const zone = 'Europe/Berlin';
    const from = Date.parse('2021-03-26T23:00:00Z'); // 27 March 00:00 CET
    const to = Date.parse('2021-03-29T22:00:00Z'); // 30 March 00:00 CEST
    expect(dayStartTicks([from, to], zone).map((t) => new Date(t).toISOString())).toEqual([
      '2021-03-26T23:00:00.000Z',
      '2021-03-27T23:00:00.000Z',
      '2021-03-28T22:00:00.000Z',
      '2021-03-29T22:00:00.000Z',
    ]);
    expect(zonedDateOf(Date.parse('2021-08-21T19:30:00Z'), 'Asia/Kabul')).toBe('2021-08-22');
  });

  it('keeps a long span to at most 31 ticks', () => {
    const from = Date.parse('2021-01-01T00:00:00Z');
    const axis = operationTimeAxis({ start: from, deadline: from + 365 * 86_400_000, alsoShow: [], timeZone: 'UTC' });
    expect(axis.ticks.length).toBeLessThanOrEqual(31);
    expect(axis.ticks.length).toBeGreaterThan(20);
  });
});

describe('event marks', () => {
  it('share one mark for events at the same instant', () => {
    const markers = eventMarkersOf([
      event('Taliban enter Kabul', kabulDay('2021-08-15')),
      event('Seven dead', null),
      event('Airliners requisitioned', null),
    ]);
    expect(eventMarkGroups(markers).map((group) => [group.t, group.events.map((marker) => marker.number)])).toEqual([
      [Date.parse(kabulDay('2021-08-15')), [1]],
      [Date.parse(AUG_22), [2, 3]],
    ]);
  });
});
