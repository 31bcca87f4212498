// Figures as the JSON API answers them: the paged list, one revision, and what a write returns.
import { z } from 'zod';
import type { FigureRevisionWithSuccessor } from '../../data/figure-revision';
import type { CreatedDto } from '../../data/writes/timeline-writes';
import { instantSchema, slugSchema, sourceSchema } from './common';

export const FIGURE_STATUSES = ['current', 'superseded', 'retracted'] as const;

export const figureItemSchema = z
  .object({
    id: z.int().meta({ description: 'The revision id, as the CSV export’s revision_id' }),
    group: slugSchema,
    value: z.int(),
    kind: z.enum(['cumulative', 'window']),
    basisStart: instantSchema.nullable().meta({ description: 'Cumulative figures: counted since then' }),
    windowStart: instantSchema.nullable(),
    windowEnd: instantSchema.nullable(),
    asOf: instantSchema,
    provisional: z.boolean(),
    status: z.enum(FIGURE_STATUSES).meta({
      description: 'current: in force; superseded: replaced by a correction; retracted: withdrawn',
    }),
    replacesId: z.int().nullable().meta({ description: 'The revision this one corrects or retracts' }),
    correctionReason: z.string().nullable(),
    source: sourceSchema,
  })
  .meta({ id: 'Figure', description: 'One published count, with its source.' });

export const figurePageSchema = z
  .object({
    items: z.array(figureItemSchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .meta({ id: 'FigurePage' });

export type FigureItem = z.infer<typeof figureItemSchema>;
export type FigurePage = z.infer<typeof figurePageSchema>;

const utcInstant = z.iso.datetime();

/** One stored revision: what GET /figures/:id and the figure writes answer. */
export const figureRevisionSchema = z
  .object({
    id: z.int(),
    operation: slugSchema,
    group: slugSchema,
    value: z.int(),
    kind: z.enum(['cumulative', 'window']),
    basisStart: utcInstant.nullable(),
    windowStart: utcInstant.nullable(),
    windowEnd: utcInstant.nullable(),
    asOf: utcInstant,
    provisional: z.boolean(),
    replacesId: z.int().nullable(),
    correctionReason: z.string().nullable(),
    retracted: z.boolean(),
    recordedAt: utcInstant,
    source: sourceSchema,
  })
  .meta({ id: 'FigureRevision' });

export const figureRevisionWithSuccessorSchema = figureRevisionSchema
  .extend({ replacedById: z.int().nullable().meta({ description: 'The revision that replaced this one' }) })
  .meta({ id: 'FigureRevisionWithSuccessor' });

export const createdSchema = z
  .object({ id: z.int(), operation: slugSchema, type: z.enum(['target', 'event', 'statement']) })
  .meta({ id: 'Created' });

// The write side's types are written in lib/data/writes; these fail typecheck if they part ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type RevisionMatchesDto = Assert<Same<z.infer<typeof figureRevisionWithSuccessorSchema>, FigureRevisionWithSuccessor>>;
export type CreatedMatchesDto = Assert<Same<z.infer<typeof createdSchema>, CreatedDto>>;
