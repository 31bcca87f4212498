// Plain data shapes that leave the data-access layer: ISO strings instead of Dates, no database
// ids beyond what a link needs, nothing secret. Server Components, route handlers and exports all
// receive these, so they can be serialised as they are.
import type { FeasibilityDto } from './mappers';

export interface SourceDto {
  publisher: string;
  title: string;
  url: string | null;
  via: string | null;
  publishedAt: string | null;
  quote: string | null;
}

export interface OperationDto {
  slug: string;
  name: string;
  description: string | null;
  startsAt: string;
  deadline: string;
  timeZone: string;
}

export interface GroupDto {
  slug: string;
  name: string;
}

export interface TargetDto {
  group: GroupDto;
  low: number;
  high: number;
  deadline: string;
  source: SourceDto;
}

export interface FigureDto {
  id: number;
  group: GroupDto;
  value: number;
  asOf: string;
  kind: 'CUMULATIVE' | 'WINDOW';
  basisStart: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  provisional: boolean;
  source: SourceDto;
}

export interface StatementDto {
  speaker: string;
  speakerRole: string | null;
  saidAt: string;
  quote: string;
  claimedGoal: number | null;
  claimedBy: string | null;
  stance: 'INFEASIBLE' | 'DOUBTFUL' | 'FEASIBLE';
  source: SourceDto;
}

export interface EventDto {
  kind: 'MILESTONE' | 'INCIDENT' | 'MEETING' | 'LOGISTICS' | 'DEADLINE';
  title: string;
  description: string | null;
  occurredAt: string | null;
  reportedAt: string;
  count: number | null;
  source: SourceDto;
}

export interface StatementWithArithmetic extends StatementDto {
  /** The arithmetic as it stood when the statement was made, against the goal it names. */
  arithmetic: FeasibilityDto | null;
}

export interface OperationDashboard {
  operation: OperationDto;
  groups: GroupDto[];
  group: GroupDto;
  /**
   * The view instant asked for: figures dated after it are left out. Null for the latest view,
   * so its body (and ETag) stays the same until the data changes.
   */
  viewAsOf: string | null;
  /**
   * Current cumulative figures of the group on the latest figure's basis, oldest first, thinned
   * for drawing (first, last, minimum and maximum always kept); the full list is at the series API.
   */
  series: FigureDto[];
  /** How many figures the full series has. */
  seriesCount: number;
  latestFigure: FigureDto | null;
  /** The goal of the selected group, if it has one. */
  target: TargetDto | null;
  targets: TargetDto[];
  feasibility: { againstLow: FeasibilityDto; againstHigh: FeasibilityDto } | null;
  statements: StatementWithArithmetic[];
  events: EventDto[];
}
