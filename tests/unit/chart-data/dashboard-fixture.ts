// A hand-built OperationDashboard for the chart-data tests: the seed case (25,100 since
// 14 August as of 22 August, Kabul; goal 60,000 by 31 August), with no database. The arithmetic
// fields are the feasibility module's own output for these figures (tests/unit/feasibility.test.ts
// checks them to the digit), so the fixture stays honest.

import type {
  EventDto,
  FigureDto,
  OperationDashboard,
  SourceDto,
  StatementDto,
  StatementWithArithmetic,
} from '@/lib/data/dto';
import type { FeasibilityDto } from '@/lib/data/mappers';

export const BASIS = '2021-08-13T19:30:00.000Z';
export const AUG_22 = '2021-08-21T19:30:00.000Z';
export const DEADLINE = '2021-08-31T19:30:00.000Z';
export const DAY = 86_400_000;
export const kabulDay = (date: string) => new Date(`${date}T00:00:00+04:30`).toISOString();

export const source: SourceDto = {
  publisher: 'White House',
  title: 'Evacuations since 14 August',
  url: 'https://example.org/figures',
  via: 'AFP',
  publishedAt: AUG_22,
  quote: null,
};

const allEvacuees = { slug: 'all-evacuees', name: 'All evacuees' };

export function figure(id: number, asOf: string, value: number, provisional = false): FigureDto {
  return {
    id,
    group: allEvacuees,
    value,
    asOf,
    kind: 'CUMULATIVE',
    basisStart: BASIS,
    windowStart: null,
    windowEnd: null,
    provisional,
    source,
  };
}

export const seedAssessment: FeasibilityDto = {
  goal: 60_000,
  deadline: DEADLINE,
  evaluatedAt: AUG_22,
  evacuated: 25_100,
  remaining: 34_900,
  timeLeftDays: 10,
  requiredPacePerDay: 3_490,
  observedPace: {
    wholeOperation: {
      perDay: 3_137.5,
      measuredFrom: BASIS,
      measuredTo: AUG_22,
      projectedTotalAtDeadline: 56_475,
      goalReachedAt: '2021-09-01T22:27:50.917Z',
    },
    recentWindow: null,
  },
  recentWindowDays: 2,
  shortfallAtWholeOperationPace: 3_525,
  requiredToObservedPaceRatio: 3_490 / 3_137.5,
  verdict: 'off-track',
};

export const borrell: StatementWithArithmetic = {
  speaker: 'Josep Borrell',
  speakerRole: 'EU High Representative',
  saidAt: AUG_22,
  quote: 'It’s mathematically impossible.',
  claimedGoal: 60_000,
  claimedBy: DEADLINE,
  stance: 'INFEASIBLE',
  source: { ...source, publisher: 'Josep Borrell' },
  arithmetic: seedAssessment,
};

export function statementWithoutArithmetic(saidAt: string): StatementWithArithmetic {
  const statement: StatementDto = { ...borrell, saidAt, claimedGoal: null };
  return { ...statement, arithmetic: null };
}

export function event(title: string, occurredAt: string | null, reportedAt = AUG_22): EventDto {
  return { kind: 'MILESTONE', title, description: null, occurredAt, reportedAt, count: null, source };
}

export function seedDashboard(overrides: Partial<OperationDashboard> = {}): OperationDashboard {
  const series = overrides.series ?? [figure(1, AUG_22, 25_100)];
  const target = {
    group: allEvacuees,
    low: 60_000,
    high: 60_000,
    deadline: DEADLINE,
    source,
  };
  return {
    seriesCount: series.length,
    operation: {
      slug: 'kabul-2021',
      name: 'Kabul airlift',
      description: null,
      startsAt: BASIS,
      deadline: DEADLINE,
      timeZone: 'Asia/Kabul',
    },
    groups: [allEvacuees],
    group: allEvacuees,
    viewAsOf: AUG_22,
    series,
    latestFigure: series.at(-1) ?? null,
    target,
    targets: [target],
    feasibility: { againstLow: seedAssessment, againstHigh: seedAssessment },
    statements: [borrell],
    events: [event('Taliban enter Kabul', kabulDay('2021-08-15')), event('Seven dead in the crowds', null)],
    ...overrides,
  };
}
