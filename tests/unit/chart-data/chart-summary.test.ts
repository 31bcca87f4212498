import { describe, expect, it } from 'vitest';
import { projectionOutcome, summariseCumulativeChart, summariseDailyChart } from '@/lib/chart-data/chart-summary';
import { buildCumulativeChartData } from '@/lib/chart-data/cumulative-chart-data';
import { buildDailyChartData } from '@/lib/chart-data/daily-chart-data';
import { AUG_22, figure, kabulDay, seedDashboard } from './dashboard-fixture';

describe('chart summaries', () => {
  it('says where the seed projection lands against the goal', () => {
    const summary = summariseCumulativeChart(buildCumulativeChartData(seedDashboard()));
    expect(summary).toMatchObject({
      figureCount: 1,
      first: { value: 25_100, t: Date.parse(AUG_22) },
      latest: { value: 25_100, provisional: false },
      goal: { low: 60_000, high: 60_000, isRange: false },
      projection: { total: 56_475, perDay: 3_137.5, outcome: 'short-of-goal', shortfall: 3_525 },
      requiredPacePerDay: 3_490,
      eventCount: 2,
      statementCount: 1,
    });
  });

  it('tells a projection inside a goal range from one above it or short of it', () => {
    expect(projectionOutcome(56_475, 50_000, 60_000)).toBe('within-range');
    expect(projectionOutcome(60_000, 50_000, 60_000)).toBe('reaches-goal');
    expect(projectionOutcome(49_999, 50_000, 60_000)).toBe('short-of-goal');
  });

  it('gives the highest and latest daily rates and counts corrections', () => {
    const series = [
      figure(1, kabulDay('2021-08-20'), 20_000),
      figure(2, kabulDay('2021-08-21'), 18_000),
      figure(3, AUG_22, 25_100),
    ];
    const summary = summariseDailyChart(buildDailyChartData(seedDashboard({ series })));
    expect(summary).toMatchObject({
      intervalCount: 3,
      highest: { perDay: 7_100 },
      latest: { perDay: 7_100 },
      correctionCount: 1,
      requiredPacePerDay: 3_490,
      latestMeetsRequired: true,
    });
  });
});
