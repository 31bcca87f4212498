import { describe, expect, it } from 'vitest';
import { buildDailyChartData } from '@/lib/chart-data/daily-chart-data';
import { AUG_22, BASIS, figure, kabulDay, seedDashboard } from './dashboard-fixture';

const at = (iso: string) => Date.parse(iso);

describe('daily chart', () => {
  it('derives 3,137.5 a day over the seed’s first interval, from the basis start', () => {
    const chart = buildDailyChartData(seedDashboard());
    expect(chart.intervals).toEqual([
      expect.objectContaining({
        from: at(BASIS),
        to: at(AUG_22),
        startsAtBasis: true,
        fromValue: 0,
        toValue: 25_100,
        change: 25_100,
        elapsedDays: 8,
        perDay: 3_137.5,
        correction: false,
      }),
    ]);
    expect(chart.requiredPacePerDay).toBe(3_490);
    // A step needs both ends: the rate from the basis start, held to the figure.
    expect(chart.rows.map((row) => [row.t, row.perDay, row.closesInterval])).toEqual([
      [at(BASIS), 3_137.5, false],
      [at(AUG_22), 3_137.5, true],
    ]);
    expect(chart.valueAxis.min).toBe(0);
    expect(chart.valueAxis.max).toBeGreaterThanOrEqual(3_490);
  });

  it('divides each difference by the elapsed days between consecutive figures', () => {
    const series = [
      figure(1, kabulDay('2021-08-20'), 17_000),
      figure(2, AUG_22, 25_100),
    ];
    const chart = buildDailyChartData(seedDashboard({ series }));
    expect(chart.intervals.map((interval) => [interval.change, interval.elapsedDays, interval.perDay])).toEqual([
      [17_000, 6, 17_000 / 6],
      [8_100, 2, 4_050],
    ]);
    expect(chart.intervals[1]?.startsAtBasis).toBe(false);
  });

  it('shows a downward correction as a flagged negative rate, below zero on the axis', () => {
    const series = [
      figure(1, kabulDay('2021-08-20'), 20_000),
      figure(2, kabulDay('2021-08-21'), 18_000),
      figure(3, AUG_22, 25_100),
    ];
    const chart = buildDailyChartData(seedDashboard({ series }));
    expect(chart.intervals.map((interval) => [interval.perDay, interval.correction])).toEqual([
      [20_000 / 6, false],
      [-2_000, true],
      [7_100, false],
    ]);
    expect(chart.corrections).toHaveLength(1);
    expect(chart.corrections[0]).toMatchObject({ fromValue: 20_000, toValue: 18_000, change: -2_000 });
    expect(chart.valueAxis.min).toBeLessThan(-2_000);
    // The rates still add up to the latest figure: nothing hidden, nothing summed twice.
    const total = chart.intervals.reduce((sum, interval) => sum + interval.change, 0);
    expect(total).toBe(25_100);
  });

  it('keeps the larger of two figures at one instant, as the feasibility arithmetic does', () => {
    const series = [figure(1, AUG_22, 25_000), figure(2, AUG_22, 25_100)];
    const chart = buildDailyChartData(seedDashboard({ series }));
    expect(chart.intervals).toHaveLength(1);
    expect(chart.intervals[0]?.toValue).toBe(25_100);
  });

  it('has no intervals and no steps without figures', () => {
    const chart = buildDailyChartData(seedDashboard({ series: [], latestFigure: null }));
    expect(chart.intervals).toEqual([]);
    expect(chart.rows).toEqual([]);
  });
});
