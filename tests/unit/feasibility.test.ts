import { describe, expect, it } from 'vitest';
import {
  assessAgainstRange,
  assessFeasibility,
  daysBetween,
  endOfDayInZone,
  startOfDayInZone,
  type CumulativeFigure,
  type FeasibilityInput,
} from '@/lib/feasibility';

// The Kabul airlift, August 2021, with the date-only conventions applied by the helpers under
// test.
const KABUL = 'Asia/Kabul';
const BERLIN = 'Europe/Berlin';
const kabulDay = (date: string) => startOfDayInZone(date, KABUL);
const figure = (date: string, value: number): CumulativeFigure => ({ asOf: kabulDay(date), value });

const seed: FeasibilityInput = {
  figures: [figure('2021-08-22', 25_100)],
  basisStart: kabulDay('2021-08-14'),
  goal: 60_000,
  deadline: endOfDayInZone('2021-08-31', KABUL),
  asOf: kabulDay('2021-08-22'),
};
const withFigures = (...figures: CumulativeFigure[]): FeasibilityInput => ({ ...seed, figures });
/** The seed operation seen on `date` (start of day, Kabul) with only the given figures. */
const viewedOn = (date: string, ...figures: CumulativeFigure[]) =>
  assessFeasibility({ ...withFigures(...figures), asOf: kabulDay(date) });

describe('seed: ~25,100 evacuated since Aug 14 as of Aug 22, goal 60,000 by Aug 31', () => {
  const result = assessFeasibility(seed);

  it('maps the dates to Kabul instants (UTC+04:30)', () => {
    expect(seed.basisStart.toISOString()).toBe('2021-08-13T19:30:00.000Z');
    expect(seed.figures[0]?.asOf.toISOString()).toBe('2021-08-21T19:30:00.000Z');
    expect(seed.deadline.toISOString()).toBe('2021-08-31T19:30:00.000Z');
  });

  it('gives the figures a reader sees, to the digit', () => {
    expect(result.evaluatedAt.toISOString()).toBe('2021-08-21T19:30:00.000Z');
    expect(result.evacuated).toBe(25_100);
    expect(result.remaining).toBe(34_900);
    expect(result.timeLeftDays).toBe(10);
    expect(result.requiredPacePerDay).toBe(3_490);
    expect(result.observedPace.wholeOperation).toEqual({
      perDay: 3_137.5,
      measuredFrom: new Date('2021-08-13T19:30:00.000Z'),
      measuredTo: new Date('2021-08-21T19:30:00.000Z'),
      projectedTotalAtDeadline: 56_475,
      // 34,900 / 3,137.5 = 11.1235... days after Aug 22 00:00 Kabul: Sep 2, 02:57:50 Kabul time.
      goalReachedAt: new Date('2021-09-01T22:27:50.917Z'),
    });
    expect(result.shortfallAtWholeOperationPace).toBe(3_525);
    expect(result.requiredToObservedPaceRatio).toBeCloseTo(3_490 / 3_137.5, 12);
    // Only one figure, 8 days after the basis start: nothing to measure a 2-day pace from.
    expect(result.observedPace.recentWindow).toBeNull();
    expect(result.verdict).toBe('off-track');
  });

  it('bears out Borrell: required pace > observed pace, so 60,000 comes after Aug 31', () => {
    const observed = result.observedPace.wholeOperation;
    expect(result.requiredPacePerDay).toBeGreaterThan(observed?.perDay ?? Infinity);
    expect(result.requiredToObservedPaceRatio).toBeGreaterThan(1);
    expect(observed?.goalReachedAt?.getTime()).toBeGreaterThan(seed.deadline.getTime());
  });

  it('counts time left from the latest figure, not from a later view instant', () => {
    const later = assessFeasibility({ ...seed, asOf: kabulDay('2021-08-25') });
    expect(later).toEqual(result);
  });
});

describe('assessFeasibility edge cases', () => {
  it('with the latest figure at the deadline: no time left, deadline passed', () => {
    const result = viewedOn('2021-09-01', figure('2021-09-01', 55_000));
    expect(result.timeLeftDays).toBe(0);
    expect(result.requiredPacePerDay).toBeNull();
    expect(result.observedPace.wholeOperation?.perDay).toBeCloseTo(55_000 / 18, 9);
    expect(result.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(55_000);
    expect(result.shortfallAtWholeOperationPace).toBe(5_000);
    expect(result.verdict).toBe('deadline-passed');
  });

  it('never counts negative time left after the deadline', () => {
    const result = viewedOn('2021-09-03', figure('2021-09-03', 58_000));
    expect(result.timeLeftDays).toBe(0);
    expect(result.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(58_000);
    expect(result.verdict).toBe('deadline-passed');
  });

  it('with the goal already met: nothing remaining, reached at the figure itself', () => {
    const result = viewedOn('2021-08-28', figure('2021-08-28', 61_000));
    expect(result.remaining).toBe(0);
    expect(result.requiredPacePerDay).toBe(0);
    expect(result.requiredToObservedPaceRatio).toBe(0);
    expect(result.shortfallAtWholeOperationPace).toBe(0);
    expect(result.observedPace.wholeOperation?.goalReachedAt).toEqual(kabulDay('2021-08-28'));
    expect(result.verdict).toBe('goal-met');
  });

  it('with no figures: nothing evacuated, the whole period ahead, no pace', () => {
    const result = assessFeasibility(withFigures());
    expect(result.evaluatedAt).toEqual(seed.basisStart);
    expect(result.evacuated).toBe(0);
    expect(result.remaining).toBe(60_000);
    expect(result.timeLeftDays).toBe(18);
    expect(result.requiredPacePerDay).toBeCloseTo(60_000 / 18, 9);
    expect(result.observedPace).toEqual({ wholeOperation: null, recentWindow: null });
    expect(result.shortfallAtWholeOperationPace).toBeNull();
    expect(result.requiredToObservedPaceRatio).toBeNull();
    expect(result.verdict).toBe('no-data');
  });

  it('with a single figure inside the recent window: the basis start is its baseline', () => {
    const result = viewedOn('2021-08-15', figure('2021-08-15', 3_000));
    expect(result.observedPace.recentWindow?.measuredFrom).toEqual(seed.basisStart);
    expect(result.observedPace.recentWindow?.perDay).toBe(3_000);
    expect(result.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(54_000);
    expect(result.verdict).toBe('off-track');
  });

  it('with a single figure at the basis start: figures but no pace', () => {
    const result = viewedOn('2021-08-14', figure('2021-08-14', 0));
    expect(result.observedPace).toEqual({ wholeOperation: null, recentWindow: null });
    expect(result.verdict).toBe('no-pace');
  });

  it('rounds a projection down to whole people', () => {
    // 10,001 in 4 days, 14 days left: 10,001 + 35,003.5 people.
    const result = viewedOn('2021-08-18', figure('2021-08-18', 10_001));
    expect(result.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(45_004);
  });

  it('is on track when the pace lands exactly on the goal at the deadline', () => {
    // 30,000 in 9 days, 9 days left: a float product would land on 59,999.99...
    const result = viewedOn('2021-08-23', figure('2021-08-23', 30_000));
    expect(result.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(60_000);
    expect(result.observedPace.wholeOperation?.goalReachedAt).toEqual(seed.deadline);
    expect(result.requiredToObservedPaceRatio).toBe(1);
    expect(result.verdict).toBe('on-track');
  });

  it('takes a downward correction at its word: negative recent pace, goal never reached', () => {
    const result = assessFeasibility(
      withFigures(
        figure('2021-08-18', 12_000),
        figure('2021-08-20', 20_000),
        figure('2021-08-22', 19_000),
      ),
    );
    expect(result.evacuated).toBe(19_000);
    expect(result.observedPace.wholeOperation?.perDay).toBe(2_375);
    expect(result.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(42_750);
    expect(result.observedPace.recentWindow?.perDay).toBe(-500);
    expect(result.observedPace.recentWindow?.projectedTotalAtDeadline).toBe(19_000);
    expect(result.observedPace.recentWindow?.goalReachedAt).toBeNull();
    expect(result.verdict).toBe('off-track');
  });

  it('calls it mixed when a recent surge would make it but the overall pace would not', () => {
    const result = assessFeasibility(
      withFigures(figure('2021-08-20', 10_000), figure('2021-08-22', 25_100)),
    );
    const recent = result.observedPace.recentWindow;
    expect(recent?.perDay).toBe(7_550);
    expect(recent?.projectedTotalAtDeadline).toBe(100_600);
    expect(recent?.goalReachedAt).toEqual(new Date('2021-08-26T10:26:25.431Z'));
    expect(result.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(56_475);
    expect(result.verdict).toBe('mixed');
  });

  it('measures the recent pace from the latest figure at least the window old', () => {
    const figures = [
      figure('2021-08-19', 9_000),
      figure('2021-08-20', 10_000),
      figure('2021-08-22', 25_100),
    ];
    const paceOver = (recentWindowDays: number) =>
      assessFeasibility({ ...withFigures(...figures), recentWindowDays }).observedPace.recentWindow;
    expect(paceOver(3)?.perDay).toBeCloseTo(16_100 / 3, 9);
    expect(paceOver(3)?.measuredFrom).toEqual(kabulDay('2021-08-19'));
    // Sparse figures: a 1-day window finds nothing newer than Aug 20, so it spans 2 days.
    expect(paceOver(1)?.measuredFrom).toEqual(kabulDay('2021-08-20'));
    expect(paceOver(1)?.perDay).toBe(7_550);
  });

  it('ignores figures dated after the view instant and keeps one dated exactly at it', () => {
    const figures = [figure('2021-08-22', 25_100), figure('2021-08-26', 50_000)];
    expect(viewedOn('2021-08-22', ...figures)).toEqual(assessFeasibility(seed));
    expect(viewedOn('2021-08-26', ...figures).evacuated).toBe(50_000);
  });

  it('gives the same answer whatever the order of the figures', () => {
    const sorted = [
      figure('2021-08-18', 8_000),
      figure('2021-08-20', 10_000),
      figure('2021-08-22', 25_100),
    ];
    const shuffled = [sorted[2], sorted[0], sorted[1]].filter((f) => f !== undefined);
    const result = assessFeasibility(withFigures(...shuffled));
    expect(result).toEqual(assessFeasibility(withFigures(...sorted)));
    expect(result.observedPace.recentWindow?.perDay).toBe(7_550);
  });

  it('uses the larger of two figures at the same instant, in either order', () => {
    const both = [figure('2021-08-22', 25_100), figure('2021-08-22', 24_000)];
    expect(assessFeasibility(withFigures(...both)).evacuated).toBe(25_100);
    expect(assessFeasibility(withFigures(...both.reverse())).evacuated).toBe(25_100);
  });

  it('rejects input that is not a count on this basis', () => {
    expect(() => assessFeasibility(withFigures(figure('2021-08-13', 100)))).toThrow(RangeError);
    expect(() => viewedOn('2021-08-22', figure('2021-08-22', 25_100.5))).toThrow(RangeError);
    expect(() => assessFeasibility({ ...seed, recentWindowDays: 0 })).toThrow(RangeError);
  });
});

describe('assessAgainstRange: a goal of 50,000 to 60,000', () => {
  const { goalLow, goalHigh, ...rest } = { ...seed, goalLow: 50_000, goalHigh: 60_000 };
  const range = assessAgainstRange({ ...rest, goalLow, goalHigh });

  it('is on track for 50,000 but off track for 60,000 at the pace so far', () => {
    expect(range.againstLow.remaining).toBe(24_900);
    expect(range.againstLow.requiredPacePerDay).toBe(2_490);
    expect(range.againstLow.shortfallAtWholeOperationPace).toBe(0);
    // 24,900 / 3,137.5 = 7.936... days: Aug 29, 22:28 Kabul time, before the deadline.
    expect(range.againstLow.observedPace.wholeOperation?.goalReachedAt).toEqual(
      new Date('2021-08-29T17:58:12.431Z'),
    );
    expect(range.againstLow.verdict).toBe('on-track');
    expect(range.againstHigh).toEqual(assessFeasibility(seed));
    expect(range.againstHigh.verdict).toBe('off-track');
  });

  it('rejects a range whose ends are swapped', () => {
    const swapped = { ...rest, goalLow: 60_000, goalHigh: 50_000 };
    expect(() => assessAgainstRange(swapped)).toThrow(RangeError);
  });
});

describe('startOfDayInZone / endOfDayInZone', () => {
  it('Asia/Kabul (UTC+04:30): days start at 19:30 UTC the day before', () => {
    expect(startOfDayInZone('2021-08-22', KABUL).toISOString()).toBe('2021-08-21T19:30:00.000Z');
    expect(endOfDayInZone('2021-08-31', KABUL).toISOString()).toBe('2021-08-31T19:30:00.000Z');
  });

  it('Europe/Berlin spring forward (2021-03-28) has a 23-hour day', () => {
    const start = startOfDayInZone('2021-03-28', BERLIN);
    const end = endOfDayInZone('2021-03-28', BERLIN);
    expect(start.toISOString()).toBe('2021-03-27T23:00:00.000Z');
    expect(end.toISOString()).toBe('2021-03-28T22:00:00.000Z');
    expect(daysBetween(start, end)).toBe(23 / 24);
  });

  it('Europe/Berlin fall back (2021-10-31) has a 25-hour day', () => {
    const start = startOfDayInZone('2021-10-31', BERLIN);
    const end = endOfDayInZone('2021-10-31', BERLIN);
    expect(start.toISOString()).toBe('2021-10-30T22:00:00.000Z');
    expect(end.toISOString()).toBe('2021-10-31T23:00:00.000Z');
    expect(daysBetween(start, end)).toBe(25 / 24);
  });

  it('America/Santiago skips midnight on 2022-09-11: the day starts at 01:00 local', () => {
    const santiago = 'America/Santiago';
    expect(startOfDayInZone('2022-09-11', santiago).toISOString()).toBe('2022-09-11T04:00:00.000Z');
    expect(endOfDayInZone('2022-09-10', santiago).toISOString()).toBe('2022-09-11T04:00:00.000Z');
  });

  it('Asia/Amman repeats midnight on 2021-10-29: the day starts at the first one', () => {
    const start = startOfDayInZone('2021-10-29', 'Asia/Amman');
    expect(start.toISOString()).toBe('2021-10-28T21:00:00.000Z');
    expect(daysBetween(start, endOfDayInZone('2021-10-29', 'Asia/Amman'))).toBe(25 / 24);
  });

  it('measures paces in elapsed 24-hour days, so a 25-hour day does not inflate a pace', () => {
    const berlin = (date: string) => startOfDayInZone(date, BERLIN);
    const result = assessFeasibility({
      figures: [{ asOf: berlin('2021-11-01'), value: 4_900 }],
      basisStart: berlin('2021-10-30'),
      goal: 10_000,
      deadline: endOfDayInZone('2021-11-02', BERLIN),
      asOf: berlin('2021-11-01'),
    });
    // Two calendar days but 49 hours elapsed: 4,900 / (49/24) = 2,400, not 2,450.
    expect(result.observedPace.wholeOperation?.perDay).toBe(2_400);
  });

  it('rejects dates that do not exist and unknown zones', () => {
    expect(() => startOfDayInZone('2021-02-30', KABUL)).toThrow(RangeError);
    expect(() => startOfDayInZone('2021-8-1', KABUL)).toThrow(RangeError);
    expect(() => startOfDayInZone('2021-08-01', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
