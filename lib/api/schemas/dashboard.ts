// The summary and series reads (the page's own data) as zod schemas. Their types are written in
// lib/data; the assertions at the end make typecheck fail if schema and type ever part ways.
import { z } from 'zod';
import type { OperationDashboard } from '../../data/dto';
import type { FigureSeries } from '../../data/figure-series';
import { groupSchema, instantSchema, sourceSchema } from './common';

const observedPaceSchema = z.object({
  perDay: z.number(),
  measuredFrom: instantSchema,
  measuredTo: instantSchema,
  projectedTotalAtDeadline: z.number(),
  goalReachedAt: instantSchema.nullable(),
});

export const feasibilitySchema = z
  .object({
    goal: z.number(),
    deadline: instantSchema,
    evaluatedAt: instantSchema,
    evacuated: z.number(),
    remaining: z.number(),
    timeLeftDays: z.number(),
    requiredPacePerDay: z.number().nullable(),
    observedPace: z.object({ wholeOperation: observedPaceSchema.nullable(), recentWindow: observedPaceSchema.nullable() }),
    recentWindowDays: z.number(),
    shortfallAtWholeOperationPace: z.number().nullable(),
    requiredToObservedPaceRatio: z.number().nullable(),
    verdict: z.enum(['no-data', 'no-pace', 'goal-met', 'deadline-passed', 'on-track', 'off-track', 'mixed']),
  })
  .meta({ id: 'Feasibility', description: 'The arithmetic against one end of a goal.' });

const dashboardFigureSchema = z.object({
  id: z.int(),
  group: groupSchema,
  value: z.number(),
  asOf: instantSchema,
  kind: z.enum(['CUMULATIVE', 'WINDOW']),
  basisStart: instantSchema.nullable(),
  windowStart: instantSchema.nullable(),
  windowEnd: instantSchema.nullable(),
  provisional: z.boolean(),
  source: sourceSchema,
});

const dashboardTargetSchema = z.object({
  group: groupSchema,
  low: z.number(),
  high: z.number(),
  deadline: instantSchema,
  source: sourceSchema,
});

export const summarySchema = z
  .object({
    operation: z.object({
      slug: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      startsAt: instantSchema,
      deadline: instantSchema,
      timeZone: z.string(),
    }),
    groups: z.array(groupSchema),
    group: groupSchema,
    viewAsOf: instantSchema.nullable(),
    series: z.array(dashboardFigureSchema),
    seriesCount: z.number(),
    latestFigure: dashboardFigureSchema.nullable(),
    target: dashboardTargetSchema.nullable(),
    targets: z.array(dashboardTargetSchema),
    feasibility: z.object({ againstLow: feasibilitySchema, againstHigh: feasibilitySchema }).nullable(),
    statements: z.array(
      z.object({
        speaker: z.string(),
        speakerRole: z.string().nullable(),
        saidAt: instantSchema,
        quote: z.string(),
        claimedGoal: z.number().nullable(),
        claimedBy: instantSchema.nullable(),
        stance: z.enum(['INFEASIBLE', 'DOUBTFUL', 'FEASIBLE']),
        source: sourceSchema,
        arithmetic: feasibilitySchema.nullable(),
      }),
    ),
    events: z.array(
      z.object({
        kind: z.enum(['MILESTONE', 'INCIDENT', 'MEETING', 'LOGISTICS', 'DEADLINE']),
        title: z.string(),
        description: z.string().nullable(),
        occurredAt: instantSchema.nullable(),
        reportedAt: instantSchema,
        count: z.number().nullable(),
        source: sourceSchema,
      }),
    ),
  })
  .meta({ id: 'Summary', description: 'Everything the operation’s page shows, for one group and view day.' });

export const seriesSchema = z
  .object({
    operation: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
    group: groupSchema,
    viewAsOf: instantSchema.nullable(),
    kind: z.literal('CUMULATIVE'),
    basisStart: instantSchema.nullable(),
    points: z.array(
      z.object({
        revisionId: z.int(),
        replacesRevisionId: z.int().nullable(),
        correctionReason: z.string().nullable(),
        value: z.number(),
        asOf: instantSchema,
        basisStart: instantSchema.nullable(),
        provisional: z.boolean(),
        recordedAt: instantSchema,
        source: sourceSchema,
      }),
    ),
  })
  .meta({ id: 'Series', description: 'Every point of one group’s cumulative series, never thinned.' });

// Both ways assignable: a field added, removed or retyped on either side fails typecheck.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SummaryMatchesDto = Assert<Same<z.infer<typeof summarySchema>, OperationDashboard>>;
export type SeriesMatchesDto = Assert<Same<z.infer<typeof seriesSchema>, FigureSeries>>;
