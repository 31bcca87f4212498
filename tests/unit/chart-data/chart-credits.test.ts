import { describe, expect, it } from 'vitest';
import { chartAsOf, chartFileStem, chartSources, creditedSources } from '@/lib/chart-data/chart-credits';
import { AUG_22, borrell, figure, kabulDay, seedDashboard, source } from './dashboard-fixture';

describe('chartAsOf', () => {
  it('names the day asked for, in the operation’s zone (the view instant is that day’s last millisecond)', () => {
    const lastMillisecondOfAug25 = new Date(Date.parse(kabulDay('2021-08-26')) - 1).toISOString();
    expect(chartAsOf(seedDashboard({ viewAsOf: lastMillisecondOfAug25 }))).toEqual({
      day: '2021-08-25',
      basis: 'view',
    });
  });

  it('dates the latest view by its latest figure: 22 August 00:00 Kabul is 21 August in UTC', () => {
    expect(AUG_22).toBe('2021-08-21T19:30:00.000Z');
    expect(chartAsOf(seedDashboard({ viewAsOf: null }))).toEqual({ day: '2021-08-22', basis: 'latest-figure' });
  });

  it('falls back to the day the chart is made when nothing is published', () => {
    const dashboard = seedDashboard({ viewAsOf: null, series: [], latestFigure: null });
    expect(chartAsOf(dashboard, new Date('2021-08-16T20:00:00Z'))).toEqual({ day: '2021-08-17', basis: 'today' });
  });
});

describe('chart sources', () => {
  it('credits each publisher once, in the order first met, telling apart who relayed it', () => {
    const direct = { ...source, via: null };
    expect(creditedSources([source, direct, source, { ...source, publisher: 'UK MoD' }])).toEqual([
      { publisher: 'White House', via: 'AFP' },
      { publisher: 'White House', via: null },
      { publisher: 'UK MoD', via: 'AFP' },
    ]);
  });

  it('credits figures, goal, statements and events on the cumulative chart; figures and goal on the daily one', () => {
    const goalSource = { ...source, publisher: 'Biden administration' };
    const dashboard = seedDashboard({
      series: [figure(1, AUG_22, 25_100)],
      target: { group: { slug: 'all-evacuees', name: 'All evacuees' }, low: 50_000, high: 60_000, deadline: AUG_22, source: goalSource },
      statements: [borrell],
    });
    const publishers = (chart: 'cumulative' | 'daily') => chartSources(dashboard, chart).map((s) => s.publisher);
    expect(publishers('cumulative')).toEqual(['White House', 'Biden administration', 'Josep Borrell']);
    expect(publishers('daily')).toEqual(['White House', 'Biden administration']);
  });
});

describe('chartFileStem', () => {
  it('names the operation, the chart, the group and the day', () => {
    expect(chartFileStem({ operation: 'kabul-2021', chart: 'daily', group: 'us-nationals', day: '2021-08-22' })).toBe(
      'kabul-2021-daily-us-nationals-2021-08-22',
    );
  });

  it('keeps characters a file system might refuse out of the name', () => {
    expect(chartFileStem({ operation: 'a/b', chart: 'cumulative', group: 'c:d', day: '2021-08-22' })).toBe(
      'a-b-cumulative-c-d-2021-08-22',
    );
  });
});
