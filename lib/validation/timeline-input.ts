// Targets, events and statements: the rest of what editors add, one schema each.
import { z } from 'zod';
import { choice, count, optionalCount, optionalText, requiredText, slug, whenValid } from './fields';
import { sourceInputSchema } from './source-input';
import { optionalZonedInstant, zonedInstant } from './zoned-instant';

export const targetInputSchema = z
  .object({
    group: slug,
    low: count,
    high: count,
    /** A bare date means the end of that day: "by 31 August". */
    deadline: zonedInstant,
    source: sourceInputSchema,
  })
  .refine((input) => input.high >= input.low, {
    path: ['high'],
    message: 'must be at least the low end of the goal',
    ...whenValid('low', 'high'),
  });

export type TargetInput = z.infer<typeof targetInputSchema>;

export const EVENT_KINDS = ['milestone', 'incident', 'meeting', 'logistics', 'deadline'] as const;

export const eventInputSchema = z.object({
  kind: choice(EVENT_KINDS),
  title: requiredText(300),
  description: optionalText(2000),
  /** Unset when the report does not say when it happened. */
  occurredAt: optionalZonedInstant,
  reportedAt: zonedInstant,
  count: optionalCount,
  source: sourceInputSchema,
});

export type EventInput = z.infer<typeof eventInputSchema>;

export const STANCES = ['infeasible', 'doubtful', 'feasible'] as const;

export const statementInputSchema = z.object({
  speaker: requiredText(200),
  speakerRole: optionalText(300),
  // A form's "no particular group" sends an empty field: that is no group, not a bad slug.
  group: z.preprocess((value) => (value === '' ? undefined : value), slug.optional()),
  saidAt: zonedInstant,
  quote: requiredText(2000),
  claimedGoal: optionalCount,
  claimedBy: optionalZonedInstant,
  stance: choice(STANCES),
  source: sourceInputSchema,
});

export type StatementInput = z.infer<typeof statementInputSchema>;
