// Plain data shapes that leave the data-access layer: ISO strings instead of Dates, no database
// ids beyond what a link needs, nothing secret. Server Components, route handlers and exports all
// receive these, so they can be serialised as they are.

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
