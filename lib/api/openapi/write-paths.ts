// The write API in the OpenAPI document: request bodies are the input schemas of lib/validation,
// the very ones the write services parse with.
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { figureCorrectionSchema, figureInputSchema } from '../../validation/figure-input';
import { eventInputSchema, statementInputSchema, targetInputSchema } from '../../validation/timeline-input';
import { createdSchema, figureRevisionSchema } from '../schemas/figures';
import { figurePath, operationPath } from './params';
import { idempotencyKeyHeader, writeResponses } from './responses';

const SOURCE_EXAMPLE = { publisher: 'White House', title: 'Evacuation update', url: 'https://example.org/update', via: 'AFP' };

function write(
  summary: string,
  operationId: string,
  body: z.ZodType,
  example: object,
  responses: ZodOpenApiOperationObject['responses'],
  path: z.ZodObject = operationPath,
): ZodOpenApiOperationObject {
  return {
    operationId,
    summary,
    tags: ['Write'],
    security: [{ bearer: [] }, { staffSession: [] }],
    requestParams: { path, header: idempotencyKeyHeader },
    requestBody: { required: true, content: { 'application/json': { schema: body, example } } },
    responses,
  };
}

// The path names the figure corrected, so `replaces` may be left out (a body naming another figure
// is refused). Built from the schema's own fields; its cross-field rule has no JSON Schema form.
const correctionBody = z.object({ ...figureCorrectionSchema.shape, replaces: figureCorrectionSchema.shape.replaces.optional() });

export const writePaths: ZodOpenApiPathsObject = {
  '/api/operations/{slug}/figures': {
    post: write(
      'Add a figure',
      'addFigure',
      figureInputSchema,
      { group: 'all-evacuees', value: 28000, kind: 'cumulative', basisStart: '2021-08-14', asOf: '2021-08-23', provisional: false, source: SOURCE_EXAMPLE },
      writeResponses(figureRevisionSchema, true),
    ),
  },
  '/api/operations/{slug}/figures/{id}/corrections': {
    post: write(
      'Correct or retract a figure',
      'correctFigure',
      correctionBody,
      { action: 'correct', value: 28100, reason: 'Typo in the first report', source: SOURCE_EXAMPLE },
      writeResponses(figureRevisionSchema, true),
      figurePath,
    ),
  },
  '/api/operations/{slug}/targets': {
    post: write(
      'Add a target',
      'addTarget',
      targetInputSchema,
      { group: 'us-nationals', low: 10000, high: 15000, deadline: '2021-08-31', source: SOURCE_EXAMPLE },
      writeResponses(createdSchema),
    ),
  },
  '/api/operations/{slug}/events': {
    post: write(
      'Add an event',
      'addEvent',
      eventInputSchema,
      { kind: 'meeting', title: 'G7 leaders meet', occurredAt: '2021-08-24', reportedAt: '2021-08-22', source: SOURCE_EXAMPLE },
      writeResponses(createdSchema),
    ),
  },
  '/api/operations/{slug}/statements': {
    post: write(
      'Add a statement',
      'addStatement',
      statementInputSchema,
      {
        speaker: 'Josep Borrell',
        group: 'all-evacuees',
        saidAt: '2021-08-22',
        quote: 'It’s mathematically impossible.',
        claimedGoal: 60000,
        claimedBy: '2021-08-31',
        stance: 'infeasible',
        source: SOURCE_EXAMPLE,
      },
      writeResponses(createdSchema),
    ),
  },
};
