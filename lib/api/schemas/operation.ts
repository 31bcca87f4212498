// The operation and what hangs off it (groups, targets, events, statements), as the JSON API
// answers them: instants in the operation's time zone with its offset, enums in lower case as the
// write API takes them, and a source on everything that states a number or a claim.
import { z } from 'zod';
import { groupSchema, instantSchema, listOf, slugSchema, sourceSchema } from './common';

export const operationLinksSchema = z
  .object({
    self: z.string().meta({ example: '/api/operations/kabul-2021' }),
    page: z.string().meta({ example: '/operations/kabul-2021' }),
    summary: z.string(),
    figures: z.string(),
    csv: z.string(),
  })
  .meta({ id: 'OperationLinks' });

export const operationSummarySchema = z
  .object({
    slug: slugSchema,
    name: z.string(),
    description: z.string().nullable(),
    timeZone: z.string().meta({ example: 'Asia/Kabul' }),
    startsAt: instantSchema,
    deadline: instantSchema.meta({ description: 'The end of the deadline day: goals are due before it.' }),
    default: z.boolean().meta({ description: 'Whether the site’s home page shows this operation' }),
    links: operationLinksSchema,
  })
  .meta({ id: 'OperationListItem' });

export const targetSchema = z
  .object({
    id: z.int(),
    group: slugSchema,
    low: z.int(),
    high: z.int(),
    deadline: instantSchema,
    source: sourceSchema,
  })
  .meta({ id: 'Target', description: 'A goal for one group: from low to high people by the deadline.' });

export const EVENT_KIND_VALUES = ['milestone', 'incident', 'meeting', 'logistics', 'deadline'] as const;

export const eventSchema = z
  .object({
    id: z.int(),
    kind: z.enum(EVENT_KIND_VALUES),
    title: z.string(),
    description: z.string().nullable(),
    occurredAt: instantSchema.nullable(),
    reportedAt: instantSchema,
    count: z.int().nullable(),
    source: sourceSchema,
  })
  .meta({ id: 'Event', description: 'A dated annotation of the timeline.' });

export const statementSchema = z
  .object({
    id: z.int(),
    speaker: z.string(),
    speakerRole: z.string().nullable(),
    group: slugSchema.nullable(),
    saidAt: instantSchema,
    quote: z.string(),
    claimedGoal: z.int().nullable(),
    claimedBy: instantSchema.nullable(),
    stance: z.enum(['infeasible', 'doubtful', 'feasible']),
    source: sourceSchema,
  })
  .meta({ id: 'Statement', description: 'Who said what about whether the goal can be met.' });

export const operationDetailSchema = operationSummarySchema
  .extend({ groups: z.array(groupSchema), targets: z.array(targetSchema) })
  .meta({ id: 'Operation' });

export const operationListSchema = listOf(operationSummarySchema).meta({ id: 'OperationList' });
export const groupListSchema = listOf(groupSchema).meta({ id: 'GroupList' });
export const targetListSchema = listOf(targetSchema).meta({ id: 'TargetList' });
export const eventListSchema = listOf(eventSchema).meta({ id: 'EventList' });
export const statementListSchema = listOf(statementSchema).meta({ id: 'StatementList' });

export type OperationLinks = z.infer<typeof operationLinksSchema>;
export type OperationListItem = z.infer<typeof operationSummarySchema>;
export type OperationDetail = z.infer<typeof operationDetailSchema>;
export type TargetItem = z.infer<typeof targetSchema>;
export type EventItem = z.infer<typeof eventSchema>;
export type StatementItem = z.infer<typeof statementSchema>;
export type ApiSource = z.infer<typeof sourceSchema>;
