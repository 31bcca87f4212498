// A new figure, and a correction or retraction of one: one schema each, used by the admin form,
// the write API and the CSV import alike.
import { z } from 'zod';
import { choice, count, flag, optionalCount, requiredText, rowId, slug, whenValid } from './fields';
import { sourceInputSchema } from './source-input';
import { optionalZonedInstant, zonedInstant } from './zoned-instant';

export const FIGURE_KINDS = ['cumulative', 'window'] as const;

export const figureInputSchema = z
  .object({
    group: slug,
    value: count,
    kind: choice(FIGURE_KINDS),
    /** Cumulative figures: counted since this date ("since August 14"). */
    basisStart: optionalZonedInstant,
    /** Window figures: counted from windowStart up to windowEnd. */
    windowStart: optionalZonedInstant,
    windowEnd: optionalZonedInstant,
    asOf: zonedInstant,
    provisional: flag,
    source: sourceInputSchema,
  })
  .refine((input) => input.kind !== 'cumulative' || input.basisStart !== undefined, {
    path: ['basisStart'],
    message: 'is required for a cumulative figure: since when is it counted?',
    ...whenValid('kind', 'basisStart'),
  })
  .refine((input) => input.kind !== 'window' || input.windowStart !== undefined, {
    path: ['windowStart'],
    message: 'is required for a count in a window',
    ...whenValid('kind', 'windowStart'),
  })
  .refine((input) => input.kind !== 'window' || input.windowEnd !== undefined, {
    path: ['windowEnd'],
    message: 'is required for a count in a window',
    ...whenValid('kind', 'windowEnd'),
  });

export type FigureInput = z.infer<typeof figureInputSchema>;

export const CORRECTION_ACTIONS = ['correct', 'retract'] as const;

/**
 * A correction names the revision the editor saw as current (`replaces`): if somebody corrected
 * it meanwhile, the write is a conflict rather than a silent overwrite.
 */
export const figureCorrectionSchema = z
  .object({
    replaces: rowId,
    action: choice(CORRECTION_ACTIONS),
    /** The corrected value; a retraction keeps the old one. */
    value: optionalCount,
    /** Unset: the as-of of the figure being corrected. */
    asOf: optionalZonedInstant,
    reason: requiredText(1000),
    provisional: flag,
    source: sourceInputSchema,
  })
  .refine((input) => input.action !== 'correct' || input.value !== undefined, {
    path: ['value'],
    message: 'is required: what is the corrected number?',
    ...whenValid('action', 'value'),
  });

export type FigureCorrectionInput = z.infer<typeof figureCorrectionSchema>;
