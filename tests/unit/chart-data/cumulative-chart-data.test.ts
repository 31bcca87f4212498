import { describe, expect, it } from 'vitest';
import { buildCumulativeChartData } from '@/lib/chart-data/cumulative-chart-data';
import {
  AUG_22,
  BASIS,
  DAY,
  DEADLINE,
  event,
  figure,
  kabulDay,
  seedDashboard,
  statementWithoutArithmetic,
} from './dashboard-fixture';

const at = (iso: string) => Date.parse(iso);

describe('cumulative chart, seed case (25,100 as of 22 August, goal 60,000 by 31 August)', () => {
  const chart = buildCumulativeChartData(seedDashboard());

  it('draws the figure from the basis start, marked latest, with its source', () => {
    expect(chart.basisStart).toBe(at(BASIS));
    expect(chart.points).toEqual([
      expect.objectContaining({ t: at(AUG_22), value: 25_100, latest: true, provisional: false }),
    ]);
    expect(chart.points[0]?.source).toEqual({
      publisher: 'White House',
      via: 'AFP',
      title: 'Evacuations since 14 August',
      url: 'https://example.org/figures',
    });
    const line = chart.rows.filter((row) => row.confirmed !== null).map((row) => [row.t, row.confirmed]);
    expect(line).toEqual([
      [at(BASIS), 0],
      [at(AUG_22), 25_100],
    ]);
    expect(chart.rows.some((row) => row.provisionalTail !== null)).toBe(false);
  });

  it('projects the observed pace to 56,475 at the deadline, dashed from the last figure', () => {
    expect(chart.projection).toEqual({
      from: { t: at(AUG_22), value: 25_100 },
      to: { t: at(DEADLINE), value: 56_475 },
      perDay: 3_137.5,
    });
  });

  it('draws the required pace from the last figure to 60,000 at the deadline', () => {
    expect(chart.requiredPace).toEqual({
      from: { t: at(AUG_22), value: 25_100 },
      to: { t: at(DEADLINE), value: 60_000 },
      perDay: 3_490,
    });
    const deadlineRow = chart.rows.find((row) => row.isDeadline);
    expect(deadlineRow).toMatchObject({ t: at(DEADLINE), projection: 56_475, required: 60_000 });
  });

  it('shows a single-number goal as a line, the deadline on its last day, and room above the goal', () => {
    expect(chart.goal).toMatchObject({ low: 60_000, high: 60_000, isRange: false });
    expect(chart.deadline.t).toBe(at(DEADLINE));
    // 31 August in Kabul, not 1 September.
    expect(new Date(chart.deadline.lastDay).toISOString()).toBe('2021-08-31T19:29:59.999Z');
    expect(chart.valueAxis.max).toBeGreaterThanOrEqual(60_000);
    expect(chart.valueAxis.max).toBe(70_000);
    expect(chart.valueAxis.ticks).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000]);
  });

  it('spans the time axis from the basis start to a little after the deadline, ticking at Kabul midnights', () => {
    const [from, to] = chart.timeAxis.domain;
    expect(from).toBe(at(BASIS));
    expect(to).toBeGreaterThan(at(DEADLINE));
    expect(to - at(DEADLINE)).toBeLessThan(DAY);
    expect(chart.timeAxis.ticks[0]).toBe(at(BASIS));
    expect(chart.timeAxis.ticks).toContain(at(kabulDay('2021-08-22')));
    expect(chart.timeAxis.ticks.at(-1)).toBe(at(DEADLINE));
  });

  it('puts the statement at the count known when it was said, with the arithmetic of that moment', () => {
    expect(chart.statements).toEqual([
      expect.objectContaining({
        t: at(AUG_22),
        value: 25_100,
        speaker: 'Josep Borrell',
        goal: 60_000,
        requiredPacePerDay: 3_490,
        observedPacePerDay: 3_137.5,
      }),
    ]);
  });
});

describe('cumulative chart, annotations and special cases', () => {
  it('places an undated event at its report date and flags it; numbers events in time order', () => {
    const chart = buildCumulativeChartData(seedDashboard());
    expect(chart.events.map((marker) => [marker.number, marker.title, marker.dateStated, marker.t])).toEqual([
      [1, 'Taliban enter Kabul', true, at(kabulDay('2021-08-15'))],
      [2, 'Seven dead in the crowds', false, at(AUG_22)],
    ]);
    const row = chart.rows.find((candidate) => candidate.t === at(AUG_22));
    expect(row?.events.map((marker) => marker.title)).toEqual(['Seven dead in the crowds']);
    expect(row?.figures).toHaveLength(1);
    expect(row?.statements).toHaveLength(1);
  });

  it('places a statement without arithmetic at the cumulative known at its time', () => {
    const series = [figure(1, kabulDay('2021-08-18'), 10_000), figure(2, AUG_22, 25_100)];
    const chart = buildCumulativeChartData(
      seedDashboard({
        series,
        statements: [
          statementWithoutArithmetic(kabulDay('2021-08-15')),
          statementWithoutArithmetic(kabulDay('2021-08-20')),
          statementWithoutArithmetic(AUG_22),
        ],
      }),
    );
    expect(chart.statements.map((statement) => statement.value)).toEqual([0, 10_000, 25_100]);
    expect(chart.statements[1]?.requiredPacePerDay).toBeNull();
  });

  it('draws provisional figures hollow on a dashed tail after the last confirmed one', () => {
    const series = [
      figure(1, kabulDay('2021-08-18'), 10_000),
      figure(2, kabulDay('2021-08-20'), 18_000, true),
      figure(3, AUG_22, 25_100, true),
    ];
    const chart = buildCumulativeChartData(seedDashboard({ series }));
    expect(chart.points.map((point) => [point.provisional, point.latest])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    const lines = chart.rows
      .filter((row) => row.confirmed !== null || row.provisionalTail !== null)
      .map((row) => [row.confirmed, row.provisionalTail]);
    expect(lines).toEqual([
      [0, null],
      [10_000, 10_000],
      [null, 18_000],
      [null, 25_100],
    ]);
  });

  it('shows a range goal as a band and draws no pace lines without a target', () => {
    const ranged = buildCumulativeChartData(
      seedDashboard({ target: { ...seedDashboard().target!, low: 50_000, high: 60_000 } }),
    );
    expect(ranged.goal).toMatchObject({ low: 50_000, high: 60_000, isRange: true });

    const noGoal = buildCumulativeChartData(seedDashboard({ target: null, feasibility: null, statements: [] }));
    expect(noGoal.goal).toBeNull();
    expect(noGoal.projection).toBeNull();
    expect(noGoal.requiredPace).toBeNull();
    expect(noGoal.deadline.t).toBe(at(DEADLINE));
    expect(noGoal.valueAxis.max).toBeGreaterThanOrEqual(25_100);
  });

  it('keeps an event dated before the basis start on the axis', () => {
    const early = kabulDay('2021-08-10');
    const chart = buildCumulativeChartData(seedDashboard({ events: [event('Announcement', early)] }));
    expect(chart.timeAxis.domain[0]).toBe(at(early));
  });
});
