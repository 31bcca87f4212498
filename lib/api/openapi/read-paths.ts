// The public JSON reads in the OpenAPI document: each with the zod schema its route parses its
// query with and the one its answer is typed by.
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { viewParamsSchema } from '../../view-params';
import { figureListQuerySchema } from '../figure-list-params';
import { figurePageSchema, figureRevisionWithSuccessorSchema } from '../schemas/figures';
import { summarySchema, seriesSchema } from '../schemas/dashboard';
import {
  eventListSchema,
  groupListSchema,
  operationDetailSchema,
  operationListSchema,
  statementListSchema,
  targetListSchema,
} from '../schemas/operation';
import { figurePath, operationPath } from './params';
import { readResponses } from './responses';

const viewQuery = z.object({
  asOf: viewParamsSchema.shape.asOf.meta({ description: 'The view as it stood by the end of that day, in the operation’s time zone', example: '2021-08-22' }),
  group: viewParamsSchema.shape.group.meta({ description: 'A group slug; default: the first group with figures', example: 'afghans' }),
});

const listRead = (summary: string, schema: z.ZodType, description: string) => ({
  get: {
    operationId: summary.replace(/\W+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase()),
    summary,
    tags: ['Read'],
    requestParams: { path: operationPath },
    responses: readResponses(schema, description),
  },
});

export const readPaths: ZodOpenApiPathsObject = {
  '/api/operations': {
    get: {
      operationId: 'listOperations',
      summary: 'List operations',
      description: 'Every operation, newest first, with its dates, whether the home page shows it, and links to its reads.',
      tags: ['Read'],
      responses: readResponses(operationListSchema, 'The operations'),
    },
  },
  '/api/operations/{slug}': {
    get: {
      operationId: 'getOperation',
      summary: 'Get one operation',
      description: 'The operation with its population groups and its targets, each target with its source.',
      tags: ['Read'],
      requestParams: { path: operationPath },
      responses: readResponses(operationDetailSchema, 'The operation'),
    },
  },
  '/api/operations/{slug}/groups': listRead('List groups', groupListSchema, 'The population groups, in the page’s order'),
  '/api/operations/{slug}/figures': {
    get: {
      operationId: 'listFigures',
      'x-example-query': 'group=all-evacuees&limit=2',
      summary: 'List figures, a page at a time',
      description:
        'The figures with their sources, oldest as-of first, filtered as the CSV export is. Follow `nextCursor` ' +
        '(or the `Link: rel="next"` header) until it is null: every figure comes once, whatever the page size.',
      tags: ['Read'],
      requestParams: { path: operationPath, query: figureListQuerySchema },
      responses: readResponses(
        figurePageSchema,
        'One page of figures',
        z.object({ Link: z.string().optional().meta({ description: 'The next page, as <…>; rel="next"' }) }),
      ),
    },
  },
  '/api/operations/{slug}/figures/{id}': {
    get: {
      operationId: 'getFigureRevision',
      summary: 'Get one figure revision',
      description: 'One revision with its source, and the revision that replaced it once corrected.',
      tags: ['Read'],
      requestParams: { path: figurePath },
      responses: readResponses(figureRevisionWithSuccessorSchema, 'The revision'),
    },
  },
  '/api/operations/{slug}/targets': listRead('List targets', targetListSchema, 'The goals, each with its source'),
  '/api/operations/{slug}/events': listRead('List events', eventListSchema, 'The timeline, each event with its source'),
  '/api/operations/{slug}/statements': listRead('List statements', statementListSchema, 'Who said what about feasibility, with sources'),
  '/api/operations/{slug}/summary': {
    get: {
      operationId: 'getSummary',
      'x-example-query': 'asOf=2021-08-22&group=all-evacuees',
      summary: 'Get the feasibility summary',
      description: 'Everything the page shows for one group and view day: the latest figure, the goal, the paces and the verdict.',
      tags: ['Read'],
      requestParams: { path: operationPath, query: viewQuery },
      responses: readResponses(summarySchema, 'The summary'),
    },
  },
  '/api/operations/{slug}/series': {
    get: {
      operationId: 'getSeries',
      'x-example-query': 'group=all-evacuees',
      summary: 'Get a group’s cumulative series',
      description: 'Every point of the series, with revision ids and sources, never thinned.',
      tags: ['Read'],
      requestParams: { path: operationPath, query: viewQuery },
      responses: readResponses(seriesSchema, 'The series'),
    },
  },
};
