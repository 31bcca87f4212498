// Response shapes shared by every public read, as zod schemas: the routes' output types are
// inferred from them and the OpenAPI document is generated from them, so neither can drift.
import { z } from 'zod';

/** An instant in ISO 8601 with an offset: the operation's own ("+04:30") or UTC ("Z"). */
export const instantSchema = z.iso.datetime({ offset: true }).meta({ example: '2021-08-22T00:00:00+04:30' });

export const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).meta({ example: 'kabul-2021' });

export const sourceSchema = z
  .object({
    publisher: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    via: z.string().nullable().meta({ description: 'Who relayed it, e.g. the news agency' }),
    quote: z.string().nullable(),
    publishedAt: instantSchema.nullable(),
  })
  .meta({ id: 'Source', description: 'Where a number comes from.' });

export const groupSchema = z
  .object({ slug: slugSchema, name: z.string() })
  .meta({ id: 'Group', description: 'A population group of an operation, e.g. US nationals.' });

const parameterErrorSchema = z.object({
  parameter: z.string().meta({ description: 'The query parameter at fault', example: 'group' }),
  message: z.string(),
  code: z.string().optional(),
});

export const invalidParametersSchema = z
  .object({
    error: z.literal('invalid_parameters'),
    message: z.string().optional(),
    errors: z.array(parameterErrorSchema),
  })
  .meta({ id: 'InvalidParameters', description: 'One entry per query parameter that was refused.' });

export const errorSchema = z
  .object({ error: z.string().meta({ example: 'not_found' }), message: z.string() })
  .meta({ id: 'Error', description: 'A stable code a client can branch on, and a sentence.' });

export const writeErrorSchema = z
  .object({
    error: z.string().meta({ example: 'invalid_input' }),
    message: z.string(),
    errors: z
      .array(z.object({ field: z.string().meta({ example: 'source.url' }), message: z.string() }))
      .optional(),
    current: z.unknown().optional().meta({ description: 'For conflict: the revision now in force.' }),
  })
  .meta({ id: 'WriteError', description: 'A refused write: nothing was stored.' });

/** `{ items }`: every list answer has room to grow beside its items. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
