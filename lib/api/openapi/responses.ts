// The answers every route of a kind shares, written once for the OpenAPI document.
import { z } from 'zod';
import type { ZodOpenApiResponsesObject } from 'zod-openapi';
import { errorSchema, invalidParametersSchema, writeErrorSchema } from '../schemas/common';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const cacheHeaders = z.object({
  ETag: z.string().meta({ description: 'A strong tag of the body: send it back in If-None-Match' }),
  'Cache-Control': z.string().meta({ example: 'public, max-age=0, s-maxage=5, stale-while-revalidate=30' }),
});

export const retryAfterHeader = z.object({
  'Retry-After': z.string().meta({ description: 'Seconds to wait before trying again', example: '5' }),
});

const unavailable = {
  description: 'The database is away or too busy: try again after Retry-After seconds',
  headers: retryAfterHeader,
  ...json(errorSchema),
};

/** A public JSON read: 200 with caching headers, 304, 400 naming parameters, 404, 503. */
export function readResponses(schema: z.ZodType, description: string, extraHeaders?: z.ZodObject): ZodOpenApiResponsesObject {
  return {
    '200': { description, headers: extraHeaders ? cacheHeaders.extend(extraHeaders.shape) : cacheHeaders, ...json(schema) },
    '304': { description: 'Not modified: the If-None-Match tag still matches', headers: cacheHeaders },
    '400': { description: 'A query parameter was refused; each is named', ...json(invalidParametersSchema) },
    '404': { description: 'No such operation', ...json(errorSchema) },
    '503': unavailable,
  };
}

/** A write: 201 with the stored row, or a refusal that stored nothing. */
export function writeResponses(schema: z.ZodType, location = false): ZodOpenApiResponsesObject {
  const refusal = (description: string) => ({ description, ...json(writeErrorSchema) });
  return {
    '201': {
      description: 'Stored, with its source and an audit entry, in one transaction',
      ...(location ? { headers: z.object({ Location: z.string().meta({ description: 'Where the new figure can be read' }) }) } : {}),
      ...json(schema),
    },
    '400': refusal('invalid_input: each wrong field named, by its dotted path (source.url)'),
    '401': refusal('No valid bearer token or session'),
    '403': refusal('The account may not write, or a cookie request came from another origin'),
    '404': refusal('No such operation (or figure)'),
    '409': refusal('conflict (someone corrected it first; current is the revision now in force) or idempotency_key_reused'),
    '413': refusal('The body is over 64 KB'),
    '415': refusal('The body is not sent as application/json'),
    '503': { ...unavailable, content: { 'application/json': { schema: writeErrorSchema } } },
  };
}

export const idempotencyKeyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Any 1–200 printable ASCII characters (a UUID fits): a retry with the same key and body stores nothing new' }),
});
